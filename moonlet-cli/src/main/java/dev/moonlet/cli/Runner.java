package dev.moonlet.cli;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.api.Lua;
import dev.moonlet.vm.Scheduler;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Task;
import dev.moonlet.vm.Traceback;
import dev.moonlet.vm.Values;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The command's one stepping loop: runs a chunk as a task of the instance's scheduler until it
 * ends (and then, for scripts, the tasks it left), within the command's
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
    /**
     * The longest wait, while every task sleeps or waits for a future, before looking at
     * Ctrl-C and the time limit again.
     */
    private static final long AWAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

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

    /**
     * Runs {@code fn(args)} as a task of {@code lua}'s scheduler until it finishes, fails, is
     * interrupted or reaches a limit; the other tasks take their turns meanwhile. A task
     * stopped by an interrupt or a limit is aborted (no {@code __close} handler runs).
     */
    Outcome run(Lua lua, Object fn, Object... args) {
        Task task = lua.scheduler().spawn(fn, args);
        Outcome outcome = drive(lua.scheduler(), task);
        if (task.state() != Task.State.DEAD) task.abort();
        return outcome;
    }

    /**
     * Runs the tasks left (those the chunks spawned) until none can run, or an interrupt or a
     * limit stops them all (they are aborted). Their failures are the scheduler's to report.
     */
    Outcome runRest(Lua lua) {
        Outcome outcome = drive(lua.scheduler(), null);
        if (!(outcome instanceof Outcome.Finished)) killAll(lua);
        return outcome;
    }

    /** Aborts every task left in {@code lua}: when the command ends, no task may run again (not even while the instance closes). */
    static void killAll(Lua lua) {
        for (Task t : lua.scheduler().tasks()) t.abort();
    }

    /** Runs the scheduler in steps until {@code until} has ended (or, if null, no task can run). */
    private Outcome drive(Scheduler scheduler, Task until) {
        interruptRequested = false;
        long start = System.nanoTime();
        long before = runningNanos;
        try {
            for (;;) {
                if (interruptRequested) return interrupted(until != null ? until : scheduler.lastTurn());
                Outcome over = overLimit();
                if (over != null) return over;
                long fuel = fuelLimit < 0 ? FUEL_PER_STEP : Math.min(FUEL_PER_STEP, fuelLimit - fuelUsed);
                long stepStart = System.nanoTime();
                long used = scheduler.fuelUsed();
                Scheduler.Progress p = scheduler.run(fuel, until);
                long now = System.nanoTime();
                steps++;
                longestStepNanos = Math.max(longestStepNanos, now - stepStart);
                fuelUsed += scheduler.fuelUsed() - used;
                runningNanos = before + (now - start);
                out.flushNow();
                if (until != null && until.state() == Task.State.DEAD) {
                    Status s = until.outcome();
                    if (s instanceof Status.Finished f) return new Outcome.Finished(f.values());
                    return failed(((Status.Failed) s).error());
                }
                if (p == Scheduler.Progress.DONE) {
                    if (until == null) return new Outcome.Finished(Values.NONE);
                    return new Outcome.Failed(new LuaError("deadlock: the chunk waits in "
                            + until.waitingFor().description() + " and no task can wake it"));
                }
                if (p != Scheduler.Progress.READY) scheduler.awaitWork(AWAIT_NANOS);
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

    /** Where {@code task} stopped, worded as lua.c's interrupt hook words it. */
    private static Outcome interrupted(Task task) {
        if (task == null) return new Outcome.Interrupted("interrupted!", "");
        Coroutine co = task.executor().currentCoroutine();
        // lua.c raises from a hook, where level 1 is the running function's caller.
        String message = co.where(1) + "interrupted!";
        return new Outcome.Interrupted(message, Traceback.of(co, null, 0).toString());
    }

    /**
     * The {@code --stats} report: work done (instructions and builtin work, in fuel units),
     * steps taken, the longest step, the peak accounted memory and the wall time; then a line
     * for each task still blocked when the command ended, as {@link Task#describe()} put it
     * ({@code blocked       task 3: waiting (task.recv)}).
     */
    String stats(long peakBytes, long wallNanos, List<String> blocked) {
        StringBuilder b = new StringBuilder();
        for (String t : blocked) b.append(String.format(Locale.ROOT, "blocked       %s%n", t));
        return String.format(Locale.ROOT,
                "instructions  %d%n"
                + "steps         %d%n"
                + "longest step  %d us%n"
                + "peak memory   %d bytes%n"
                + "wall time     %s s%n",
                fuelUsed, steps, TimeUnit.NANOSECONDS.toMicros(longestStepNanos), peakBytes,
                seconds(wallNanos)) + b;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
