package dev.moonlet.vm;

import static dev.moonlet.compiler.Instruction.b;
import static dev.moonlet.compiler.Instruction.c;
import static dev.moonlet.compiler.Instruction.sb;
import static dev.moonlet.compiler.Instruction.sbx;
import static dev.moonlet.compiler.Instruction.sc;

import dev.moonlet.compiler.Instruction;
import dev.moonlet.compiler.OpCode;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import java.util.Arrays;

/**
 * What single instructions do, shared by the two tiers that run Lua frames: the
 * {@link Interpreter}, which decodes each instruction as it goes, and the code {@link Jit}
 * generates, which calls these methods with the instruction word {@code i} as a constant so
 * that the JVM's compiler folds the decoding away.
 *
 * <p>Each method takes the registers ({@code stack}, {@code lane}, {@code base}), the
 * instruction word and, when the instruction may raise an error or call, {@code pc}: the
 * index of the instruction after it, which is stored in {@code f.pc} before anything that may
 * raise or call (the frame's invariant: messages and tracebacks see {@code f.pc - 1}).
 *
 * <p>A method that returns {@code boolean} answers whether the frames changed (a metamethod
 * call was pushed) or the step must end: the caller then leaves the frame, which resumes at
 * {@code f.pc} when its turn comes again. Otherwise the stack may have been reallocated, and
 * the caller reloads {@code co.stack} and {@code co.lane}. The comparisons answer one of
 * {@link #FALSE}, {@link #TRUE}, {@link #LEAVE} and {@link #RESUME}.
 */
final class Ops {
    private Ops() {}

    /** A comparison's answer: the condition is false. */
    static final int FALSE = 0;
    /** A comparison's answer: the condition is true. */
    static final int TRUE = 1;
    /** A comparison's answer: the frames changed (a metamethod was called); leave the frame. */
    static final int LEAVE = 2;
    /** A comparison's answer: decided outside the fast path; go on at {@code f.pc}. */
    static final int RESUME = 3;

    /** The stack index of register A of instruction {@code i} in the frame at {@code base}. */
    static int a(int base, int i) {
        return base + Instruction.a(i);
    }

    /** Instruction {@code i}'s k bit, as a condition. */
    static boolean k(int i) {
        return Instruction.k(i) != 0;
    }

    // ================================================================== loads and upvalues

    static void move(Object[] stack, long[] lane, int base, int i) {
        Unboxed.copy(stack, lane, base + b(i), a(base, i));
    }

    static void loadI(Object[] stack, long[] lane, int base, int i) {
        Unboxed.putInt(stack, lane, a(base, i), sbx(i));
    }

    static void loadF(Object[] stack, long[] lane, int base, int i) {
        Unboxed.putFloat(stack, lane, a(base, i), sbx(i));
    }

    static void loadNil(Object[] stack, int base, int i) {
        int a = a(base, i);
        Arrays.fill(stack, a, a + b(i) + 1, null);
    }

    static void getUpval(Object[] stack, long[] lane, Upvalue[] upvals, int base, int i) {
        Upvalue u = upvals[b(i)];
        Object v = u.slots[u.index];
        int a = a(base, i);
        stack[a] = v;
        if (v instanceof Unboxed) lane[a] = u.lane[u.index];
    }

    static void setUpval(Coroutine co, Object[] stack, long[] lane, Upvalue[] upvals, int base, int i) {
        Upvalue u = upvals[b(i)];
        Object v = Unboxed.value(stack, lane, a(base, i));
        u.slots[u.index] = v;
        if (co.instance().heap().isBlack(u)) co.instance().collector().barrier(v);
    }

    // ================================================================== tables

    static boolean getTabUp(Coroutine co, LuaFrame f, Object[] stack, Upvalue[] upvals, Object[] k,
            int base, int i, int pc) {
        int b = b(i);
        return getString(co, f, stack, upvals[b].get(), (LuaString) k[c(i)], a(base, i), RuntimeErrors.upvalue(b), pc);
    }

