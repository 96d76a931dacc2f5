package dev.moonlet.vm;

/**
 * One activation on a coroutine's frame stack: a Lua function ({@link LuaFrame}) or a builtin
 * ({@link SequenceFrame}). Frames form a plain array in {@link Coroutine}, from the coroutine's
 * body at index 0 to the running function at the top, so that a segment of them can later be
 * cut out and spliced back ({@link Continuation}) or written out (persistence).
 *
 * <p>A frame also says where its results go when it returns: {@link #ret} selects how the
 * frame below consumes them, which is how an instruction that called a metamethod is finished
 * after the metamethod returns (PUC-Rio's {@code luaV_finishOp}).
 */
abstract class Frame {
    /** Results go to the caller's stack from {@link #dest} on, adjusted to {@link #wanted}. */
    static final int RET_CALL = 0;
    /** The first result (or nil) goes to register {@link #dest} of the Lua frame below. */
    static final int RET_STORE = 1;
    /**
     * The first result's truth decides a comparison: when it differs from the k bit of the
     * caller's current instruction, the caller skips its next instruction (the jump).
     */
    static final int RET_TEST = 2;
    /** Results are dropped (a {@code __newindex} function). */
    static final int RET_DISCARD = 3;
    /**
     * Results are dropped and the caller executes its current instruction again: a
     * {@code CLOSE} or {@code RETURN} that is calling {@code __close} handlers one by one.
     */
    static final int RET_REDO = 4;
    /**
     * A {@code __concat} result: stored in register {@link #dest}, then the caller's
     * {@code CONCAT} goes on with {@link #wanted} values left.
     */
    static final int RET_CONCAT = 5;
    /** The results are the answer to the sequence frame below ({@link Sequence#poll}). */
    static final int RET_SEQUENCE = 6;
    /** The frame is the coroutine's body: its results end the coroutine. */
    static final int RET_ROOT = 7;

    /** How the frame below takes this frame's results (one of the RET_ constants). */
    int ret;
    /** A stack index whose meaning depends on {@link #ret}. */
    int dest;
    /** RET_CALL: results wanted (-1 = all of them); RET_CONCAT: values left to concatenate. */
    int wanted;
    /** The stack slot of the called function; the frame's part of the stack starts here. */
    int func;
    /** Whether the frame was entered by a tail call (tracebacks show "(...tail calls...)"). */
    boolean tail;

    /** The function running in this frame. */
    abstract Object function();

    /** Marks the Lua values the frame keeps outside the stack (see {@link Marker}). */
    abstract void trace(Marker m);

    /** Copies the call fields (where results go, the function slot, the tail flag) of {@code f}. */
    final void copyCallFrom(Frame f) {
        ret = f.ret;
        dest = f.dest;
        wanted = f.wanted;
        func = f.func;
        tail = f.tail;
    }
}
