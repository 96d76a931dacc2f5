package dev.moonlet.vm;

import dev.moonlet.compiler.Proto;
import dev.moonlet.value.LuaString;
import java.nio.charset.StandardCharsets;

/**
 * One call level of a coroutine as the debug library sees it ({@code lua_getstack}'s
 * {@code lua_Debug}): the function running there, its current line, how it was called, what
 * a hook event transfers, and its local variables. Level 0 is the running function (for the
 * running coroutine, the builtin that asks), 1 its caller, and so on; the executor's own
 * frames are not levels. A level is a momentary view: use it before the coroutine runs again.
 *
 * <pre>{@code
 * StackLevel caller = StackLevel.of(co, 1, args);
 * if (caller != null && caller.isLua()) line = caller.currentLine();
 * }</pre>
 */
public final class StackLevel {
    private static final LuaString VARARG = LuaString.of("(vararg)");
    private static final LuaString TEMPORARY = LuaString.of("(temporary)");
    private static final LuaString C_TEMPORARY = LuaString.of("(C temporary)");
    /** The index that stands for the builtin running directly (not in a frame). */
    private static final int RUNNING_BUILTIN = -2;

    private final Coroutine co;
    private final int index;
    private final Object[] runningArgs;

    private StackLevel(Coroutine co, int index, Object[] runningArgs) {
        this.co = co;
        this.index = index;
        this.runningArgs = runningArgs;
    }

    /**
     * Level {@code level} of {@code co}, or null when there is no such level (negative, or
     * deeper than the stack). {@code runningArgs} are the arguments of the builtin asking,
     * which are its temporaries if it is itself the level (level 0 of the running coroutine).
     */
    public static StackLevel of(Coroutine co, int level, Object[] runningArgs) {
        if (level < 0) return null;
        int index = co.frameIndexOfLevel(level);
        return index == -1 ? null : new StackLevel(co, index, runningArgs);
    }

    private Frame frame() {
        return co.frames[index];
    }

    /** The function running at this level. */
    public Object function() {
        return index == RUNNING_BUILTIN ? co.activeBuiltin : frame().function();
    }

    /** Whether a Lua function runs at this level (else a builtin). */
    public boolean isLua() {
        return index != RUNNING_BUILTIN && frame() instanceof LuaFrame;
    }

    /** The line being executed, or -1 for a builtin or code without line information. */
    public int currentLine() {
        return isLua() ? ((LuaFrame) frame()).currentLine() : -1;
    }

    /** Whether the function was entered by a tail call. */
    public boolean isTailCall() {
        return index == RUNNING_BUILTIN ? co.activeTail : frame().tail;
    }

    private DebugNames.Name callName() {
        if (index == RUNNING_BUILTIN) return co.activeTail ? null : DebugNames.callerName(co.top());
        return DebugNames.calledName(co, index);
    }

    /** The name the caller used for the function ({@code getinfo}'s {@code name}), or null. */
    public LuaString name() {
        DebugNames.Name n = callName();
        return n == null ? null : LuaString.wrap(n.name().getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * What that name is: {@code "global"}, {@code "local"}, {@code "method"}, {@code "field"},
     * {@code "upvalue"}, {@code "metamethod"}, {@code "for iterator"}, {@code "hook"}, or
     * {@code ""} when there is no name.
     */
    public String nameWhat() {
        DebugNames.Name n = callName();
        return n == null ? "" : n.kind();
    }

    /** The first value a hook event of this level transfers (a local's index), or 0. */
    public int transferFrom() {
        HookedBuiltin hb = hookedBuiltin();
        if (hb != null) return hb.transferFrom();
        HookCall hc = hookCallAbove();
        return hc == null ? 0 : hc.transferFrom;
    }

    /** How many values a hook event of this level transfers. */
    public int transferCount() {
        HookedBuiltin hb = hookedBuiltin();
        if (hb != null) return hb.transferCount();
        HookCall hc = hookCallAbove();
        return hc == null ? 0 : hc.transferCount;
    }

    private HookedBuiltin hookedBuiltin() {
        if (index == RUNNING_BUILTIN || !(frame() instanceof SequenceFrame)) return null;
        Sequence s = ((SequenceFrame) frame()).sequence;
        return s instanceof HookedBuiltin ? (HookedBuiltin) s : null;
    }

    private HookCall hookCallAbove() {
        if (index == RUNNING_BUILTIN || index + 1 >= co.frameCount) return null;
        Frame above = co.frames[index + 1];
        if (!(above instanceof SequenceFrame)) return null;
        Sequence s = ((SequenceFrame) above).sequence;
        return s instanceof HookCall ? (HookCall) s : null;
    }

    // ------------------------------------------------------------------ locals

    /**
     * The name of local {@code n} ({@code luaG_findlocal}): an active local variable of a Lua
     * function, {@code "(vararg)"} for an extra argument ({@code n} negative),
     * {@code "(temporary)"} for another register in use, {@code "(C temporary)"} for a
     * builtin's arguments (and its results in a return hook); null when there is no such
     * local.
     */
    public LuaString localName(int n) {
        if (isLua()) return luaLocalName((LuaFrame) frame(), n);
        return n > 0 && n <= temporaries() ? C_TEMPORARY : null;
    }

    private LuaString luaLocalName(LuaFrame f, int n) {
        if (n < 0) return -n <= f.varargs.length ? VARARG : null;
        LuaString name = f.proto().localName(n, f.currentPc());
        if (name != null) return name;
        return n > 0 && n <= limit() - f.base ? TEMPORARY : null;
    }

    /** Where the registers of the Lua frame at this level end: where the next frame starts. */
    private int limit() {
        if (index + 1 < co.frameCount) return co.frames[index + 1].func;
        if (co.activeBuiltin != null) return co.activeFunc;
        LuaFrame f = (LuaFrame) frame();
        Proto p = f.proto();
        return f.base + p.maxStackSize;
    }

    private int temporaries() {
        if (index == RUNNING_BUILTIN) return runningArgs == null ? 0 : runningArgs.length;
        HookedBuiltin hb = hookedBuiltin();
        return hb == null ? 0 : hb.temporaries();
    }

    /** The value of local {@code n}, which {@link #localName} names. */
    public Object local(int n) {
        if (isLua()) {
            LuaFrame f = (LuaFrame) frame();
            return n < 0 ? f.varargs[-n - 1] : co.value(f.base + n - 1);
        }
        return index == RUNNING_BUILTIN ? runningArgs[n - 1] : hookedBuiltin().temporary(n);
    }

    /** Sets local {@code n}, which {@link #localName} names. */
    public void setLocal(int n, Object value) {
        if (isLua()) {
            LuaFrame f = (LuaFrame) frame();
            if (n < 0) f.varargs[-n - 1] = value;
            else co.stack[f.base + n - 1] = value;
        } else if (index == RUNNING_BUILTIN) {
            runningArgs[n - 1] = value;
        } else {
            hookedBuiltin().setTemporary(n, value);
        }
    }
}