    static boolean getTable(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int b = b(i);
        Object t = Unboxed.value(stack, lane, base + b);
        int kc = base + c(i);
        Object key = stack[kc];
        if (t instanceof LuaTable) {
            LuaTable tt = (LuaTable) t;
            // An integer key, in the lane or boxed, is looked up without boxing it.
            Object v = Unboxed.isInt(key) ? tt.get(Unboxed.intOf(key, lane, kc)) : tt.get(Unboxed.value(stack, lane, kc));
            if (v != null || tt.metatable() == null) {
                stack[a(base, i)] = v;
                return false;
            }
        }
        f.pc = pc;
        return Interpreter.index(co, f, t, Unboxed.value(stack, lane, kc), a(base, i), b);
    }

    static boolean getI(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int b = b(i);
        Object t = Unboxed.value(stack, lane, base + b);
        long key = c(i);
        if (t instanceof LuaTable) {
            LuaTable tt = (LuaTable) t;
            Object v = tt.get(key);
            if (v != null || tt.metatable() == null) {
                stack[a(base, i)] = v;
                return false;
            }
        }
        f.pc = pc;
        return Interpreter.index(co, f, t, key, a(base, i), b);
    }

    static boolean getField(Coroutine co, LuaFrame f, Object[] stack, long[] lane, Object[] k,
            int base, int i, int pc) {
        int b = b(i);
        return getString(co, f, stack, Unboxed.value(stack, lane, base + b), (LuaString) k[c(i)], a(base, i), b, pc);
    }

    /**
     * {@code R[dest] := t[key]} for a string key, {@code where} locating {@code t} for
     * messages (GETTABUP and GETFIELD).
     */
    private static boolean getString(Coroutine co, LuaFrame f, Object[] stack, Object t, LuaString key, int dest,
            int where, int pc) {
        if (t instanceof LuaTable) {
            LuaTable tt = (LuaTable) t;
            Object v = tt.get(key);
            if (v != null || tt.metatable() == null) {
                stack[dest] = v;
                return false;
            }
        }
        f.pc = pc;
        return Interpreter.index(co, f, t, key, dest, where);
    }

    /** The value an {@code RK(C)} operand names: constant C if the k bit is set, else register C. */
    private static Object rkc(Object[] stack, long[] lane, Object[] k, int base, int i) {
        return k(i) ? k[c(i)] : Unboxed.value(stack, lane, base + c(i));
    }

    static boolean setTabUp(Coroutine co, LuaFrame f, Object[] stack, long[] lane, Upvalue[] upvals,
            Object[] k, int base, int i, int pc) {
        int ua = (i >>> 7) & 0xFF;
        Object t = upvals[ua].get();
        LuaString key = (LuaString) k[b(i)];
        Object v = rkc(stack, lane, k, base, i);
        if (t instanceof LuaTable && Interpreter.canSetRaw((LuaTable) t, key)) {
            ((LuaTable) t).put(key, v);
            return false;
        }
        f.pc = pc;
        return Interpreter.setIndex(co, f, t, key, v, RuntimeErrors.upvalue(ua));
    }

    static boolean setTable(Coroutine co, LuaFrame f, Object[] stack, long[] lane, Object[] k,
            int base, int i, int pc) {
        int a = a(base, i);
        Object t = Unboxed.value(stack, lane, a);
        int kb = base + b(i);
        Object key = stack[kb];
        Object v = rkc(stack, lane, k, base, i);
        if (t instanceof LuaTable) {
            LuaTable tt = (LuaTable) t;
            if (Unboxed.isInt(key)) {
                long n = Unboxed.intOf(key, lane, kb);
                if (Interpreter.canSetRaw(tt, n)) {
                    tt.put(n, v);
                    return false;
                }
            } else if (key instanceof LuaString && Interpreter.canSetRaw(tt, (LuaString) key)) {
                tt.put((LuaString) key, v);
                return false;
            }
        }
        f.pc = pc;
        return Interpreter.setIndex(co, f, t, Unboxed.value(stack, lane, kb), v, a - base);
    }

    static boolean setI(Coroutine co, LuaFrame f, Object[] stack, long[] lane, Object[] k,
            int base, int i, int pc) {
        int a = a(base, i);
        Object t = Unboxed.value(stack, lane, a);
        long key = b(i);
        Object v = rkc(stack, lane, k, base, i);
        if (t instanceof LuaTable && Interpreter.canSetRaw((LuaTable) t, key)) {
            ((LuaTable) t).put(key, v);
            return false;
        }
        f.pc = pc;
        return Interpreter.setIndex(co, f, t, key, v, a - base);
    }

