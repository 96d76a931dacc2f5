package dev.moonlet.vm;

import static dev.moonlet.compiler.Instruction.a;
import static dev.moonlet.compiler.Instruction.b;
import static dev.moonlet.compiler.Instruction.k;
import static dev.moonlet.compiler.Instruction.op;

import dev.moonlet.compiler.OpCode;
import dev.moonlet.compiler.Proto;
import dev.moonlet.value.LuaString;

/**
 * Debug hooks ({@code debug.sethook}): the hook of one coroutine and the points where the
 * virtual machine calls it, as ldo.c's {@code luaD_hook} and ldebug.c's
 * {@code luaG_traceexec} do. The events are
 * <ul>
 *   <li>call: a Lua function starts (after its varargs are set aside) or a builtin is about
 *       to run; {@code "tail call"} for a Lua function entered by a tail call;</li>
 *   <li>return: a Lua function's {@code RETURN} runs (after its {@code __close} handlers) or
 *       a builtin has finished;</li>
 *   <li>line: a Lua function is about to run an instruction of a new line, or jumps back;</li>
 *   <li>count: every {@link #count} instructions of Lua functions.</li>
 * </ul>
 * A hook is a Lua call like any other, made by a frame the executor drives (so no Java
 * recursion happens, and a hook may even yield); while it runs, the coroutine calls no hook.
 *
 * <p>Cost: the interpreter reads {@link Coroutine#hookMask} once per frame it enters (and
 * per builtin it calls); only when it is set does it call {@link #trace} before each
 * instruction and run builtins through a {@link HookedBuiltin}.
 *
 * <pre>{@code
 * Hooks.set(co, hookFunction, Hooks.LINE | Hooks.CALL, 0);   // debug.sethook(co, f, "lc")
 * }</pre>
 */
public final class Hooks {
    /** The call event mask bit (Lua's {@code LUA_MASKCALL}). */
    public static final int CALL = 1;
    /** The return event mask bit. */
    public static final int RETURN = 2;
    /** The line event mask bit. */
    public static final int LINE = 4;
    /** The count event mask bit. */
    public static final int COUNT = 8;

    /** What the hook sees as the name of the function that called it: {@code hook '?'}. */
    static final DebugNames.Name HOOK_NAME = new DebugNames.Name("hook", "?");

    static final LuaString CALL_EVENT = LuaString.of("call");
    static final LuaString TAIL_CALL_EVENT = LuaString.of("tail call");
    static final LuaString RETURN_EVENT = LuaString.of("return");
    private static final LuaString LINE_EVENT = LuaString.of("line");
    private static final LuaString COUNT_EVENT = LuaString.of("count");

    // How far the events of the instruction at (frame, pc) have been dealt with: each hook
    // call returns to the interpreter, which traces the same instruction again.
    private static final int NEW = 0;
    private static final int AFTER_CALL = 1;
    private static final int AFTER_COUNT = 2;
    private static final int AFTER_LINE = 3;
    private static final int DONE = 4;

    /** Stack room a hook call gets before it is pushed, as {@code luaD_hook}'s {@code LUA_MINSTACK}. */
    private static final int HOOK_STACK = 20;

    /** The hook function (null when hooks are off). */
    Object function;
    /** Instructions between count events ({@code basehookcount}). */
    int count;
    /** Instructions left before the next count event. */
    private int countLeft;
    /**
     * The frame calling the hook, and its index, while a hook runs: hooks do not nest
     * ({@code allowhook}). Hooks are allowed again once that frame is gone, however it went
     * (it returned, or an error unwound it), as a protected call restores {@code allowhook}.
     */
    private SequenceFrame running;
    private int runningIndex;
    /** The instruction last traced for line events ({@code L->oldpc}). */
    private int oldPc;
    /** The Lua frame and instruction last traced, its opcode, and how far its events went. */
    private LuaFrame frame;
    private int pc;
    private int op;
    private int phase;

    private Hooks() {}

    // ------------------------------------------------------------------ the debug library's view

    /**
     * {@code lua_sethook}: makes {@code function} the hook of {@code target} for the events in
     * {@code mask} (the bits {@link #CALL}, {@link #RETURN}, {@link #LINE}, {@link #COUNT}),
     * a count event coming every {@code count} instructions. A null function or a zero mask
     * turns the hooks off.
     */
    public static void set(Coroutine target, Object function, int mask, int count) {
        if (function == null || mask == 0) {
            function = null;
            mask = 0;
        }
        Hooks h = target.hooks;
        if (h == null) target.hooks = h = new Hooks();
        h.function = function;
        h.count = count;
        h.countLeft = count;
        h.frame = null;
        h.phase = NEW;
        target.hookMask = mask;
    }

