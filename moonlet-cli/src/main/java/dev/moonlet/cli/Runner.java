package dev.moonlet.cli;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Traceback;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The command's one stepping loop: steps an executor until it ends, within the command's
 * limits ({@code --fuel}, {@code --timeout}) and until Ctrl-C ({@link #interrupt()}), and keeps
 * the figures {@code --stats} prints. Everything the command runs — {@code LUA_INIT}, each
 * {@code -e} and {@code -l}, the script, each REPL line — goes through {@link #run}, so the
 * budgets are totals over the whole command.
 *
 * <p>Stopping is simply not stepping again: no thread is killed, nothing is unwound, and the
 * instance (its globals) stays as the last step left it.
 */
final class Runner {
    /** The work of one step: a few milliseconds, so Ctrl-C and the timeout act promptly. */
    static final long FUEL_PER_STEP = 1 << 16;
    /** How long to wait before stepping an executor that waits for a future again. */
    private static final long WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    /** How a run ended. */
    sealed interface Outcome {
        /** The function returned these values. */
        record Finished(Object[] values) implements Outcome {}

        /** The function raised this error (its traceback recorded). */
        record Failed(LuaError error) implements Outcome {}

        /** Ctrl-C stopped it: the message ({@code "file:2: interrupted!"}) and the traceback where it stopped. */
        record Interrupted(String message, String traceback) implements Outcome {}

        /** A limit of the command line was reached: the one-line message saying which. */
        record OverLimit(String message) implements Outcome {}
    }

    private final long fuelLimit;
    private final double timeLimitSeconds;
    private final long timeLimitNanos;
    private final String memoryText;
    private final ScriptOutput out;
    private volatile boolean interruptRequested;

    private long fuelUsed;
    private long steps;
    private long longestStepNanos;
    private long runningNanos;

    /**
     * @param fuelLimit the total work allowed ({@code --fuel}), or -1
     * @param timeLimitSeconds the total running time allowed ({@code --timeout}), or -1
     * @param memoryText the {@code --memory} argument, for the message when it is reached, or null
     * @param out flushed after every step
     */
    Runner(long fuelLimit, double timeLimitSeconds, String memoryText, ScriptOutput out) {
        this.fuelLimit = fuelLimit;
        this.timeLimitSeconds = timeLimitSeconds;
        this.timeLimitNanos = timeLimitSeconds < 0 ? -1 : (long) (timeLimitSeconds * 1e9);
        this.memoryText = memoryText;
        this.out = out;
    }

    /** Asks the run in progress to stop before its next step (any thread; Ctrl-C's handler). */
    void interrupt() {
        interruptRequested = true;
    }

    /** Steps {@code ex} until it finishes, fails, is interrupted or reaches a limit. */
    Outcome run(Executor ex) {
        interruptRequested = false;
        long start = System.nanoTime();
        long before = runningNanos;
        try {
            for (;;) {
                if (interruptRequested) return interrupted(ex);
                Outcome over = overLimit();
                if (over != null) return over;
                long fuel = fuelLimit < 0 ? FUEL_PER_STEP : Math.min(FUEL_PER_STEP, fuelLimit - fuelUsed);
                long stepStart = System.nanoTime();
                Status s = ex.step(fuel);
                long now = System.nanoTime();
                steps++;
                longestStepNanos = Math.max(longestStepNanos, now - stepStart);
                fuelUsed += fuel - ex.fuel().remaining();
                runningNanos = before + (now - start);
                out.flushNow();
                if (s instanceof Status.Finished) return new Outcome.Finished(((Status.Finished) s).values());
                if (s instanceof Status.Failed) return failed(((Status.Failed) s).error());
                if (s instanceof Status.Waiting) LockSupport.parkNanos(WAIT_NANOS);
            }
        } finally {
            runningNanos = before + (System.nanoTime() - start);
        }
    }

    private Outcome overLimit() {
        if (fuelLimit >= 0 && fuelUsed >= fuelLimit) {
            return new Outcome.OverLimit("out of fuel (--fuel " + fuelLimit + ")");
        }
        if (timeLimitNanos >= 0 && runningNanos >= timeLimitNanos) {
            return new Outcome.OverLimit("timed out (--timeout "
                    + BigDecimal.valueOf(timeLimitSeconds).stripTrailingZeros().toPlainString() + ")");
        }
        return null;
    }

    /** An error reaching the top: {@code not enough memory} under {@code --memory} is the limit's. */
    Outcome failed(LuaError error) {
        if (memoryText != null && Heap.NOT_ENOUGH_MEMORY.equals(error.value())) {
            return new Outcome.OverLimit("not enough memory (--memory " + memoryText + ")");
        }
        return new Outcome.Failed(error);
    }

    /** Where {@code ex} stopped, worded as lua.c's interrupt hook words it. */
    private static Outcome interrupted(Executor ex) {
        Coroutine co = ex.currentCoroutine();
        // lua.c raises from a hook, where level 1 is the running function's caller.
        String message = co.where(1) + "interrupted!";
        return new Outcome.Interrupted(message, Traceback.of(co, null, 0).toString());
    }

    /**
     * The {@code --stats} report: work done (instructions and builtin work, in fuel units),
     * steps taken, the longest step, the peak accounted memory and the wall time.
     */
    String stats(long peakBytes, long wallNanos) {
        return String.format(Locale.ROOT,
                "instructions  %d%n"
                + "steps         %d%n"
                + "longest step  %d us%n"
                + "peak memory   %d bytes%n"
                + "wall time     %s s%n",
                fuelUsed, steps, TimeUnit.NANOSECONDS.toMicros(longestStepNanos), peakBytes,
                seconds(wallNanos));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