    static boolean setField(Coroutine co, LuaFrame f, Object[] stack, long[] lane, Object[] k,
            int base, int i, int pc) {
        int a = a(base, i);
        Object t = Unboxed.value(stack, lane, a);
        LuaString key = (LuaString) k[b(i)];
        Object v = rkc(stack, lane, k, base, i);
        if (t instanceof LuaTable && Interpreter.canSetRaw((LuaTable) t, key)) {
            ((LuaTable) t).put(key, v);
            return false;
        }
        f.pc = pc;
        return Interpreter.setIndex(co, f, t, key, v, a - base);
    }

    /** NEWTABLE, whose EXTRAARG word is {@code extra}; the caller steps over it. */
    static void newTable(Coroutine co, LuaFrame f, Object[] stack, int base, int i, int extra, int pc) {
        int b = b(i);
        int c = c(i);
        if (k(i)) c += (extra >>> 7) * 256;
        f.pc = pc;
        stack[a(base, i)] = new LuaTable(co.instance().heap(), c, b > 0 ? 1 << (b - 1) : 0);
    }

    static boolean self(Coroutine co, LuaFrame f, Object[] stack, long[] lane, Object[] k,
            int base, int i, int pc) {
        int b = b(i);
        int a = a(base, i);
        Object t = Unboxed.value(stack, lane, base + b);
        Object key = rkc(stack, lane, k, base, i);
        stack[a + 1] = t;
        if (t instanceof LuaTable && key instanceof LuaString) {
            LuaTable tt = (LuaTable) t;
            Object v = tt.get((LuaString) key);
            if (v != null || tt.metatable() == null) {
                stack[a] = v;
                return false;
            }
        }
        f.pc = pc;
        return Interpreter.index(co, f, t, key, a, b);
    }

    // ================================================================== arithmetic

    static boolean addI(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int xb = base + b(i);
        Object x = stack[xb];
        int imm = sc(i);
        int a = a(base, i);
        if (Unboxed.isInt(x)) {
            Unboxed.putInt(stack, lane, a, Unboxed.intOf(x, lane, xb) + imm);
            return false;
        }
        if (Unboxed.isFloat(x)) {
            Unboxed.putFloat(stack, lane, a, Unboxed.floatOf(x, lane, xb) + imm);
            return false;
        }
        f.pc = pc;
        return k(i)
                ? Interpreter.arith(co, f, MetaEvent.ADD, (long) imm, x, a, RuntimeErrors.NOWHERE, b(i))
                : Interpreter.arith(co, f, MetaEvent.ADD, x, (long) imm, a, b(i), RuntimeErrors.NOWHERE);
    }

    /** ADDK, SUBK and MULK, whose constant is a number. */
    static boolean arithK(Coroutine co, LuaFrame f, Object[] stack, long[] lane, Object[] k,
            int base, int i, int pc) {
        int xb = base + b(i);
        Object x = stack[xb];
        Object y = k[c(i)];
        int a = a(base, i);
        int op = i & 0x7F;
        if (Unboxed.isInt(x) && y instanceof Long) {
            long l = Unboxed.intOf(x, lane, xb), r = (Long) y;
            Unboxed.putInt(stack, lane, a, op == OpCode.ADDK ? l + r : op == OpCode.SUBK ? l - r : l * r);
            return false;
        }
        if (Unboxed.isFloat(x) && y instanceof Double) {
            double l = Unboxed.floatOf(x, lane, xb), r = (Double) y;
            Unboxed.putFloat(stack, lane, a, op == OpCode.ADDK ? l + r : op == OpCode.SUBK ? l - r : l * r);
            return false;
        }
        return otherK(co, f, stack, lane, k, base, i, pc);
    }

    /** MODK, POWK, DIVK, IDIVK, BANDK, BORK and BXORK (and the slow paths of {@link #arithK}). */
    static boolean otherK(Coroutine co, LuaFrame f, Object[] stack, long[] lane, Object[] k,
            int base, int i, int pc) {
        Object x = Unboxed.value(stack, lane, base + b(i));
        f.pc = pc;
        return Interpreter.arithK(co, f, i, x, k[c(i)], a(base, i));
    }

