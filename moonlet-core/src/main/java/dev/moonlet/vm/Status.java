package dev.moonlet.vm;

import dev.moonlet.value.LuaError;

/**
 * What {@link Executor#step(long)} reports after a step: a closed set.
 *
 * <pre>{@code
 * Status s;
 * do s = executor.step(10_000); while (s instanceof Status.Running);
 * if (s instanceof Status.Finished f) use(f.values());
 * }</pre>
 */
public sealed interface Status {
    /** The step's fuel ran out (or was interrupted); step again to go on. */
    record Running() implements Status {}

    /** The main function returned these values; further steps report the same. */
    record Finished(Object[] values) implements Status {}

    /**
     * The main function raised an error nothing caught; {@link LuaError#traceback()} holds the
     * traceback recorded where it was raised. Further steps report the same.
     */
    record Failed(LuaError error) implements Status {}

    /**
     * The running coroutine waits for a future ({@link Action.Await}); step again once it has
     * completed (a step before that returns {@code Waiting} at once, using no fuel).
     */
    record Waiting() implements Status {}

    /** The one {@link Running} status. */
    Status RUNNING = new Running();
    /** The one {@link Waiting} status. */
    Status WAITING = new Waiting();
}
