package dev.moonlet.vm;

import static dev.moonlet.compiler.Instruction.OFFSET_SBX;
import static dev.moonlet.compiler.Instruction.OFFSET_SC;
import static dev.moonlet.compiler.Instruction.OFFSET_SJ;

import dev.moonlet.compiler.OpCode;
import dev.moonlet.compiler.Proto;
import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import java.util.Arrays;

/**
 * The interpreter loop: executes the Lua frames on top of a coroutine's frame stack (PUC-Rio's
 * lvm.c). What each instruction does is in {@link Ops}, which the compiled tier ({@link Jit})
 * calls too; this file holds the loop, the frames' entry and exit, and the slow paths both
 * tiers fall back to (metamethods, coercions, errors). A frame whose function is compiled is
 * run by its {@link Compiled} code unless a hook is set.
 *
 * <p>No Java recursion happens per Lua call: a call to a Lua function pushes a {@link LuaFrame}
 * and the loop goes on in it; a return pops it and the loop goes on in the caller. A metamethod
 * call is a call like any other, whose frame records how to finish the instruction that made
 * it ({@link Frame#ret}). A builtin is called directly; when it returns a {@link Sequence}, a
 * {@link SequenceFrame} is pushed and the loop hands control back to the {@link Executor}.
 *
 * <p>Invariants of the loop: {@code stack} is {@code co.stack} (reloaded after anything that
 * may grow the stack); {@code f.pc} is saved before anything that may raise an error or call,
 * so that messages and tracebacks see the current instruction as {@code f.pc - 1}.
 *
 * <p>Fuel: straight-line code is counted when it ends, at backward jumps, calls and returns,
 * by the number of instructions since the last count ({@code pc - mark}), and every entry into
 * a frame costs one unit; the loop returns to the executor when the fuel is spent.
 *
 * <p>Debug hooks: while the coroutine has a hook ({@code trap}, read on entering a frame),
 * {@link Hooks#trace} runs before each instruction and builtins run under
 * {@link Hooks#wrap}; otherwise hooks cost the test of a local flag per instruction and of
 * {@link Coroutine#hookMask} per builtin called (within noise on fib, table and branchy
 * loops; about 2% on a bare numeric {@code for} loop).
 */
final class Interpreter {
    private Interpreter() {}

    /** Lua's MAXTAGLOOP: the longest {@code __index}/{@code __newindex} chain. */
    private static final int MAX_TAG_LOOP = 2000;

