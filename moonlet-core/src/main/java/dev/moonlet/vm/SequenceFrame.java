package dev.moonlet.vm;

import dev.moonlet.value.LuaError;
import java.util.concurrent.CompletableFuture;

/**
 * The activation of a builtin: either a {@link Sequence} the executor drives, or (with no
 * sequence) a builtin that was running directly when an error left it, kept so that message
 * handlers and tracebacks see it on the stack as Lua shows C functions ({@code [C]: in
 * function 'error'}).
 */
final class SequenceFrame extends Frame {
    /** Polled with no results yet. */
    static final int NEW = 0;
    /** Results are ready in {@link #results}: poll. */
    static final int READY = 1;
    /** An error is ready in {@link #error}: call {@link Sequence#error}. */
    static final int FAILED = 2;
    /** Waiting for a call it asked for to return. */
    static final int CALLING = 3;
    /** Its coroutine is suspended in a yield made by this sequence. */
    static final int YIELDED = 4;
    /** Waiting for a coroutine it resumed to yield or return. */
    static final int RESUMING = 5;
    /** Waiting for {@link #future}. */
    static final int AWAITING = 6;
    /** A builtin that raised while running directly (no sequence). */
    static final int RAISED = 7;

    final Builtin builtin;
    final Sequence sequence;
    /**
     * Whether the frame counts against {@link Coroutine#MAX_NESTED_BUILTINS}: a builtin's
     * frame, unless its sequence says otherwise ({@link Sequence#countsAsBuiltin}, false for a
     * {@link Delimiter}). Decided once here, and not by {@code instanceof Delimiter}: on JDK 17
     * an {@code instanceof} against an interface that fails scans the class's interfaces,
     * which cost about as much as the rest of a coroutine switch.
     */
    final boolean countsAsBuiltin;
    /**
     * Whether the Lua frame below made this builtin call with a {@code TAILCALL} and only
     * waits to return its results: the executor then returns them for that frame at once,
     * and a tail call the sequence makes replaces both frames (constant space).
     */
    boolean returnsForCaller;
    int state;
    Object[] results;
    LuaError error;
    CompletableFuture<?> future;

    SequenceFrame(Builtin builtin, Sequence sequence, int state) {
        this.builtin = builtin;
        this.sequence = sequence;
        this.state = state;
        this.countsAsBuiltin = sequence == null || sequence.countsAsBuiltin();
    }

    @Override
    Object function() {
        return builtin;
    }

    /**
     * A copy of this frame, for a clone of a {@link Continuation} that holds it; null when its
     * sequence cannot copy itself ({@link Sequence#copy}).
     */
    SequenceFrame copy() {
        Sequence s = sequence == null ? null : sequence.copy();
        if (s == null) return null;
        SequenceFrame f = new SequenceFrame(builtin, s, state);
        f.copyCallFrom(this);
        f.returnsForCaller = returnsForCaller;
        f.results = results == null ? null : results.clone();
        f.error = error;
        return f;
    }

    @Override
    void trace(Marker m) {
        m.mark(builtin);
        if (sequence != null) sequence.trace(m);
        m.markAll(results);
        if (error != null) m.mark(error.value());
    }
}