    static boolean shrI(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int xb = base + b(i);
        Object x = stack[xb];
        int imm = sc(i);
        int a = a(base, i);
        if (Unboxed.isInt(x)) {
            Unboxed.putInt(stack, lane, a, LuaNumber.shiftLeft(Unboxed.intOf(x, lane, xb), -imm));
            return false;
        }
        x = Unboxed.value(stack, lane, xb);
        f.pc = pc;
        return k(i)
                ? Interpreter.arith(co, f, MetaEvent.SHL, x, (long) -imm, a, b(i), RuntimeErrors.NOWHERE)
                : Interpreter.arith(co, f, MetaEvent.SHR, x, (long) imm, a, b(i), RuntimeErrors.NOWHERE);
    }

    static boolean shlI(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int xb = base + b(i);
        Object x = stack[xb];
        int imm = sc(i);
        int a = a(base, i);
        if (Unboxed.isInt(x)) {
            Unboxed.putInt(stack, lane, a, LuaNumber.shiftLeft(imm, Unboxed.intOf(x, lane, xb)));
            return false;
        }
        x = Unboxed.value(stack, lane, xb);
        f.pc = pc;
        return Interpreter.arith(co, f, MetaEvent.SHL, (long) imm, x, a, RuntimeErrors.NOWHERE, b(i));
    }

    /** ADD, SUB and MUL on registers. */
    static boolean arith(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int xb = base + b(i), yc = base + c(i);
        Object x = stack[xb];
        Object y = stack[yc];
        int a = a(base, i);
        int op = i & 0x7F;
        if (Unboxed.isInt(x) && Unboxed.isInt(y)) {
            long l = Unboxed.intOf(x, lane, xb), r = Unboxed.intOf(y, lane, yc);
            Unboxed.putInt(stack, lane, a, op == OpCode.ADD ? l + r : op == OpCode.SUB ? l - r : l * r);
            return false;
        }
        if (Unboxed.isFloat(x) && Unboxed.isFloat(y)) {
            double l = Unboxed.floatOf(x, lane, xb), r = Unboxed.floatOf(y, lane, yc);
            Unboxed.putFloat(stack, lane, a, op == OpCode.ADD ? l + r : op == OpCode.SUB ? l - r : l * r);
            return false;
        }
        return otherArith(co, f, stack, lane, base, i, pc);
    }

    /** MOD, POW, DIV, IDIV and the bitwise operators on registers (and {@link #arith}'s slow paths). */
    static boolean otherArith(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int b = b(i), c = c(i);
        f.pc = pc;
        Object x = Unboxed.value(stack, lane, base + b), y = Unboxed.value(stack, lane, base + c);
        return Interpreter.arith(co, f, DebugNames.arithEvent(i & 0x7F), x, y, a(base, i), b, c);
    }

    static boolean unm(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int b = b(i);
        int xb = base + b;
        Object x = stack[xb];
        int a = a(base, i);
        if (Unboxed.isInt(x)) {
            Unboxed.putInt(stack, lane, a, -Unboxed.intOf(x, lane, xb));
            return false;
        }
        if (Unboxed.isFloat(x)) {
            Unboxed.putFloat(stack, lane, a, -Unboxed.floatOf(x, lane, xb));
            return false;
        }
        f.pc = pc;
        return Interpreter.arith(co, f, MetaEvent.UNM, x, x, a, b, b);
    }

    static boolean bnot(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int b = b(i);
        int xb = base + b;
        Object x = stack[xb];
        int a = a(base, i);
        if (Unboxed.isInt(x)) {
            Unboxed.putInt(stack, lane, a, ~Unboxed.intOf(x, lane, xb));
            return false;
        }
        x = Unboxed.value(stack, lane, xb);
        f.pc = pc;
        return Interpreter.arith(co, f, MetaEvent.BNOT, x, x, a, b, b);
    }

    static void not(Object[] stack, int base, int i) {
        Object x = stack[base + b(i)];
        stack[a(base, i)] = x == null || x == Boolean.FALSE;
    }

