package dev.moonlet.playground;

/**
 * How much output a session may still send to its page: a token bucket of bytes that refills
 * at a steady rate up to a burst. A task whose last slice wrote output runs again only while
 * the budget is positive, so {@code while true do print(1) end} produces at most the rate, and
 * costs the stepper pool nothing while it waits. Shared by a session's machines, so by
 * several stepper threads.
 *
 * <pre>{@code
 * OutputBudget b = new OutputBudget(32 * 1024, 64 * 1024);
 * b.spend(100_000);
 * b.available();              // false
 * b.millisUntilAvailable();   // about a second
 * }</pre>
 */
final class OutputBudget {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long bytesPerSecond;
    private final long burst;
    private long tokens;
    private long refilledAt = System.nanoTime();

    /** A full budget that refills at {@code bytesPerSecond} up to {@code burst} bytes. */
    OutputBudget(long bytesPerSecond, long burst) {
        this.bytesPerSecond = bytesPerSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Whether output may be written now. */
    synchronized boolean available() {
        refill();
        return tokens > 0;
    }

    /** Charges {@code bytes} sent; the budget may go negative (a slice's output is not cut). */
    synchronized void spend(long bytes) {
        refill();
        tokens -= bytes;
    }

    /** How long until {@link #available()} holds again; 0 if it holds now. */
    synchronized long millisUntilAvailable() {
        refill();
        return tokens > 0 ? 0 : (1 - tokens) * 1000 / bytesPerSecond + 1;
    }

    private void refill() {
        long now = System.nanoTime();
        long earned = (now - refilledAt) * bytesPerSecond / NANOS_PER_SECOND;
        if (earned > 0) {
            tokens = Math.min(burst, tokens + earned);
            refilledAt += earned * NANOS_PER_SECOND / bytesPerSecond;
        }
    }
}
