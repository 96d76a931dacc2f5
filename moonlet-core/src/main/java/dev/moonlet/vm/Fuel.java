package dev.moonlet.vm;

/**
 * The work budget of one {@link Executor#step(long)}. The interpreter charges one unit per
 * instruction (in batches, at branches and calls) and builtins charge in proportion to the work
 * they do; when the fuel runs out the step ends at the next point where the executor can stop.
 *
 * <pre>{@code
 * // inside a builtin that copies n bytes:
 * co.fuel().consume(n / 16 + 1);
 * // a builtin that wants the step to end as soon as it returns (piccolo's print example):
 * co.fuel().interrupt();
 * }</pre>
 */
public final class Fuel {
    /** Units left; the interpreter loop decrements it directly, in batches. */
    long remaining;
    private boolean interrupted;

    /** The fuel left in this step; may be negative after a large charge. */
    public long remaining() {
        return remaining;
    }

    /** Charges {@code amount} units of work. */
    public void consume(long amount) {
        remaining -= amount;
    }

    /** Ends the current step as soon as the executor regains control. */
    public void interrupt() {
        interrupted = true;
    }

    /** Whether the step must end now: the fuel is spent or {@link #interrupt()} was called. */
    public boolean exhausted() {
        return remaining <= 0 || interrupted;
    }

    /** Whether {@link #interrupt()} was called during this step. */
    public boolean isInterrupted() {
        return interrupted;
    }

    /** Starts a step with {@code amount} units. */
    void refill(long amount) {
        remaining = amount;
        interrupted = false;
    }
}