    static boolean len(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int b = b(i);
        Object x = Unboxed.value(stack, lane, base + b);
        int a = a(base, i);
        // Unboxed: a length is most often an index about to be used (t[#t + 1] = v).
        if (x instanceof LuaString) {
            Unboxed.putInt(stack, lane, a, ((LuaString) x).length());
            return false;
        }
        if (x instanceof LuaTable && ((LuaTable) x).metatable() == null) {
            Unboxed.putInt(stack, lane, a, ((LuaTable) x).length());
            return false;
        }
        f.pc = pc;
        return Interpreter.length(co, f, x, a, b);
    }

    static boolean concat(Coroutine co, LuaFrame f, int base, int i, int pc) {
        int n = f.concatLeft;
        if (n == 0) n = b(i);
        f.concatLeft = 0;
        f.pc = pc;
        return Interpreter.concat(co, f, a(base, i), n);
    }

    // ================================================================== comparisons

    /** EQ, LT, LE, LTI, LEI, GTI and GEI, for the interpreter (compiled code calls each directly). */
    static int compare(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        switch (i & 0x7F) {
            case OpCode.EQ: return eq(co, f, stack, lane, base, i, pc);
            case OpCode.LT: case OpCode.LE: return order(co, f, stack, lane, base, i, pc);
            default: return orderI(co, f, stack, lane, base, i, pc);
        }
    }

    static int eq(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int a = a(base, i);
        int yb = base + b(i);
        Object x = stack[a];
        Object y = stack[yb];
        if (Unboxed.isInt(x) && Unboxed.isInt(y)) {
            return Unboxed.intOf(x, lane, a) == Unboxed.intOf(y, lane, yb) ? TRUE : FALSE;
        }
        x = Unboxed.value(stack, lane, a);
        y = Unboxed.value(stack, lane, yb);
        if (x != y && (x instanceof LuaTable && y instanceof LuaTable || x instanceof Userdata && y instanceof Userdata)) {
            f.pc = pc;
            return Interpreter.equalMeta(co, f, x, y) ? LEAVE : RESUME;
        }
        return Comparison.rawEquals(x, y) ? TRUE : FALSE;
    }

    /** LT and LE on registers. */
    static int order(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int a = a(base, i);
        int yb = base + b(i);
        Object x = stack[a];
        Object y = stack[yb];
        boolean lt = (i & 0x7F) == OpCode.LT;
        if (Unboxed.isInt(x) && Unboxed.isInt(y)) {
            long l = Unboxed.intOf(x, lane, a), r = Unboxed.intOf(y, lane, yb);
            return (lt ? l < r : l <= r) ? TRUE : FALSE;
        }
        if (Unboxed.isFloat(x) && Unboxed.isFloat(y)) {
            double l = Unboxed.floatOf(x, lane, a), r = Unboxed.floatOf(y, lane, yb);
            return (lt ? l < r : l <= r) ? TRUE : FALSE;
        }
        x = Unboxed.value(stack, lane, a);
        y = Unboxed.value(stack, lane, yb);
        f.pc = pc;
        return Interpreter.order(co, f, x, y, lt ? MetaEvent.LT : MetaEvent.LE) ? LEAVE : RESUME;
    }

    static int eqK(Object[] stack, long[] lane, Object[] k, int base, int i) {
        int a = a(base, i);
        Object x = stack[a], y = k[b(i)];
        boolean cond = x == Unboxed.INT && y instanceof Long ? lane[a] == (Long) y
                : Comparison.rawEquals(Unboxed.value(stack, lane, a), y);
        return cond ? TRUE : FALSE;
    }

    static int eqI(Object[] stack, long[] lane, int base, int i) {
        int a = a(base, i);
        Object x = stack[a];
        int imm = sb(i);
        boolean cond = Unboxed.isInt(x) ? Unboxed.intOf(x, lane, a) == imm
                : Unboxed.isFloat(x) && Unboxed.floatOf(x, lane, a) == imm;
        return cond ? TRUE : FALSE;
    }