    /**
     * Runs the Lua frames at the top of {@code co} until the fuel is spent or the top frame is
     * not a Lua frame (a sequence was pushed, a Lua frame returned to a sequence, the
     * coroutine's body returned).
     */
    static void execute(Executor ex, Coroutine co) {
        final Fuel fuel = ex.fuel();
        newframe:
        for (;;) {
            Frame topFrame = co.top();
            if (!(topFrame instanceof LuaFrame) || fuel.exhausted()) return;
            // Entering or re-entering a frame (a call, a return, a metamethod) costs a unit, so
            // that recursion without loops is bounded by the fuel too.
            fuel.remaining--;
            final LuaFrame f = (LuaFrame) topFrame;
            final Closure cl = f.closure;
            final Proto p = cl.proto;
            final boolean trap = co.hookMask != 0;
            if (!trap) {
                Object tier = p.tier;
                if (tier instanceof Compiled) {
                    ((Compiled) tier).run(fuel, co, f);
                    continue;
                }
                if (tier == null && ++p.entries > co.instance().compileThreshold) Jit.compile(co.instance(), p);
            }
            final int[] code = p.code;
            final Object[] k = p.constants;
            final Upvalue[] upvals = cl.upvalues;
            final int base = f.base;
            Object[] stack = co.stack;
            long[] lane = co.lane;
            int pc = f.pc;
            int mark = pc;
            // A frame under a hook is never compiled (its hooks need the interpreter).
            final int threshold = trap ? Integer.MAX_VALUE : co.instance().compileThreshold;
            int from;
            for (;;) {
                if (trap && Hooks.trace(co, f, pc)) {
                    fuel.remaining -= pc - mark;
                    continue newframe;
                }
                final int i = code[pc++];
                backEdge: {
                    jump: {
                        reload: {
                            switch (i & 0x7F) {
                                case OpCode.MOVE:
                                    Ops.move(stack, lane, base, i);
                                    continue;
                                case OpCode.LOADI:
                                    Ops.loadI(stack, lane, base, i);
                                    continue;
                                case OpCode.LOADF:
                                    Ops.loadF(stack, lane, base, i);
                                    continue;
                                case OpCode.LOADK:
                                    stack[Ops.a(base, i)] = k[i >>> 15];
                                    continue;
                                case OpCode.LOADKX:
                                    stack[Ops.a(base, i)] = k[code[pc++] >>> 7];
                                    continue;
                                case OpCode.LOADFALSE:
                                    stack[Ops.a(base, i)] = Boolean.FALSE;
                                    continue;
                                case OpCode.LFALSESKIP:
                                    stack[Ops.a(base, i)] = Boolean.FALSE;
                                    pc++;
                                    continue;
                                case OpCode.LOADTRUE:
                                    stack[Ops.a(base, i)] = Boolean.TRUE;
                                    continue;
                                case OpCode.LOADNIL:
                                    Ops.loadNil(stack, base, i);
                                    continue;
                                case OpCode.GETUPVAL:
                                    Ops.getUpval(stack, lane, upvals, base, i);
                                    continue;
                                case OpCode.SETUPVAL:
                                    Ops.setUpval(co, stack, lane, upvals, base, i);
                                    continue;
                                case OpCode.GETTABUP:
                                    if (Ops.getTabUp(co, f, stack, upvals, k, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.GETTABLE:
                                    if (Ops.getTable(co, f, stack, lane, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.GETI:
                                    if (Ops.getI(co, f, stack, lane, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.GETFIELD:
                                    if (Ops.getField(co, f, stack, lane, k, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.SETTABUP:
                                    if (Ops.setTabUp(co, f, stack, lane, upvals, k, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.SETTABLE:
                                    if (Ops.setTable(co, f, stack, lane, k, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.SETI:
                                    if (Ops.setI(co, f, stack, lane, k, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.SETFIELD:
                                    if (Ops.setField(co, f, stack, lane, k, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.NEWTABLE:
                                    Ops.newTable(co, f, stack, base, i, code[pc], pc + 1);
                                    pc++;
                                    continue;
                                case OpCode.SELF:
                                    if (Ops.self(co, f, stack, lane, k, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.ADDI:
                                    if (Ops.addI(co, f, stack, lane, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.ADDK:
                                case OpCode.SUBK:
                                case OpCode.MULK:
                                    if (Ops.arithK(co, f, stack, lane, k, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.MODK:
                                case OpCode.POWK:
                                case OpCode.DIVK:
                                case OpCode.IDIVK:
                                case OpCode.BANDK:
                                case OpCode.BORK:
                                case OpCode.BXORK:
                                    if (Ops.otherK(co, f, stack, lane, k, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.SHRI:
                                    if (Ops.shrI(co, f, stack, lane, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.SHLI:
                                    if (Ops.shlI(co, f, stack, lane, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.ADD:
                                case OpCode.SUB:
                                case OpCode.MUL:
                                    if (Ops.arith(co, f, stack, lane, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.MOD:
                                case OpCode.POW:
                                case OpCode.DIV:
                                case OpCode.IDIV:
                                case OpCode.BAND:
                                case OpCode.BOR:
                                case OpCode.BXOR:
                                case OpCode.SHL:
                                case OpCode.SHR:
                                    if (Ops.otherArith(co, f, stack, lane, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.UNM:
                                    if (Ops.unm(co, f, stack, lane, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.BNOT:
                                    if (Ops.bnot(co, f, stack, lane, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.NOT:
                                    Ops.not(stack, base, i);
                                    continue;
                                case OpCode.LEN:
                                    if (Ops.len(co, f, stack, lane, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.CONCAT:
                                    if (Ops.concat(co, f, base, i, pc)) continue newframe;
                                    break reload;
                                case OpCode.CLOSE:
                                    if (Ops.close(co, f, base, i, pc)) continue newframe;
                                    continue;
                                case OpCode.TBC:
                                    Ops.tbc(co, f, base, i, pc);
                                    continue;
                                case OpCode.JMP:
                                    pc--;
                                    break jump;
                                case OpCode.EQ:
                                case OpCode.LT:
                                case OpCode.LE:
                                case OpCode.LTI:
                                case OpCode.LEI:
                                case OpCode.GTI:
                                case OpCode.GEI: {
                                    int r = Ops.compare(co, f, stack, lane, base, i, pc);
                                    if (r == Ops.LEAVE) continue newframe;
                                    if (r == Ops.RESUME) {
                                        stack = co.stack;
                                        lane = co.lane;
                                        pc = f.pc;
                                        continue;
                                    }
                                    if ((r == Ops.TRUE) != Ops.k(i)) {
                                        pc++;
                                        continue;
                                    }
                                    break jump;
                                }
                                case OpCode.EQK:
                                    if ((Ops.eqK(stack, lane, k, base, i) == Ops.TRUE) != Ops.k(i)) {
                                        pc++;
                                        continue;
                                    }
                                    break jump;
                                case OpCode.EQI:
                                    if ((Ops.eqI(stack, lane, base, i) == Ops.TRUE) != Ops.k(i)) {
                                        pc++;
                                        continue;
                                    }
                                    break jump;
                                case OpCode.TEST:
                                    if (Ops.isFalse(stack, base, i) == Ops.k(i)) {
                                        pc++;
                                        continue;
                                    }
                                    break jump;
                                case OpCode.TESTSET:
                                    if (Ops.testSet(stack, lane, base, i)) {
                                        pc++;
                                        continue;
                                    }
                                    break jump;
                                case OpCode.CALL:
                                case OpCode.TFORCALL:
                                    fuel.remaining -= pc - mark;
                                    if ((i & 0x7F) == OpCode.CALL ? Ops.call(co, f, stack, base, i, pc)
                                            : Ops.tforCall(co, f, stack, lane, base, i, pc)) {
                                        continue newframe;
                                    }
                                    stack = co.stack;
                                    lane = co.lane;
                                    mark = pc;
                                    continue;
                                case OpCode.TAILCALL:
                                    fuel.remaining -= pc - mark;
                                    Ops.tailCall(co, f, base, i, pc);
                                    continue newframe;
                                case OpCode.RETURN:
                                    Ops.ret(co, f, fuel, pc - mark, base, i, pc);
                                    continue newframe;
                                case OpCode.RETURN0:
                                    fuel.remaining -= pc - mark;
                                    Ops.return0(co, f, stack, pc);
                                    continue newframe;
                                case OpCode.RETURN1:
                                    fuel.remaining -= pc - mark;
                                    Ops.return1(co, f, stack, lane, base, i, pc);
                                    continue newframe;
                                case OpCode.FORLOOP:
                                case OpCode.TFORLOOP:
                                    if ((i & 0x7F) == OpCode.FORLOOP ? Ops.forLoop(stack, lane, base, i) : Ops.tforLoop(stack, lane, base, i)) {
                                        from = pc;
                                        pc -= i >>> 15;
                                        break backEdge;
                                    }
                                    continue;
                                case OpCode.FORPREP:
                                    if (Ops.forPrep(co, f, stack, lane, base, i, pc)) pc += (i >>> 15) + 1;
                                    continue;
                                case OpCode.TFORPREP:
                                    Ops.tforPrep(co, f, base, i, pc);
                                    pc += i >>> 15;
                                    if (trap) Hooks.skip(co, f, pc);
                                    continue;
                                case OpCode.SETLIST:
                                    Ops.setList(f, stack, lane, base, i, code[pc], pc + (Ops.k(i) ? 1 : 0));
                                    if (Ops.k(i)) pc++;
                                    continue;
                                case OpCode.CLOSURE:
                                    Ops.closure(co, f, stack, upvals, base, i);
                                    continue;
                                case OpCode.VARARG:
                                    Ops.vararg(co, f, base, i, pc);
                                    break reload;
                                case OpCode.VARARGPREP:
                                    // The extra arguments were set aside when the frame was entered.
                                    continue;
                                default:
                                    f.pc = pc;
                                    throw new IllegalStateException("bad opcode " + (i & 0x7F) + " at pc " + (pc - 1));
                            }
                        }
                        // The instructions that may have grown the stack (break reload).
                        stack = co.stack;
                        lane = co.lane;
                        continue;
                    }
                    // The jumps (break jump): a JMP, or a test whose jump is taken; either
                    // way code[pc] is the JMP.
                    int offset = (code[pc++] >>> 7) - OFFSET_SJ;
                    pc += offset;
                    if (offset >= 0) continue;
                    from = pc - offset;
                }
                // A backward jump from `from` to pc ends a straight-line run: count its fuel.
                // It also counts towards compiling the function, so that a long loop in a
                // frame entered once is compiled too.
                fuel.remaining -= from - mark;
                mark = pc;
                if (fuel.remaining <= 0) {
                    f.pc = pc;
                    return;
                }
                if (p.tier == null && ++p.entries > threshold) {
                    f.pc = pc;
                    continue newframe;
                }
            }
        }
    }

    // ================================================================== calls and returns

    /**
     * Pushes a frame for the Lua function {@code c} whose slot is {@code func}, with
     * {@code nargs} arguments above it; the caller then says where its results go. Raises
     * "stack overflow" (in the caller) before pushing anything.
     */
    static LuaFrame enter(Coroutine co, Closure c, int func, int nargs) {
        Proto p = c.proto;
        int base = func + 1;
        co.ensureStack(base + p.maxStackSize);
        Object[] stack = co.stack;
        int np = p.numParams;
        Object[] varargs = Values.NONE;
        if (nargs > np) {
            if (p.isVararg) varargs = co.values(base + np, nargs - np);
        } else if (nargs < np) {
            Arrays.fill(stack, base + nargs, base + np, null);
        }
        LuaFrame f = co.pushLuaFrame();
        f.closure = c;
        f.base = base;
        f.func = func;
        f.pc = 0;
        f.varargs = varargs;
        f.top = base;
        f.concatLeft = 0;
        f.tail = false;
        return f;
    }

    /**
     * Calls the value in slot {@code func} with the {@code nargs} values above it, following
     * {@code __call} metamethods; its results go where {@code ret}, {@code dest} and
     * {@code wanted} say (see {@link Frame}). A Lua function gets a frame; a builtin runs now,
     * and gets a frame only if it returns a sequence.
     *
     * @return whether the frames changed or the step must end (the caller must re-dispatch);
     *     false when a builtin finished and its results were delivered
     */
    static boolean call(Coroutine co, int func, int nargs, int ret, int dest, int wanted, boolean tail) {
        nargs = resolveCallable(co, func, nargs);
        Object fn = co.stack[func];
        if (fn instanceof Closure) {
            LuaFrame f = enter(co, (Closure) fn, func, nargs);
            f.ret = ret;
            f.dest = dest;
            f.wanted = wanted;
            f.tail = tail;
            return true;
        }
        Builtin b = (Builtin) fn;
        Object r = invoke(co, b, func, nargs, tail);
        if (Builtin.isSequence(r)) {
            pushSequence(co, b, (Sequence) r, func, ret, dest, wanted, tail);
            return true;
        }
        deliver(co, ret, dest, wanted, r);
        return ret == Frame.RET_ROOT || co.executor.fuel().exhausted();
    }

    /**
     * Replaces a non-function in slot {@code func} by its {@code __call} metamethod, inserting
     * the value as the first argument, until the slot holds a function.
     *
     * @return the new number of arguments
     */
    static int resolveCallable(Coroutine co, int func, int nargs) {
        Object fn = co.stack[func];
        if (fn instanceof Closure || fn instanceof Builtin) return nargs;
        fn = co.value(func);
        co.stack[func] = fn;
        // A chain of n __call values becomes a call of the last with the n others before the
        // arguments. The chain is walked first and the arguments moved once: moving them per
        // link would be quadratic in the chain's length. A chain that comes back to a value it
        // has passed never ends; lua 5.4 grows the stack until it overflows, which is where it
        // stops here too, at once (Brent's cycle detection: constant space, linear time).
        int links = 0;
        Object power = fn;
        int lambda = 1;
        for (Object v = fn; !(v instanceof Closure || v instanceof Builtin); links++) {
            Object tm = MetaEvent.CALL.in(co.instance().metatableOf(v));
            if (tm == null) throw RuntimeErrors.callError(co, co.top(), v, RuntimeErrors.NOWHERE);
            // Asking for more stack than the limit raises the stack overflow.
            if (tm == power || links >= Coroutine.MAX_STACK) co.ensureStack(co.stackLimit + 1);
            if (links + 1 == lambda) {
                power = tm;
                lambda <<= 1;
            }
            v = tm;
        }
        co.executor.fuel().consume(links);
        pushCallChain(co, func, nargs, links);
        return nargs + links;
    }

    /**
     * Moves the callable at {@code func} and its {@code nargs} arguments up by {@code links}
     * slots and puts the {@code __call} values of its chain below them, last link first.
     */
    private static void pushCallChain(Coroutine co, int func, int nargs, int links) {
        co.ensureStack(func + nargs + links + 1);
        Object[] stack = co.stack;
        System.arraycopy(stack, func, stack, func + links, nargs + 1);
        System.arraycopy(co.lane, func, co.lane, func + links, nargs + 1);
        Object v = stack[func + links];
        for (int slot = func + links - 1; slot >= func; slot--) {
            v = MetaEvent.CALL.in(co.instance().metatableOf(v));
            stack[slot] = v;
        }
    }

    /**
     * Runs builtin {@code b} directly, with the arguments in the slots above {@code func}. While
     * it runs it is the coroutine's level 0 ({@link Coroutine#activeBuiltin}); if it raises,
     * the executor finds it there.
     */
    static Object invoke(Coroutine co, Builtin b, int func, int nargs, boolean tail) {
        Object[] args = co.values(func + 1, nargs);
        if (co.hookMask != 0) {
            Sequence hooked = Hooks.wrap(co, b, args);
            if (hooked != null) return hooked;
        }
        co.activeBuiltin = b;
        co.activeFunc = func;
        co.activeTail = tail;
        Object r = b.call(co, args);
        co.activeBuiltin = null;
        return r;
    }

    /** Pushes the frame of a builtin that returned a sequence. */
    static void pushSequence(Coroutine co, Builtin b, Sequence s, int func, int ret, int dest, int wanted, boolean tail) {
        SequenceFrame sf = new SequenceFrame(b, s, SequenceFrame.NEW);
        sf.func = func;
        sf.ret = ret;
        sf.dest = dest;
        sf.wanted = wanted;
        sf.tail = tail;
        co.pushSequenceFrame(sf);
    }

    /**
     * A tail call from Lua frame {@code f} of the function in slot {@code a}: a Lua function
     * takes over {@code f}'s frame (so tail recursion runs in constant space); a builtin runs
     * above {@code f}, as in Lua (messages name it from the {@code TAILCALL}, positions are
     * {@code f}'s), and its results are returned for {@code f}.
     */
    static void tailCall(Coroutine co, LuaFrame f, int a, int nargs) {
        nargs = resolveCallable(co, a, nargs);
        Object fn = co.stack[a];
        int func = f.func, ret = f.ret, dest = f.dest, wanted = f.wanted;
        if (fn instanceof Closure) {
            Closure c = (Closure) fn;
            co.ensureStack(func + 1 + Math.max(c.proto.maxStackSize, nargs));
            System.arraycopy(co.stack, a, co.stack, func, nargs + 1);
            System.arraycopy(co.lane, a, co.lane, func, nargs + 1);
            co.popFrame();
            LuaFrame callee = enter(co, c, func, nargs);
            callee.ret = ret;
            callee.dest = dest;
            callee.wanted = wanted;
            callee.tail = true;
            return;
        }
        Builtin b = (Builtin) fn;
        Object r = invoke(co, b, a, nargs, false);
        if (r instanceof HookedBuiltin) {
            // Under call and return hooks the builtin runs above f as a call, and f returns its
            // results with the RETURN that follows the TAILCALL: both returns are reported, as in Lua.
            pushSequence(co, b, (Sequence) r, a, Frame.RET_CALL, a, -1, false);
            return;
        }
        if (Builtin.isSequence(r)) {
            // As in Lua, f stays below the builtin while it runs (its position is the
            // builtin's caller's); the executor returns the results for f, or lets a tail
            // call made by the sequence take both frames' place.
            pushSequence(co, b, (Sequence) r, a, Frame.RET_CALL, a, -1, false);
            ((SequenceFrame) co.top()).returnsForCaller = true;
        } else {
            co.popFrame();
            deliver(co, ret, dest, wanted, r);
        }
    }

    /** Returns the {@code n} values from slot {@code src} on from Lua frame {@code f}, the top frame. */
    static void returnFrom(Coroutine co, LuaFrame f, int src, int n) {
        co.popFrame();
        Object[] stack = co.stack;
        if (f.ret == Frame.RET_CALL) {
            int dest = f.dest, wanted = f.wanted;
            int m = wanted < 0 ? n : Math.min(n, wanted);
            Values.copy(stack, src, stack, dest, m);
            System.arraycopy(co.lane, src, co.lane, dest, m);
            if (wanted < 0) {
                ((LuaFrame) co.top()).top = dest + n;
            } else if (m < wanted) {
                Arrays.fill(stack, dest + m, dest + wanted, null);
            }
        } else {
            deliver(co, f.ret, f.dest, f.wanted, co.values(src, n));
        }
    }

    /**
     * Hands the results {@code r} of a finished call to the frame now on top of {@code co}, as
     * {@code ret} says (see {@link Frame}); {@code r} is an {@code Object[]} of results or
     * one result. This is where an instruction interrupted by a metamethod call is finished.
     */
    static void deliver(Coroutine co, int ret, int dest, int wanted, Object r) {
        switch (ret) {
            case Frame.RET_CALL: {
                LuaFrame caller = (LuaFrame) co.top();
                if (r instanceof Object[]) {
                    Object[] v = (Object[]) r;
                    int n = v.length;
                    if (wanted < 0) {
                        co.ensureStack(dest + n);
                        Values.copy(v, 0, co.stack, dest, n);
                        caller.top = dest + n;
                    } else {
                        int m = Math.min(n, wanted);
                        Values.copy(v, 0, co.stack, dest, m);
                        if (m < wanted) Arrays.fill(co.stack, dest + m, dest + wanted, null);
                    }
                } else if (wanted < 0) {
                    co.stack[dest] = r;
                    caller.top = dest + 1;
                } else if (wanted > 0) {
                    co.stack[dest] = r;
                    if (wanted > 1) Arrays.fill(co.stack, dest + 1, dest + wanted, null);
                }
                return;
            }
            case Frame.RET_STORE:
                co.stack[dest] = first(r);
                return;
            case Frame.RET_TEST: {
                Object v = first(r);
                test((LuaFrame) co.top(), v != null && v != Boolean.FALSE);
                return;
            }
            case Frame.RET_DISCARD:
                return;
            case Frame.RET_REDO:
                ((LuaFrame) co.top()).pc--;
                return;
            case Frame.RET_CONCAT: {
                LuaFrame caller = (LuaFrame) co.top();
                co.stack[dest] = first(r);
                caller.concatLeft = wanted;
                caller.pc--;
                return;
            }
            case Frame.RET_SEQUENCE: {
                SequenceFrame sf = (SequenceFrame) co.top();
                sf.results = toArray(r);
                sf.state = SequenceFrame.READY;
                return;
            }
            case Frame.RET_ROOT:
                co.executor.coroutineReturned(co, toArray(r));
                return;
            default:
                throw new IllegalStateException("bad return mode " + ret);
        }
    }

    private static Object first(Object r) {
        if (r instanceof Object[]) {
            Object[] v = (Object[]) r;
            return v.length > 0 ? v[0] : null;
        }
        return r;
    }

    private static Object[] toArray(Object r) {
        return r instanceof Object[] ? (Object[]) r : new Object[] {r};
    }

    /**
     * Calls metamethod {@code tm} with {@code nargs} (2 or 3) of {@code x, y, z}, in the slots
     * above frame {@code f}'s registers.
     */
    private static boolean metaCall(Coroutine co, LuaFrame f, Object tm, int ret, int dest, int wanted,
            int nargs, Object x, Object y, Object z) {
        int ct = f.base + f.closure.proto.maxStackSize;
        co.ensureStack(ct + 4);
        Object[] stack = co.stack;
        stack[ct] = tm;
        stack[ct + 1] = x;
        stack[ct + 2] = y;
        stack[ct + 3] = z;
        return call(co, ct, nargs, ret, dest, wanted, false);
    }

    // ================================================================== tables

    /** Whether {@code t[key] = v} may skip metamethods: no {@code __newindex}, or the key is present. */
    static boolean canSetRaw(LuaTable t, LuaString key) {
        LuaTable mt = t.metatable();
        return mt == null || MetaEvent.NEWINDEX.in(mt) == null || t.get(key) != null;
    }

    static boolean canSetRaw(LuaTable t, long key) {
        LuaTable mt = t.metatable();
        return mt == null || MetaEvent.NEWINDEX.in(mt) == null || t.get(key) != null;
    }

    /**
     * {@code R[dest] := t[key]} with {@code __index} metamethods (luaV_finishget); {@code where}
     * locates {@code t} for messages.
     */
    static boolean index(Coroutine co, LuaFrame f, Object t, Object key, int dest, int where) {
        Instance instance = co.instance();
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object tm;
            if (t instanceof LuaTable) {
                LuaTable tt = (LuaTable) t;
                Object v = tt.get(key);
                if (v != null) {
                    co.stack[dest] = v;
                    return false;
                }
                tm = MetaEvent.INDEX.in(tt.metatable());
                if (tm == null) {
                    co.stack[dest] = null;
                    return false;
                }
            } else {
                tm = MetaEvent.INDEX.in(instance.metatableOf(t));
                if (tm == null) {
                    throw RuntimeErrors.typeError(co, f, t, "index", loop == 0 ? where : RuntimeErrors.NOWHERE);
                }
            }
            if (tm instanceof LuaFunction) return metaCall(co, f, tm, Frame.RET_STORE, dest, 1, 2, t, key, null);
            co.executor.fuel().consume(1); // each table of a chain is a lookup of its own
            t = tm;
        }
        throw RuntimeErrors.at(co, "'__index' chain too long; possible loop");
    }

    /** {@code t[key] := v} with {@code __newindex} metamethods (luaV_finishset). */
    static boolean setIndex(Coroutine co, LuaFrame f, Object t, Object key, Object v, int where) {
        Instance instance = co.instance();
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object tm;
            if (t instanceof LuaTable) {
                LuaTable tt = (LuaTable) t;
                tm = MetaEvent.NEWINDEX.in(tt.metatable());
                if (tm == null || tt.get(key) != null) {
                    if (key == null) throw RuntimeErrors.at(co, "table index is nil");
                    if (key instanceof Double && Double.isNaN((Double) key)) {
                        throw RuntimeErrors.at(co, "table index is NaN");
                    }
                    tt.put(key, v);
                    return false;
                }
            } else {
                tm = MetaEvent.NEWINDEX.in(instance.metatableOf(t));
                if (tm == null) {
                    throw RuntimeErrors.typeError(co, f, t, "index", loop == 0 ? where : RuntimeErrors.NOWHERE);
                }
            }
            if (tm instanceof LuaFunction) return metaCall(co, f, tm, Frame.RET_DISCARD, 0, 0, 3, t, key, v);
            co.executor.fuel().consume(1);
            t = tm;
        }
        throw RuntimeErrors.at(co, "'__newindex' chain too long; possible loop");
    }

    // ================================================================== operators

    /**
     * {@code R[dest] := x op y} for operands that missed the fast paths: mixed numbers, then
     * metamethods, then an error blaming the operand at {@code wx} or {@code wy}.
     */
    static boolean arith(Coroutine co, LuaFrame f, MetaEvent ev, Object x, Object y, int dest, int wx, int wy) {
        Object r;
        try {
            r = ev == MetaEvent.UNM ? Arithmetic.unm(x) : ev == MetaEvent.BNOT ? Arithmetic.bnot(x) : Arithmetic.arith(ev, x, y);
        } catch (LuaError e) {
            throw RuntimeErrors.at(co, e.getMessage());
        }
        if (r != null) {
            co.stack[dest] = r;
            return false;
        }
        Instance instance = co.instance();
        Object tm = ev.in(instance.metatableOf(x));
        if (tm == null) tm = ev.in(instance.metatableOf(y));
        if (tm == null) {
            switch (ev) {
                case BAND: case BOR: case BXOR: case SHL: case SHR: case BNOT:
                    throw RuntimeErrors.bitwiseError(co, f, x, y, wx, wy);
                default:
                    throw RuntimeErrors.arithError(co, f, x, y, wx, wy);
            }
        }
        return metaCall(co, f, tm, Frame.RET_STORE, dest, 1, 2, x, y, null);
    }

    /**
     * {@code R[dest] := R[B] op K[C]} for the K instructions, in source order when the k bit
     * says the compiler swapped the operands.
     */
    static boolean arithK(Coroutine co, LuaFrame f, int i, Object x, Object kc, int dest) {
        MetaEvent ev = DebugNames.arithEvent(i & 0x7F);
        int b = (i >>> 16) & 0xFF;
        return (i & 0x8000) != 0
                ? arith(co, f, ev, kc, x, dest, RuntimeErrors.NOWHERE, b)
                : arith(co, f, ev, x, kc, dest, b, RuntimeErrors.NOWHERE);
    }

    /** {@code R[dest] := #x} for values other than strings and tables without metatable. */
    static boolean length(Coroutine co, LuaFrame f, Object x, int dest, int where) {
        Object tm = MetaEvent.LEN.in(co.instance().metatableOf(x));
        if (tm == null) {
            if (x instanceof LuaTable) {
                co.stack[dest] = ((LuaTable) x).length();
                return false;
            }
            throw RuntimeErrors.typeError(co, f, x, "get length of", where);
        }
        return metaCall(co, f, tm, Frame.RET_STORE, dest, 1, 2, x, x, null);
    }

    private static boolean isStringLike(Object v) {
        return v instanceof LuaString || v instanceof Long || v instanceof Double;
    }

    private static LuaString toLuaString(Object v) {
        if (v instanceof LuaString) return (LuaString) v;
        if (v instanceof Long) return LuaNumber.toLuaString((Long) v);
        return LuaNumber.toLuaString((Double) v);
    }

    /**
     * Concatenates the {@code n} values from slot {@code a} into slot {@code a}, from the right
     * as Lua does: runs of strings and numbers are joined at once; any other pair goes to
     * {@code __concat}, after which the instruction resumes with one value fewer.
     */
    static boolean concat(Coroutine co, LuaFrame f, int a, int n) {
        Object[] stack = co.stack;
        for (int j = a; j < a + n; j++) stack[j] = co.value(j);
        while (n > 1) {
            int top = a + n;
            Object x = stack[top - 2], y = stack[top - 1];
            if (!isStringLike(x) || !isStringLike(y)) {
                Instance instance = co.instance();
                Object tm = MetaEvent.CONCAT.in(instance.metatableOf(x));
                if (tm == null) tm = MetaEvent.CONCAT.in(instance.metatableOf(y));
                if (tm == null) {
                    throw RuntimeErrors.concatError(co, f, x, y, top - 2 - f.base, top - 1 - f.base);
                }
                return metaCall(co, f, tm, Frame.RET_CONCAT, top - 2, n - 1, 2, x, y, null);
            }
            int m = 2;
            while (m < n && isStringLike(stack[top - m - 1])) m++;
            LuaString[] parts = new LuaString[m];
            long total = 0;
            for (int j = 0; j < m; j++) {
                parts[j] = toLuaString(stack[top - m + j]);
                total += parts[j].length();
            }
            Heap heap = co.instance().heap();
            if (total > heap.maxStringLength()) throw RuntimeErrors.at(co, "string length overflow");
            byte[] bytes = heap.allocateString(total);
            int off = 0;
            for (LuaString part : parts) {
                part.copyTo(bytes, off);
                off += part.length();
            }
            co.executor.fuel().consume(total >> 5);
            stack[top - m] = LuaString.wrap(bytes);
            n -= m - 1;
        }
        return false;
    }

    // ================================================================== comparisons

    /** After a comparison decided outside the fast path: skips the jump unless it agrees with k. */
    private static void test(LuaFrame f, boolean cond) {
        int i = f.closure.proto.code[f.pc - 1];
        if (cond != ((i & 0x8000) != 0)) f.pc++;
    }

    /** {@code x == y} for two distinct tables or two distinct userdata: {@code __eq}. */
    static boolean equalMeta(Coroutine co, LuaFrame f, Object x, Object y) {
        Instance instance = co.instance();
        Object tm = MetaEvent.EQ.in(instance.metatableOf(x));
        if (tm == null) tm = MetaEvent.EQ.in(instance.metatableOf(y));
        if (tm == null) {
            test(f, false);
            return false;
        }
        return metaCall(co, f, tm, Frame.RET_TEST, 0, 1, 2, x, y, null);
    }

    /** {@code x < y} or {@code x <= y} outside the fast paths: mixed numbers, strings, metamethods. */
    static boolean order(Coroutine co, LuaFrame f, Object x, Object y, MetaEvent ev) {
        Boolean r = ev == MetaEvent.LT ? Comparison.lessThan(x, y) : Comparison.lessEqual(x, y);
        if (r != null) {
            test(f, r);
            return false;
        }
        Instance instance = co.instance();
        Object tm = ev.in(instance.metatableOf(x));
        if (tm == null) tm = ev.in(instance.metatableOf(y));
        if (tm == null) throw RuntimeErrors.orderError(co, x, y);
        return metaCall(co, f, tm, Frame.RET_TEST, 0, 1, 2, x, y, null);
    }

    // ================================================================== loops, closures, to-be-closed

    /**
     * Prepares a numeric {@code for} loop in slots {@code a..a+3} as Lua 5.4 does: an integer
     * loop keeps its iteration count in place of the limit (so it never overflows); otherwise
     * all values become floats.
     *
     * @return whether the loop must not run at all
     */
    static boolean forPrep(Coroutine co, Object[] stack, long[] lane, int a) {
        Object init = co.value(a), limit = co.value(a + 1), step = co.value(a + 2);
        if (init instanceof Long && step instanceof Long) {
            long i0 = (Long) init, st = (Long) step;
            if (st == 0) throw RuntimeErrors.at(co, "'for' step is zero");
            long lim;
            if (limit instanceof Long) {
                lim = (Long) limit;
            } else {
                Object n = Arithmetic.toNumber(limit);
                if (n == null) throw RuntimeErrors.forError(co, limit, "limit");
                if (n instanceof Long) {
                    lim = (Long) n;
                } else {
                    double d = (Double) n;
                    Long l = st < 0 ? LuaNumber.ceilToInteger(d) : LuaNumber.floorToInteger(d);
                    if (l != null) {
                        lim = l;
                    } else if (d > 0) {
                        if (st < 0) return true;
                        lim = Long.MAX_VALUE;
                    } else {
                        if (st > 0) return true;
                        lim = Long.MIN_VALUE;
                    }
                }
            }
            if (st > 0 ? i0 > lim : i0 < lim) return true;
            // Lua counts the iterations left (so the index never overflows); the loop keeps
            // the value of the index in the last iteration instead, which is the same count
            // in a form that needs no update per iteration.
            long count;
            if (st > 0) {
                count = lim - i0;
                if (st != 1) count = Long.divideUnsigned(count, st);
            } else {
                count = Long.divideUnsigned(i0 - lim, -(st + 1) + 1L);
            }
            Unboxed.putInt(stack, lane, a, i0);
            Unboxed.putInt(stack, lane, a + 1, i0 + count * st);
            Unboxed.putInt(stack, lane, a + 2, st);
            Unboxed.putInt(stack, lane, a + 3, i0);
            return false;
        }
        Object nl = Arithmetic.toNumber(limit);
        if (nl == null) throw RuntimeErrors.forError(co, limit, "limit");
        Object ns = Arithmetic.toNumber(step);
        if (ns == null) throw RuntimeErrors.forError(co, step, "step");
        Object ni = Arithmetic.toNumber(init);
        if (ni == null) throw RuntimeErrors.forError(co, init, "initial value");
        double fl = Arithmetic.toDouble(nl), fs = Arithmetic.toDouble(ns), fi = Arithmetic.toDouble(ni);
        if (fs == 0) throw RuntimeErrors.at(co, "'for' step is zero");
        if (fs > 0 ? fl < fi : fi < fl) return true;
        Unboxed.putFloat(stack, lane, a, fi);
        Unboxed.putFloat(stack, lane, a + 1, fl);
        Unboxed.putFloat(stack, lane, a + 2, fs);
        Unboxed.putFloat(stack, lane, a + 3, fi);
        return false;
    }

    /** A closure of {@code p} capturing registers of the frame at {@code base} and enclosing upvalues. */
    static Closure closure(Coroutine co, Proto p, Upvalue[] enclosing, int base) {
        Proto.UpvalueDesc[] d = p.upvalues;
        co.instance().heap().charge(Heap.closureBytes(d.length));
        Upvalue[] uv = new Upvalue[d.length];
        for (int j = 0; j < d.length; j++) {
            uv[j] = d[j].inStack() ? co.findUpvalue(base + d[j].index()) : enclosing[d[j].index()];
        }
        return new Closure(p, uv);
    }

    /** Registers slot {@code idx} as to be closed, unless it holds nil or false. */
    static void markToBeClosed(Coroutine co, LuaFrame f, int idx) {
        Object v = co.value(idx);
        co.stack[idx] = v;
        if (v == null || v == Boolean.FALSE) return;
        if (MetaEvent.CLOSE.in(co.instance().metatableOf(v)) == null) {
            LuaString name = f.proto().localName(idx - f.base + 1, f.currentPc());
            String shown = name == null ? "?" : DebugNames.latin1(name);
            throw RuntimeErrors.at(co, "variable '" + shown + "' got a non-closable value");
        }
        co.addTbc(idx);
    }

    /**
     * Calls {@code __close(v, nil)} for the innermost pending to-be-closed variable (which the
     * caller checked is frame {@code f}'s), with the call in slot {@code ct}; when it returns,
     * {@code f} executes its current instruction ({@code CLOSE} or {@code RETURN}) again.
     */
    static void closeNext(Coroutine co, LuaFrame f, int ct) {
        Object v = co.value(co.tbc[--co.tbcCount]);
        Object tm = MetaEvent.CLOSE.in(co.instance().metatableOf(v));
        co.ensureStack(ct + 3);
        Object[] stack = co.stack;
        stack[ct] = tm;
        stack[ct + 1] = v;
        stack[ct + 2] = null;
        call(co, ct, 2, Frame.RET_REDO, 0, 0, false);
    }
}