    /** The event mask of {@code co}'s hook (0 when hooks are off). */
    public static int mask(Coroutine co) {
        return co.hookMask;
    }

    /** The count given with {@code co}'s hook ({@code lua_gethookcount}). */
    public static int count(Coroutine co) {
        return co.hooks == null ? 0 : co.hooks.count;
    }

    /**
     * What a builtin that has just changed the hooks of the coroutine running it returns: its
     * {@code results} through a sequence, so that the caller's Lua frame sees the new hooks
     * from its next instruction on and the builtin's own return is reported to a new return
     * hook, as in Lua. {@code args} are the builtin's arguments (what the return hook's
     * {@code debug.getlocal} sees). A builtin already under hooks needs none of this.
     */
    public static Object afterChange(Coroutine co, Object[] args, Object[] results) {
        if (co.activeBuiltin == null) return results;
        return HookedBuiltin.returning(co.activeBuiltin, args, results);
    }

    // ------------------------------------------------------------------ the virtual machine's side

    /** Whether frame {@code f} is calling a hook (the hook's caller is then named {@code hook '?'}). */
    static boolean callsHook(Frame f) {
        if (!(f instanceof SequenceFrame)) return false;
        Sequence s = ((SequenceFrame) f).sequence;
        return s instanceof HookCall || s instanceof HookedBuiltin && ((HookedBuiltin) s).callingHook();
    }

    /** Whether the hook of {@code co} is to be called for {@code event} (a mask bit) now. */
    static boolean wants(Coroutine co, int event) {
        return (co.hookMask & event) != 0 && co.hooks.allowed(co);
    }

    /**
     * The sequence to run builtin {@code b} under call and return hooks, or null when neither
     * is wanted now; called by the interpreter instead of running {@code b} directly while
     * {@link Coroutine#hookMask} is set.
     */
    static Sequence wrap(Coroutine co, Builtin b, Object[] args) {
        if ((co.hookMask & (CALL | RETURN)) == 0 || !co.hooks.allowed(co)) return null;
        return new HookedBuiltin(b, args);
    }

    /**
     * Called by the interpreter, while {@link Coroutine#hookMask} is set, before Lua frame
     * {@code f} (the top frame of {@code co}) runs its instruction {@code pc}: calls the
     * hook for the call, count, line and return events that instruction brings, as
     * {@code luaG_tracecall}, {@code luaG_traceexec} and {@code rethook} would. A hook is
     * called by pushing a {@link HookCall} frame above {@code f}; when it returns, the
     * interpreter comes back to the same instruction, and tracing goes on from the next event.
     *
     * @return whether a hook call was pushed (the interpreter must then hand control back)
     */
    static boolean trace(Coroutine co, LuaFrame f, int pc) {
        Hooks h = co.hooks;
        if (co.hookMask == 0) return false;
        if (!h.allowed(co)) {
            h.countDown(co.hookMask);
            return false;
        }
        int phase = h.frame == f && h.pc == pc ? h.phase : NEW;
        h.phase = NEW;
        if (phase == DONE) return false;
        Proto p = f.proto();
        if (phase == NEW) {
            boolean entry = pc == 0 && !(h.frame == f && jumps(h.op));
            if (!entry && h.frame != f) h.oldPc = pc - 1; // back from a call: the calling instruction
            h.frame = f;
            h.pc = pc;
            h.op = op(p.code[pc]);
            if (entry) {
                // luaD_hookcall resets oldpc, so the first instruction is a new line; a vararg
                // function's VARARGPREP is not traced, its hooks start with the next one.
                boolean vararg = h.op == OpCode.VARARGPREP;
                h.oldPc = vararg ? 1 : 0;
                if ((co.hookMask & CALL) != 0) {
                    LuaString event = f.tail ? TAIL_CALL_EVENT : CALL_EVENT;
                    int shownPc = vararg && p.code.length > 1 ? 1 : 0;
                    return h.fire(co, f, 0, shownPc, event, null, 1, p.numParams, vararg ? DONE : AFTER_CALL);
                }
                if (vararg) return false;
            }
        }
        if (phase < AFTER_COUNT && (co.hookMask & COUNT) != 0 && --h.countLeft == 0) {
            h.countLeft = h.count;
            return h.fire(co, f, pc, pc, COUNT_EVENT, null, 0, 0, AFTER_COUNT);
        }
        if (phase < AFTER_LINE && (co.hookMask & LINE) != 0) {
            int old = h.oldPc < p.code.length ? h.oldPc : 0;
            h.oldPc = pc;
            if (pc <= old || p.lineAt(old) != p.lineAt(pc)) {
                int line = p.lineAt(pc);
                return h.fire(co, f, pc, pc, LINE_EVENT, line < 0 ? null : (Object) (long) line, 0, 0, AFTER_LINE);
            }
        }
        return (co.hookMask & RETURN) != 0 && h.returning(co, f, pc);
    }