    /** LTI, LEI, GTI and GEI. */
    static int orderI(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int a = a(base, i);
        Object x = stack[a];
        int imm = sb(i);
        int op = i & 0x7F;
        boolean cond;
        if (Unboxed.isInt(x)) {
            long l = Unboxed.intOf(x, lane, a);
            cond = op == OpCode.LTI ? l < imm : op == OpCode.LEI ? l <= imm : op == OpCode.GTI ? l > imm : l >= imm;
        } else if (Unboxed.isFloat(x)) {
            double l = Unboxed.floatOf(x, lane, a);
            cond = op == OpCode.LTI ? l < imm : op == OpCode.LEI ? l <= imm : op == OpCode.GTI ? l > imm : l >= imm;
        } else {
            Object im = c(i) != 0 ? (Object) (double) imm : (Object) (long) imm;
            f.pc = pc;
            boolean changed;
            switch (op) {
                case OpCode.LTI: changed = Interpreter.order(co, f, x, im, MetaEvent.LT); break;
                case OpCode.LEI: changed = Interpreter.order(co, f, x, im, MetaEvent.LE); break;
                case OpCode.GTI: changed = Interpreter.order(co, f, im, x, MetaEvent.LT); break;
                default: changed = Interpreter.order(co, f, im, x, MetaEvent.LE); break;
            }
            return changed ? LEAVE : RESUME;
        }
        return cond ? TRUE : FALSE;
    }

    /** TESTSET: whether R[B] is false (nil or false) and k is set, or true and k is clear (the jump is skipped); else copies it to R[A]. */
    static boolean testSet(Object[] stack, long[] lane, int base, int i) {
        int b = base + b(i);
        Object x = stack[b];
        if ((x == null || x == Boolean.FALSE) == k(i)) return true;
        Unboxed.copy(stack, lane, b, a(base, i));
        return false;
    }

    /** TEST: whether R[A] is false (nil or false). */
    static boolean isFalse(Object[] stack, int base, int i) {
        Object x = stack[a(base, i)];
        return x == null || x == Boolean.FALSE;
    }

    // ================================================================== closing

    static boolean close(Coroutine co, LuaFrame f, int base, int i, int pc) {
        int a = a(base, i);
        f.pc = pc;
        co.closeUpvalues(a);
        if (!co.hasTbc(a)) return false;
        Interpreter.closeNext(co, f, base + f.closure.proto.maxStackSize);
        return true;
    }

    static void tbc(Coroutine co, LuaFrame f, int base, int i, int pc) {
        f.pc = pc;
        Interpreter.markToBeClosed(co, f, a(base, i));
    }

    /** TFORPREP: marks the loop's closing value to be closed (the caller then jumps to TFORCALL). */
    static void tforPrep(Coroutine co, LuaFrame f, int base, int i, int pc) {
        f.pc = pc;
        Interpreter.markToBeClosed(co, f, a(base, i) + 3);
    }

    /** FORPREP: whether the loop must not run at all. */
    static boolean forPrep(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        f.pc = pc;
        return Interpreter.forPrep(co, stack, lane, a(base, i));
    }

    // ================================================================== loops

    /** FORLOOP: steps the loop; whether it goes round again (to the jump). */
    static boolean forLoop(Object[] stack, long[] lane, int base, int i) {
        int a = a(base, i);
        // forPrep left the loop state in the lane; debug.setlocal may have boxed it since.
        Object step = stack[a + 2];
        if (Unboxed.isInt(step)) {
            long idx = Unboxed.intOf(stack[a], lane, a);
            if (idx == Unboxed.intOf(stack[a + 1], lane, a + 1)) return false;
            idx += Unboxed.intOf(step, lane, a + 2);
            Unboxed.putInt(stack, lane, a, idx);
            Unboxed.putInt(stack, lane, a + 3, idx);
            return true;
        }
        double st = Unboxed.floatOf(step, lane, a + 2);
        double idx = Unboxed.floatOf(stack[a], lane, a) + st;
        double limit = Unboxed.floatOf(stack[a + 1], lane, a + 1);
        if (!(st > 0 ? idx <= limit : limit <= idx)) return false;
        Unboxed.putFloat(stack, lane, a, idx);
        Unboxed.putFloat(stack, lane, a + 3, idx);
        return true;
    }

    /** TFORLOOP: whether the generic loop goes round again (to the jump). */
    static boolean tforLoop(Object[] stack, long[] lane, int base, int i) {
        int a = a(base, i);
        if (stack[a + 4] == null) return false;
        Unboxed.copy(stack, lane, a + 4, a + 2);
        return true;
    }

