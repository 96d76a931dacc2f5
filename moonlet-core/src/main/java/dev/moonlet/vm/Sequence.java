package dev.moonlet.vm;

import dev.moonlet.value.LuaError;

/**
 * A Java function's state machine, driven by the executor. A builtin returns a sequence when
 * it must call Lua code, yield or wait; the executor keeps it in a heap frame of the running
 * coroutine and polls it whenever what it asked for is done.
 *
 * <p>A sequence is a plain object whose state is its fields (no captured lambdas holding
 * state), so that a paused execution can one day be saved and restored.
 */
public interface Sequence {
    /**
     * Advances the state machine and answers what the executor must do next.
     *
     * @param co the coroutine running this sequence
     * @param results on the first poll, an empty array; afterwards the results of what the
     *     previous action asked for: a {@link Action.Call}'s return values, the values a
     *     {@link Action.Yield} was resumed with, a {@link Action.Resume}'s transferred values,
     *     or an {@link Action.Await}'s future value as a single result
     * @return the next action; never null
     */
    Action poll(Coroutine co, Object[] results);

    /**
     * Called instead of {@link #poll} when the call, resume or wait this sequence asked for
     * ended with an error. A protected call ({@code pcall}) answers an action to go on with;
     * the default rethrows, so the error keeps unwinding past this frame.
     */
    default Action error(Coroutine co, LuaError error) {
        throw error;
    }
}
