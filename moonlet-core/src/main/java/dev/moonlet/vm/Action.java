package dev.moonlet.vm;

import dev.moonlet.value.LuaError;
import java.util.concurrent.CompletableFuture;

/**
 * What a {@link Sequence} asks the executor to do next: a closed set. Each variant says what
 * the executor does and how the sequence hears back.
 */
public sealed interface Action {
    /** Finish the sequence: its builtin returns {@code values} to its caller. */
    record Return(Object[] values) implements Action {}

    /**
     * Call {@code function} (any value; {@code __call} applies) with {@code args}, then poll
     * the sequence again with the call's results. If the call fails, the sequence's
     * {@link Sequence#error} hears the error.
     */
    record Call(Object function, Object[] args) implements Action {}

    /**
     * Finish the sequence by tail-calling {@code function}: its results become the builtin's
     * results, and the sequence's frame is gone before the call starts.
     */
    record TailCall(Object function, Object[] args) implements Action {}

    /**
     * Suspend the running coroutine, handing {@code values} to whoever resumed it; when it is
     * resumed again the sequence is polled with the resume's arguments. Raises "attempt to
     * yield from outside a coroutine" when the running coroutine is the executor's main one.
     */
    record Yield(Object[] values) implements Action {}

    /**
     * Symmetric transfer: suspend the running coroutine and resume {@code target} with
     * {@code values} in its place, without nesting; whoever resumed the running coroutine
     * becomes {@code target}'s resumer. When something later resumes the running coroutine,
     * the sequence is polled with those values.
     */
    record YieldTo(Coroutine target, Object[] values) implements Action {}

    /**
     * Resume {@code target} with {@code args} (it must be suspended): it runs until it yields
     * or returns, and then the sequence is polled with the values it yielded or returned; if
     * it dies with an error, {@link Sequence#error} hears that error (the resumer's frames are
     * not unwound by it).
     */
    record Resume(Coroutine target, Object[] args) implements Action {}

    /**
     * Let the executor end its step when the fuel is spent: the sequence is then polled again
     * with no results, in a later step or at once when fuel remains. A sequence doing long work
     * by itself (a pattern match, a sort) charges the fuel as it goes and answers this when
     * {@linkplain Fuel#exhausted() it is spent}, so that a step stays about as long as asked.
     * Nothing is called: no hook sees it and no level appears on the stack.
     *
     * <pre>{@code
     * co.fuel().consume(1);
     * if (co.fuel().exhausted()) return Action.Pause.INSTANCE;
     * }</pre>
     */
    record Pause() implements Action {
        /** The pause (all pauses are alike). */
        public static final Pause INSTANCE = new Pause();
    }

    /** Raise {@code error} from the sequence's frame. */
    record Raise(LuaError error) implements Action {}

    /**
     * Wait, without holding any Java thread, until {@code future} completes; meanwhile the
     * executor reports that it is waiting. The sequence is then polled with the future's value
     * as its single result, or hears its exception as a Lua error.
     */
    record Await(CompletableFuture<?> future) implements Action {}
}