    /** Charges {@code n} units of fuel; whether it is spent. */
    static boolean spend(Fuel fuel, int n) {
        return (fuel.remaining -= n) <= 0;
    }

    // ================================================================== calls

    /** CALL, after its fuel is counted. */
    static boolean call(Coroutine co, LuaFrame f, Object[] stack, int base, int i, int pc) {
        int a = a(base, i);
        int b = b(i);
        int nargs = b != 0 ? b - 1 : f.top - a - 1;
        f.pc = pc;
        Object fn = stack[a];
        if (fn instanceof Closure) {
            LuaFrame callee = Interpreter.enter(co, (Closure) fn, a, nargs);
            callee.ret = Frame.RET_CALL;
            callee.dest = a;
            callee.wanted = c(i) - 1;
            return true;
        }
        return Interpreter.call(co, a, nargs, Frame.RET_CALL, a, c(i) - 1, false);
    }

    /** TFORCALL, after its fuel is counted. */
    static boolean tforCall(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int a = a(base, i);
        Object iterator = stack[a];
        if (iterator instanceof Builtin && co.hookMask == 0) {
            ForStep step = ((Builtin) iterator).forStep();
            if (step != ForStep.NONE && stepInPlace(step, co.executor.fuel(), stack, lane, a, c(i))) return false;
        }
        Unboxed.copy(stack, lane, a, a + 4);
        Unboxed.copy(stack, lane, a + 1, a + 5);
        Unboxed.copy(stack, lane, a + 2, a + 6);
        f.pc = pc;
        Object fn = stack[a + 4];
        if (fn instanceof Closure) {
            LuaFrame callee = Interpreter.enter(co, (Closure) fn, a + 4, 2);
            callee.ret = Frame.RET_CALL;
            callee.dest = a + 4;
            callee.wanted = c(i);
            return true;
        }
        return Interpreter.call(co, a + 4, 2, Frame.RET_CALL, a + 4, c(i), false);
    }

    /** TAILCALL, after its fuel is counted; the frames always change. */
    static void tailCall(Coroutine co, LuaFrame f, int base, int i, int pc) {
        int a = a(base, i);
        int b = b(i);
        int nargs = b != 0 ? b - 1 : f.top - a - 1;
        f.pc = pc;
        if (k(i)) co.closeUpvalues(base);
        Interpreter.tailCall(co, f, a, nargs);
    }

    /**
     * RETURN: returns the values, or first calls the next pending {@code __close} (after which
     * the instruction runs again); the frames always change. {@code fuel} is charged
     * {@code count} instructions when the frame returns.
     */
    static void ret(Coroutine co, LuaFrame f, Fuel fuel, int count, int base, int i, int pc) {
        int a = a(base, i);
        int b = b(i);
        int n = b != 0 ? b - 1 : f.top - a;
        f.pc = pc;
        if (k(i)) {
            co.closeUpvalues(base);
            if (co.hasTbc(base)) {
                Interpreter.closeNext(co, f, Math.max(a + n, base + f.closure.proto.maxStackSize));
                return;
            }
        }
        fuel.remaining -= count;
        Interpreter.returnFrom(co, f, a, n);
    }

    /**
     * A generic {@code for} loop's step with {@code pairs}' or {@code ipairs}' iterator, done
     * in place (see {@link Builtin#forStep}): the {@code wanted} results go to the registers
     * from {@code a + 4} on. Whether it was done; if not, nothing changed, and the iterator
     * must be called (for a metamethod, or to raise its error).
     */
    private static boolean stepInPlace(ForStep step, Fuel fuel, Object[] stack, long[] lane, int a, int wanted) {
        Object state = stack[a + 1];
        if (!(state instanceof LuaTable)) return false;
        LuaTable t = (LuaTable) state;
        Object control = stack[a + 2];
        int out = a + 4;
        if (step == ForStep.IPAIRS) {
            if (t.metatable() != null || !Unboxed.isInt(control)) return false;
            long n = Unboxed.intOf(control, lane, a + 2) + 1;
            Object v = t.get(n);
            if (v == null) {
                Arrays.fill(stack, out, out + wanted, null);
            } else {
                Unboxed.putInt(stack, lane, out, n);
                results(stack, out, wanted, v);
            }
            return true;
        }
        int start;
        try {
            start = Unboxed.isInt(control) ? t.traversalStart(Unboxed.intOf(control, lane, a + 2))
                    : t.traversalStart(Unboxed.value(stack, lane, a + 2));
        } catch (LuaError invalidKey) {
            return false;
        }
        int index = t.nextIndexFrom(start);
        fuel.consume(t.skipCost(start, index));
        if (index < 0) {
            Arrays.fill(stack, out, out + wanted, null);
        } else {
            if (t.inArrayPart(index)) {
                Unboxed.putInt(stack, lane, out, index + 1L);
            } else {
                stack[out] = t.keyAt(index);
            }
            results(stack, out, wanted, t.valueAt(index));
        }
        return true;
    }