    /**
     * Lets instruction {@code pc} of {@code f} run without any hook event: lvm.c's
     * {@code TFORPREP} jumps straight into the {@code TFORCALL} it targets, without fetching
     * it as a traced instruction, so no line or count event comes from that jump. The call it
     * makes returns to it, so it becomes the last traced instruction (rethook's oldpc).
     */
    static void skip(Coroutine co, LuaFrame f, int pc) {
        Hooks h = co.hooks;
        h.oldPc = pc;
        h.frame = f;
        h.pc = pc;
        h.phase = DONE;
    }

    /** The return event of a {@code RETURN} instruction, once its {@code __close} handlers have run. */
    private boolean returning(Coroutine co, LuaFrame f, int pc) {
        int i = f.proto().code[pc];
        int n;
        switch (op(i)) {
            case OpCode.RETURN:
                if (k(i) != 0 && co.hasTbc(f.base)) return false;
                n = b(i) != 0 ? b(i) - 1 : f.top - (f.base + a(i));
                break;
            case OpCode.RETURN0: n = 0; break;
            case OpCode.RETURN1: n = 1; break;
            default: return false;
        }
        return fire(co, f, pc, pc, RETURN_EVENT, null, a(i) + 1, n, DONE);
    }

    /**
     * Pushes the call of the hook for {@code event} at instruction {@code pc} of {@code f},
     * above the registers (and above the values an instruction that uses the stack top is
     * about to take), so that they all show as the frame's temporaries; meanwhile {@code f}
     * shows instruction {@code shownPc} as its current one.
     */
    private boolean fire(Coroutine co, LuaFrame f, int pc, int shownPc, LuaString event, Object line,
            int from, int n, int next) {
        int slot = f.base + f.proto().maxStackSize;
        if (usesTop(f.proto().code[pc])) slot = Math.max(slot, f.top);
        f.pc = shownPc + 1;
        co.ensureStack(slot + HOOK_STACK); // a stack overflow here is the hooked function's
        co.stack[slot] = null;
        SequenceFrame sf = new SequenceFrame(null, new HookCall(f, pc, event, line, from, n, next), SequenceFrame.NEW);
        sf.func = slot;
        sf.ret = Frame.RET_DISCARD;
        co.pushSequenceFrame(sf);
        return true;
    }

    /** Whether an instruction takes a variable number of values up to the frame's top (B = 0). */
    private static boolean usesTop(int i) {
        switch (op(i)) {
            case OpCode.CALL: case OpCode.TAILCALL: case OpCode.RETURN: case OpCode.SETLIST:
                return b(i) == 0;
            default:
                return false;
        }
    }

    /** Whether a hook may be called on {@code co} now: none is running. */
    boolean allowed(Coroutine co) {
        return running == null || runningIndex >= co.frameCount || co.frames[runningIndex] != running;
    }

    /** The top frame of {@code co} is about to call the hook: no hook is called until it is gone. */
    void beginHook(Coroutine co) {
        running = (SequenceFrame) co.top();
        runningIndex = co.frameCount - 1;
    }

    /** The hook call has returned (or failed). */
    void endHook() {
        running = null;
    }

    /** A hook call for instruction {@code pc} of {@code f} returned: tracing goes on at phase {@code next}. */
    void resume(LuaFrame f, int pc, int next) {
        running = null;
        f.pc = pc;
        frame = f;
        this.pc = pc;
        phase = next;
    }

    /** A hook call raised an error: hooks are allowed again, and the traced instruction is forgotten. */
    void abandon() {
        running = null;
        frame = null;
        phase = NEW;
    }

    /** Counts an instruction run inside a hook, where no hook is called. */
    private void countDown(int mask) {
        if ((mask & COUNT) != 0 && --countLeft == 0) countLeft = count;
    }

    /** Whether an instruction may have jumped back (so that reaching pc 0 is a loop, not a call). */
    private static boolean jumps(int op) {
        switch (op) {
            case OpCode.JMP: case OpCode.FORLOOP: case OpCode.TFORLOOP:
            case OpCode.EQ: case OpCode.LT: case OpCode.LE: case OpCode.EQK: case OpCode.EQI:
            case OpCode.LTI: case OpCode.LEI: case OpCode.GTI: case OpCode.GEI:
            case OpCode.TEST: case OpCode.TESTSET:
                return true;
            default:
                return false;
        }
    }
}
