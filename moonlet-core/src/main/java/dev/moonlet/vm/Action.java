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

    /**
     * Capture the continuation up to the nearest delimiter below that catches {@code request}
     * (see {@link Delimiter}): the frames above it, this sequence's included, are cut out as a
     * {@link Continuation} and the delimiter hears {@code request} and {@code values} through
     * {@link Delimiter#captured}. When that continuation is spliced back, this sequence is
     * polled with the splice's values (or hears its error). When no delimiter of the running
     * coroutine catches the request, the error is the request's
     * {@linkplain Request#unhandled() unhandled} message, or its
     * {@linkplain Request#crossing() crossing} one when a coroutine that resumed this one has a
     * delimiter that would: captures stop at coroutine boundaries. Either message gets the
     * position of this sequence's caller.
     */
    record Capture(Request request, Object[] values) implements Action {
        /** What a capture looks for (an abort to a tag, an effect), as delimiters judge it. */
        public interface Request {
            /** The message when nothing catches the request. */
            String unhandled();

            /** The message when only a delimiter beyond a coroutine boundary would catch it. */
            String crossing();

            /** Marks the Lua values the request holds (its tag, say), for the collector. */
            void trace(Marker m);
        }
    }

    /**
     * Splice continuation {@code continuation} back on top of this sequence's frame, which then
     * waits for it as for a call: the capturing frame at its top returns {@code values}
     * (placed after any values bound to the continuation), or raises {@code error} when it is
     * not null; what the continuation's bottom frame finally returns is polled to this
     * sequence. A continuation that never started calls its body with the values instead (and
     * an error is raised at once). Raises "continuation already consumed" when it was spliced
     * before.
     */
    record Splice(Continuation continuation, Object[] values, LuaError error) implements Action {}

    /** Raise {@code error} from the sequence's frame. */
    record Raise(LuaError error) implements Action {}

    /**
     * Wait, without holding any Java thread, until {@code future} completes; meanwhile the
     * executor reports that it is waiting. The sequence is then polled with the future's value
     * as its single result, or hears its exception as a Lua error.
     */
    record Await(CompletableFuture<?> future) implements Action {}
}