    /** After a key in register {@code out}: its value, then nils up to {@code wanted} results. */
    private static void results(Object[] stack, int out, int wanted, Object value) {
        if (wanted > 1) {
            stack[out + 1] = value;
            if (wanted > 2) Arrays.fill(stack, out + 2, out + wanted, null);
        }
    }

    /** RETURN0, after its fuel is counted. */
    static void return0(Coroutine co, LuaFrame f, Object[] stack, int pc) {
        co.frameCount--;
        if (f.ret == Frame.RET_CALL) {
            int dest = f.dest;
            int wanted = f.wanted;
            if (wanted < 0) {
                ((LuaFrame) co.frames[co.frameCount - 1]).top = dest;
            } else {
                Arrays.fill(stack, dest, dest + wanted, null);
            }
        } else {
            f.pc = pc;
            Interpreter.deliver(co, f.ret, f.dest, f.wanted, Values.NONE);
        }
    }

    /** RETURN1, after its fuel is counted. */
    static void return1(Coroutine co, LuaFrame f, Object[] stack, long[] lane, int base, int i, int pc) {
        int a = a(base, i);
        co.frameCount--;
        if (f.ret == Frame.RET_CALL) {
            int dest = f.dest;
            int wanted = f.wanted;
            if (wanted == 1) {
                Unboxed.copy(stack, lane, a, dest);
            } else if (wanted < 0) {
                Unboxed.copy(stack, lane, a, dest);
                ((LuaFrame) co.frames[co.frameCount - 1]).top = dest + 1;
            } else if (wanted > 0) {
                Unboxed.copy(stack, lane, a, dest);
                Arrays.fill(stack, dest + 1, dest + wanted, null);
            }
        } else {
            f.pc = pc;
            Interpreter.deliver(co, f.ret, f.dest, f.wanted, Unboxed.value(stack, lane, a));
        }
    }

    // ================================================================== tables, closures, varargs

    /** SETLIST, whose EXTRAARG word (if its k bit is set) is {@code extra}; the caller steps over it. */
    static void setList(LuaFrame f, Object[] stack, long[] lane, int base, int i, int extra, int pc) {
        int a = a(base, i);
        int n = b(i);
        int last = c(i);
        if (n == 0) n = f.top - a - 1;
        if (k(i)) last += (extra >>> 7) * 256;
        LuaTable t = (LuaTable) stack[a];
        last += n;
        f.pc = pc;
        t.ensureArray(last);
        for (; n > 0; n--) t.put((long) last--, Unboxed.value(stack, lane, a + n));
    }

    static void closure(Coroutine co, LuaFrame f, Object[] stack, Upvalue[] upvals, int base, int i) {
        stack[a(base, i)] = Interpreter.closure(co, f.closure.proto.protos[i >>> 15], upvals, base);
    }

    static void vararg(Coroutine co, LuaFrame f, int base, int i, int pc) {
        int a = a(base, i);
        Object[] va = f.varargs;
        int n = c(i) - 1;
        if (n < 0) {
            n = va.length;
            f.pc = pc;
            co.ensureStack(a + n);
            f.top = a + n;
        }
        Object[] stack = co.stack;
        int m = Math.min(n, va.length);
        System.arraycopy(va, 0, stack, a, m);
        if (m < n) Arrays.fill(stack, a + m, a + n, null);
    }
}
