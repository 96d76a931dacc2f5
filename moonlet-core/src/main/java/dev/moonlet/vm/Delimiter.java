package dev.moonlet.vm;

import dev.moonlet.value.LuaError;

/**
 * A sequence whose frame delimits captured continuations: a prompt ({@code prompt.call},
 * {@code prompt.reset}), an effect handler ({@code effect.resume}) or a barrier
 * ({@code effect.barrier}).
 *
 * <p>When a sequence answers {@link Action.Capture}, the executor walks down the running
 * coroutine's frames from the one below it and asks each delimiter it meets what it makes of
 * the request: let it {@linkplain Verdict#PASS pass}, {@linkplain Verdict#CATCH catch} it, or
 * {@linkplain Verdict#BLOCK block} it. The first one that catches gets the frames above it cut
 * out as a {@link Continuation} through {@link #captured}, and its frame is the top again.
 *
 * <pre>{@code
 * // a prompt for one tag: catches aborts to that tag, lets everything else pass
 * public Verdict delimits(Action.Capture.Request request) {
 *     return request instanceof Abort a && Comparison.rawEquals(a.tag(), tag) ? Verdict.CATCH : Verdict.PASS;
 * }
 * public Action captured(Coroutine co, Continuation k, Action.Capture.Request request, Object[] values) {
 *     return new Action.TailCall(handler, prepend(wrap(k), values));
 * }
 * }</pre>
 */
public interface Delimiter extends Sequence {
    /** What a delimiter does with a capture request walking down past it. */
    enum Verdict {
        /** Not mine: the search goes on below. */
        PASS,
        /** Mine: the frames above become the continuation handed to {@link #captured}. */
        CATCH,
        /** Forbidden: the request fails with {@link #blocked}, raised where it was made. */
        BLOCK
    }

    /** A delimiter's frame nests like a Lua call: it does not count as a suspended builtin. */
    @Override
    default boolean countsAsBuiltin() {
        return false;
    }

    /** What this frame does with capture {@code request} (the object of an {@link Action.Capture}). */
    Verdict delimits(Action.Capture.Request request);

    /**
     * The error a request this delimiter {@linkplain Verdict#BLOCK blocks} raises, at the
     * point of the request (the top frame of {@code co} is the requesting sequence's).
     */
    default LuaError blocked(Coroutine co, Action.Capture.Request request) {
        throw new IllegalStateException("delimiter blocks without an error");
    }

    /**
     * The frames above this one were cut out as {@code k} because this delimiter caught
     * {@code request}, which carried {@code values}; this frame is the top of {@code co} again
     * and answers what the executor does next, as {@link #poll} does.
     */
    Action captured(Coroutine co, Continuation k, Action.Capture.Request request, Object[] values);
}
