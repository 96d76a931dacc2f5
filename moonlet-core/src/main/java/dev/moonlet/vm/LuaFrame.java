package dev.moonlet.vm;

import dev.moonlet.compiler.Proto;

/**
 * The activation of a Lua function. Its registers are the coroutine's stack slots from
 * {@link #base} (= {@code func + 1}) to {@code base + proto.maxStackSize}; extra arguments of
 * a vararg function are kept aside in {@link #varargs}.
 */
final class LuaFrame extends Frame {
    Closure closure;
    int base;
    /** The next instruction to execute; the current one, for messages, is {@code pc - 1}. */
    int pc;
    /** The arguments beyond the fixed parameters of a vararg function (else empty). */
    Object[] varargs;
    /**
     * The end of a variable-length list of values that a {@code CALL} or {@code VARARG} with
     * C = 0 left in the registers, for the next instruction with B = 0 to consume.
     */
    int top;
    /** Values left by an interrupted {@code CONCAT} that is being executed again (else 0). */
    int concatLeft;

    @Override
    Object function() {
        return closure;
    }

    @Override
    void trace(Marker m) {
        m.mark(closure);
        m.markAll(varargs);
    }

    Proto proto() {
        return closure.proto;
    }

    /** The index of the instruction being executed. */
    int currentPc() {
        return pc - 1;
    }

    /** The source line of the instruction being executed, or -1. */
    int currentLine() {
        return closure.proto.lineAt(pc - 1);
    }

    /** A copy of this frame, for a clone of a {@link Continuation} that holds it. */
    LuaFrame copy() {
        LuaFrame f = new LuaFrame();
        f.copyCallFrom(this);
        f.closure = closure;
        f.base = base;
        f.pc = pc;
        f.varargs = varargs == null ? null : varargs.clone();
        f.top = top;
        f.concatLeft = concatLeft;
        return f;
    }
}
