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

    /**
     * Whether the functions this sequence calls may yield directly: whether a builtin that
     * suspends the coroutine ({@code coroutine.yield}, {@code coroutine.yieldto}) may be the
     * very function this sequence asked to {@linkplain Action.Call call}. When it may not, that
     * yield fails with "attempt to yield across a C-call boundary", which is what Lua does for
     * C functions that call without a continuation ({@code table.sort(t, coroutine.yield)},
     * {@code string.gsub(s, p, coroutine.yield)}). The rule only concerns that direct call: a
     * Lua function between this sequence and the yield makes the yield fine, so a Lua
     * comparator of {@code table.sort} may yield. The default is false; sequences standing for
     * functions Lua calls with continuations ({@code pcall}, {@code xpcall}, {@code dofile},
     * {@code pairs} with {@code __pairs}) answer true.
     */
    default boolean callsMayYield() {
        return false;
    }

    /**
     * Whether this sequence catches the errors raised by the calls it makes (as {@code pcall}
     * and {@code xpcall} do: their {@link #error} answers instead of rethrowing). The executor
     * asks when an error is raised, before unwinding anything: the nearest catching sequence
     * below the error point decides whether a {@linkplain #messageHandler() message handler}
     * runs, and an error no sequence catches in the main coroutine gets its traceback
     * recorded. A sequence that does not declare this still hears errors through
     * {@link #error} while they unwind past it.
     */
    default boolean catchesErrors() {
        return false;
    }

    /**
     * Whether this sequence's frame counts as a suspended builtin against the limit on
     * builtins nested in one chain of coroutines, beyond which a call raises
     * {@code "C stack overflow"} (Lua's limit on nested C calls). The default is true; a
     * {@link Delimiter} answers false, as its frame nests like a Lua call, as deep as the
     * stack allows. Asked once, when the sequence's frame is made.
     */
    default boolean countsAsBuiltin() {
        return true;
    }

    /**
     * The message handler for errors raised by the calls this sequence makes, or null: the
     * function {@code xpcall} was given. Only consulted when {@link #catchesErrors()} is true.
     *
     * <p>The executor calls the handler at the error point, before unwinding (so that
     * {@code debug.traceback} in the handler sees the frames that raised), with the error value
     * as its one argument; its first result becomes the value of the error that
     * {@link #error} then hears. If the handler raises an error, it is called again with that
     * error's value, up to a limit, after which the value is
     * {@code "error in error handling"}, as in Lua.
     *
     * <pre>{@code
     * // xpcall(f, handler, ...) as a sequence:
     * public Action poll(Coroutine co, Object[] results) {
     *     if (!called) { called = true; return new Action.Call(f, args); }
     *     return new Action.Return(prepend(true, results));
     * }
     * public Action error(Coroutine co, LuaError e) { return new Action.Return(new Object[] {false, e.value()}); }
     * public boolean catchesErrors() { return true; }
     * public Object messageHandler() { return handler; }
     * }</pre>
     */
    default Object messageHandler() {
        return null;
    }

    /**
     * A copy of this sequence in its present state, for a clone of a {@link Continuation}
     * whose frames hold it ({@code prompt.clone}, {@code effect.clone}): from now on the copy
     * must behave as this sequence would, sharing nothing mutable with it. The default, null,
     * says the sequence cannot be copied, and cloning a continuation through it fails with an
     * error that names its builtin.
     */
    default Sequence copy() {
        return null;
    }

    /**
     * The frame of this sequence is dropped for good, its task killed ({@code task.kill}):
     * answers the values whose {@code __close} handlers the sequence was to call and has not
     * called yet (a {@code coroutine.close} in progress), the innermost first, so that the
     * killed task closes them instead; the sequence will not be polled again. The default
     * answers none.
     */
    default Object[] abandon() {
        return Values.NONE;
    }

    /**
     * Marks every Lua value this sequence keeps in its fields (functions to call, arguments,
     * tables it works on, partial results), for the collector, which calls it whenever it
     * traverses the coroutine this sequence's frame is on. A value left out may be collected
     * while the sequence still uses it: removed from weak tables, finalized. The default marks
     * nothing, which is right only for a sequence that keeps no Lua values.
     *
     * <pre>{@code
     * public void trace(Marker m) {
     *     m.mark(table);
     *     m.mark(comparator);
     * }
     * }</pre>
     */
    default void trace(Marker m) {}
}
