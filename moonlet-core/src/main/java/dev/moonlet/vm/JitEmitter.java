package dev.moonlet.vm;

import static dev.moonlet.compiler.Instruction.OFFSET_SJ;
import static org.objectweb.asm.Opcodes.*;

import dev.moonlet.compiler.OpCode;
import dev.moonlet.compiler.Proto;
import dev.moonlet.syntax.ChunkId;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes the JVM class of a function's {@link Compiled} code: one method, {@code run}, with
 * a block of bytecode per Lua instruction. Each block calls the instruction's method in
 * {@link Ops} with the instruction word as a constant (so the JVM's compiler inlines it and
 * folds the decoding away), and turns its answer into control flow: jumps become JVM jumps,
 * and whatever changes the frames returns. The method begins by jumping to the block of
 * {@code f.pc}, which makes every instruction a point where the frame can stop and resume.
 *
 * <p>Fuel is counted as the interpreter counts it: at backward jumps, calls and returns, by
 * the instructions since the last count ({@code mark}); a backward jump that finds the fuel
 * spent stores its target in {@code f.pc} and returns.
 */
final class JitEmitter {
    private static final String OPS = "dev/moonlet/vm/Ops";
    private static final String CO = "Ldev/moonlet/vm/Coroutine;";
    private static final String F = "Ldev/moonlet/vm/LuaFrame;";
    private static final String FUEL = "Ldev/moonlet/vm/Fuel;";
    private static final String STACK = "[Ljava/lang/Object;";
    private static final String LANE = "[J";
    private static final String K = "[Ljava/lang/Object;";
    private static final String UPVALS = "[Ldev/moonlet/vm/Upvalue;";

    // The run method's locals.
    private static final int FUEL_L = 1, CO_L = 2, F_L = 3, STACK_L = 4, LANE_L = 5, BASE_L = 6, MARK_L = 7,
            K_L = 8, UPVALS_L = 9;

    private final Proto p;
    private final int[] code;
    private MethodVisitor mv;
    private Label[] at;
    private Label leave;
    private Label resume;
    private Label end;

    JitEmitter(Proto p) {
        this.p = p;
        this.code = p.code;
    }

    /** The class file, and in {@link #codeSize()} the size of its {@code run} method's bytecode. */
    byte[] emit(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // Every local keeps one type throughout; nothing else is ever merged.
                return "java/lang/Object";
            }
        };
        cw.visit(V17, ACC_FINAL | ACC_SUPER, name, null, "dev/moonlet/vm/Compiled", null);
        // Java stack traces and profilers then show the Lua chunk and line being run.
        // As Lua names it in messages (a chunk's source text can be longer than a class file allows).
        if (p.source != null) cw.visitSource(ChunkId.of(p.source).toString(), null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "dev/moonlet/vm/Compiled", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        mv = cw.visitMethod(0, "run", "(" + FUEL + CO + F + ")V", null, null);
        mv.visitCode();
        emitRun();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The size in bytes of the {@code run} method's bytecode, once {@link #emit} has run. */
    int codeSize() {
        return end.getOffset();
    }

    private void emitRun() {
        int n = code.length;
        at = new Label[n];
        for (int pc = 0; pc < n; pc++) at[pc] = new Label();
        leave = new Label();
        resume = new Label();
        end = new Label();
        Label dispatch = new Label();
        Label bad = new Label();

        // Prologue: base, the constants and the upvalues never change while the frame runs.
        mv.visitVarInsn(ALOAD, F_L);
        mv.visitFieldInsn(GETFIELD, "dev/moonlet/vm/LuaFrame", "base", "I");
        mv.visitVarInsn(ISTORE, BASE_L);
        mv.visitVarInsn(ALOAD, F_L);
        mv.visitFieldInsn(GETFIELD, "dev/moonlet/vm/LuaFrame", "pc", "I");
        mv.visitVarInsn(ISTORE, MARK_L);
        mv.visitVarInsn(ALOAD, F_L);
        mv.visitFieldInsn(GETFIELD, "dev/moonlet/vm/LuaFrame", "closure", "Ldev/moonlet/vm/Closure;");
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, "dev/moonlet/vm/Closure", "upvalues", UPVALS);
        mv.visitVarInsn(ASTORE, UPVALS_L);
        mv.visitFieldInsn(GETFIELD, "dev/moonlet/vm/Closure", "proto", "Ldev/moonlet/compiler/Proto;");
        mv.visitFieldInsn(GETFIELD, "dev/moonlet/compiler/Proto", "constants", K);
        mv.visitVarInsn(ASTORE, K_L);
        // Resuming: the registers may have moved; go on at f.pc.
        mv.visitLabel(resume);
        reload();
        mv.visitLabel(dispatch);
        mv.visitVarInsn(ALOAD, F_L);
        mv.visitFieldInsn(GETFIELD, "dev/moonlet/vm/LuaFrame", "pc", "I");
        Label[] targets = new Label[n];
        for (int pc = 0; pc < n; pc++) targets[pc] = isExtraArg(pc) ? bad : at[pc];
        mv.visitTableSwitchInsn(0, n - 1, bad, targets);

        for (int pc = 0; pc < n; pc++) {
            if (isExtraArg(pc)) continue;
            mv.visitLabel(at[pc]);
            int line = p.lineAt(pc);
            if (line > 0 && line <= 0xFFFF) mv.visitLineNumber(line, at[pc]);
            instruction(pc, code[pc]);
        }

        mv.visitLabel(leave);
        mv.visitInsn(RETURN);
        mv.visitLabel(bad);
        mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        mv.visitInsn(DUP);
        mv.visitLdcInsn("compiled code resumed at a bad pc");
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(end);
    }

    /** Whether the word at {@code pc} is the EXTRAARG of the instruction before it. */
    private boolean isExtraArg(int pc) {
        if (pc == 0) return false;
        int prev = code[pc - 1];
        int op = prev & 0x7F;
        return op == OpCode.LOADKX || op == OpCode.NEWTABLE || op == OpCode.SETLIST && Ops.k(prev);
    }

    private void instruction(int pc, int i) {
        int next = pc + 1;
        switch (i & 0x7F) {
            case OpCode.MOVE: call("move", i, STACK_L, LANE_L, BASE_L); return;
            case OpCode.LOADI: call("loadI", i, STACK_L, LANE_L, BASE_L); return;
            case OpCode.LOADF: call("loadF", i, STACK_L, LANE_L, BASE_L); return;
            case OpCode.LOADK:
                loadConstant(i, i >>> 15);
                return;
            case OpCode.LOADKX:
                loadConstant(i, code[next] >>> 7);
                jump(pc + 2);
                return;
            case OpCode.LOADFALSE:
            case OpCode.LFALSESKIP:
            case OpCode.LOADTRUE:
                register(i);
                mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", (i & 0x7F) == OpCode.LOADTRUE ? "TRUE" : "FALSE",
                        "Ljava/lang/Boolean;");
                mv.visitInsn(AASTORE);
                if ((i & 0x7F) == OpCode.LFALSESKIP) jump(pc + 2);
                return;
            case OpCode.LOADNIL: call("loadNil", i, STACK_L, BASE_L); return;
            case OpCode.GETUPVAL: call("getUpval", i, STACK_L, LANE_L, UPVALS_L, BASE_L); return;
            case OpCode.SETUPVAL: call("setUpval", i, CO_L, STACK_L, LANE_L, UPVALS_L, BASE_L); return;
            case OpCode.GETTABUP: leaveIf("getTabUp", i, next, CO_L, F_L, STACK_L, UPVALS_L, K_L, BASE_L); return;
            case OpCode.GETTABLE: leaveIf("getTable", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L); return;
            case OpCode.GETI: leaveIf("getI", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L); return;
            case OpCode.GETFIELD: leaveIf("getField", i, next, CO_L, F_L, STACK_L, LANE_L, K_L, BASE_L); return;
            case OpCode.SETTABUP:
                leaveIf("setTabUp", i, next, CO_L, F_L, STACK_L, LANE_L, UPVALS_L, K_L, BASE_L);
                return;
            case OpCode.SETTABLE: leaveIf("setTable", i, next, CO_L, F_L, STACK_L, LANE_L, K_L, BASE_L); return;
            case OpCode.SETI: leaveIf("setI", i, next, CO_L, F_L, STACK_L, LANE_L, K_L, BASE_L); return;
            case OpCode.SETFIELD: leaveIf("setField", i, next, CO_L, F_L, STACK_L, LANE_L, K_L, BASE_L); return;
            case OpCode.NEWTABLE:
                loadLocals(CO_L, F_L, STACK_L, BASE_L);
                push(i);
                push(code[next]);
                push(pc + 2);
                mv.visitMethodInsn(INVOKESTATIC, OPS, "newTable", "(" + CO + F + STACK + "IIII)V", false);
                jump(pc + 2);
                return;
            case OpCode.SELF: leaveIf("self", i, next, CO_L, F_L, STACK_L, LANE_L, K_L, BASE_L); return;
            case OpCode.ADDI: leaveIf("addI", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L); return;
            case OpCode.ADDK:
            case OpCode.SUBK:
            case OpCode.MULK:
                leaveIf("arithK", i, next, CO_L, F_L, STACK_L, LANE_L, K_L, BASE_L);
                return;
            case OpCode.MODK:
            case OpCode.POWK:
            case OpCode.DIVK:
            case OpCode.IDIVK:
            case OpCode.BANDK:
            case OpCode.BORK:
            case OpCode.BXORK:
                leaveIf("otherK", i, next, CO_L, F_L, STACK_L, LANE_L, K_L, BASE_L);
                return;
            case OpCode.SHRI: leaveIf("shrI", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L); return;
            case OpCode.SHLI: leaveIf("shlI", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L); return;
            case OpCode.ADD:
            case OpCode.SUB:
            case OpCode.MUL:
                leaveIf("arith", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L);
                return;
            case OpCode.MOD:
            case OpCode.POW:
            case OpCode.DIV:
            case OpCode.IDIV:
            case OpCode.BAND:
            case OpCode.BOR:
            case OpCode.BXOR:
            case OpCode.SHL:
            case OpCode.SHR:
                leaveIf("otherArith", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L);
                return;
            case OpCode.UNM: leaveIf("unm", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L); return;
            case OpCode.BNOT: leaveIf("bnot", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L); return;
            case OpCode.NOT: call("not", i, STACK_L, BASE_L); return;
            case OpCode.LEN: leaveIf("len", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L); return;
            case OpCode.CONCAT: leaveIf("concat", i, next, CO_L, F_L, BASE_L); return;
            case OpCode.CLOSE: leaveIf("close", i, next, CO_L, F_L, BASE_L); return;
            case OpCode.TBC:
                opAt("tbc", "V", i, next, CO_L, F_L, BASE_L);
                return;
            case OpCode.JMP:
                jumpBy(pc, (i >>> 7) - OFFSET_SJ);
                return;
            case OpCode.EQ: compare("eq", i, pc, CO_L, F_L, STACK_L, LANE_L, BASE_L); return;
            case OpCode.LT:
            case OpCode.LE:
                compare("order", i, pc, CO_L, F_L, STACK_L, LANE_L, BASE_L);
                return;
            case OpCode.LTI:
            case OpCode.LEI:
            case OpCode.GTI:
            case OpCode.GEI:
                compare("orderI", i, pc, CO_L, F_L, STACK_L, LANE_L, BASE_L);
                return;
            case OpCode.EQK:
                op("eqK", "I", i, STACK_L, LANE_L, K_L, BASE_L);
                branch(i, pc);
                return;
            case OpCode.EQI:
                op("eqI", "I", i, STACK_L, LANE_L, BASE_L);
                branch(i, pc);
                return;
            case OpCode.TEST:
                // Skips the jump when R[A] is false and k is set, or true and k is clear.
                op("isFalse", "Z", i, STACK_L, BASE_L);
                mv.visitJumpInsn(Ops.k(i) ? IFNE : IFEQ, at[pc + 2]);
                return;
            case OpCode.TESTSET:
                op("testSet", "Z", i, STACK_L, LANE_L, BASE_L);
                mv.visitJumpInsn(IFNE, at[pc + 2]);
                return;
            case OpCode.CALL:
                spend(next);
                leaveIf("call", i, next, CO_L, F_L, STACK_L, BASE_L);
                setMark(next);
                return;
            case OpCode.TAILCALL:
                spend(next);
                opAt("tailCall", "V", i, next, CO_L, F_L, BASE_L);
                mv.visitJumpInsn(GOTO, leave);
                return;
            case OpCode.RETURN:
                loadLocals(CO_L, F_L, FUEL_L);
                sinceMark(next);
                mv.visitVarInsn(ILOAD, BASE_L);
                push(i);
                push(next);
                mv.visitMethodInsn(INVOKESTATIC, OPS, "ret", "(" + CO + F + FUEL + "IIII)V", false);
                mv.visitJumpInsn(GOTO, leave);
                return;
            case OpCode.RETURN0:
                spend(next);
                loadLocals(CO_L, F_L, STACK_L);
                push(next);
                mv.visitMethodInsn(INVOKESTATIC, OPS, "return0", "(" + CO + F + STACK + "I)V", false);
                mv.visitJumpInsn(GOTO, leave);
                return;
            case OpCode.RETURN1:
                spend(next);
                opAt("return1", "V", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L);
                mv.visitJumpInsn(GOTO, leave);
                return;
            case OpCode.FORLOOP:
            case OpCode.TFORLOOP:
                op((i & 0x7F) == OpCode.FORLOOP ? "forLoop" : "tforLoop", "Z", i, STACK_L, LANE_L, BASE_L);
                mv.visitJumpInsn(IFEQ, at[next]);
                backEdge(next, next - (i >>> 15));
                return;
            case OpCode.FORPREP:
                opAt("forPrep", "Z", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L);
                mv.visitJumpInsn(IFNE, at[next + (i >>> 15) + 1]);
                return;
            case OpCode.TFORPREP:
                opAt("tforPrep", "V", i, next, CO_L, F_L, BASE_L);
                jump(next + (i >>> 15));
                return;
            case OpCode.TFORCALL:
                spend(next);
                leaveIf("tforCall", i, next, CO_L, F_L, STACK_L, LANE_L, BASE_L);
                setMark(next);
                return;
            case OpCode.SETLIST: {
                boolean extra = Ops.k(i);
                loadLocals(F_L, STACK_L, LANE_L, BASE_L);
                push(i);
                push(extra ? code[next] : 0);
                push(extra ? pc + 2 : next);
                mv.visitMethodInsn(INVOKESTATIC, OPS, "setList", "(" + F + STACK + LANE + "IIII)V", false);
                if (extra) jump(pc + 2);
                return;
            }
            case OpCode.CLOSURE:
                call("closure", i, CO_L, F_L, STACK_L, UPVALS_L, BASE_L);
                return;
            case OpCode.VARARG:
                opAt("vararg", "V", i, next, CO_L, F_L, BASE_L);
                reload();
                return;
            case OpCode.VARARGPREP:
                return;
            default:
                throw new IllegalStateException("bad opcode " + (i & 0x7F) + " at pc " + pc);
        }
    }

    // ------------------------------------------------------------------ shapes of blocks

    /** {@code R[A] := K[index]}. */
    private void loadConstant(int i, int index) {
        register(i);
        mv.visitVarInsn(ALOAD, K_L);
        push(index);
        mv.visitInsn(AALOAD);
        mv.visitInsn(AASTORE);
    }

    /** Pushes {@code stack} and the index of register A. */
    private void register(int i) {
        mv.visitVarInsn(ALOAD, STACK_L);
        mv.visitVarInsn(ILOAD, BASE_L);
        push((i >>> 7) & 0xFF);
        mv.visitInsn(IADD);
    }

    /** {@code Ops.name(locals..., i)}, whose result (of type {@code ret}) is left on the operand stack. */
    private void op(String name, String ret, int i, int... locals) {
        loadLocals(locals);
        push(i);
        mv.visitMethodInsn(INVOKESTATIC, OPS, name, descriptor(locals, 1, ret), false);
    }

    /** {@code Ops.name(locals..., i, next)}, for instructions that may raise or call. */
    private void opAt(String name, String ret, int i, int next, int... locals) {
        loadLocals(locals);
        push(i);
        push(next);
        mv.visitMethodInsn(INVOKESTATIC, OPS, name, descriptor(locals, 2, ret), false);
    }

    /** {@code Ops.name(locals..., i)} returning nothing. */
    private void call(String name, int i, int... locals) {
        op(name, "V", i, locals);
    }

    /** {@code if (Ops.name(locals..., i, next)) return;} then reloads the registers. */
    private void leaveIf(String name, int i, int next, int... locals) {
        opAt(name, "Z", i, next, locals);
        mv.visitJumpInsn(IFNE, leave);
        reload();
    }

    /** A comparison answering one of Ops' four answers, followed by its jump at {@code pc + 1}. */
    private void compare(String name, int i, int pc, int... locals) {
        opAt(name, "I", i, pc + 1, locals);
        Label decided = new Label();
        mv.visitInsn(DUP);
        push(Ops.LEAVE);
        Label notLeave = new Label();
        mv.visitJumpInsn(IF_ICMPNE, notLeave);
        mv.visitInsn(POP);
        mv.visitJumpInsn(GOTO, leave);
        mv.visitLabel(notLeave);
        mv.visitInsn(DUP);
        push(Ops.RESUME);
        mv.visitJumpInsn(IF_ICMPNE, decided);
        mv.visitInsn(POP);
        mv.visitJumpInsn(GOTO, resume);
        mv.visitLabel(decided);
        branch(i, pc);
    }

    /**
     * With {@link Ops#TRUE} or {@link Ops#FALSE} on the operand stack: skips the jump at
     * {@code pc + 1} when the answer disagrees with the k bit, else runs it.
     */
    private void branch(int i, int pc) {
        // TRUE is 1: with k clear, TRUE skips; with k set, FALSE skips.
        mv.visitJumpInsn(Ops.k(i) ? IFEQ : IFNE, at[pc + 2]);
    }

    /** The JMP at {@code pc} by {@code offset}. */
    private void jumpBy(int pc, int offset) {
        int next = pc + 1;
        if (offset < 0) {
            backEdge(next, next + offset);
        } else {
            jump(next + offset);
        }
    }

    private void jump(int target) {
        mv.visitJumpInsn(GOTO, at[target]);
    }

    /**
     * A backward jump from the instruction before {@code next} to {@code target}: counts the
     * fuel of the straight-line run, and returns with {@code f.pc} at the target if it is spent.
     */
    private void backEdge(int next, int target) {
        mv.visitVarInsn(ALOAD, FUEL_L);
        sinceMark(next);
        mv.visitMethodInsn(INVOKESTATIC, OPS, "spend", "(" + FUEL + "I)Z", false);
        setMark(target);
        mv.visitJumpInsn(IFEQ, at[target]);
        mv.visitVarInsn(ALOAD, F_L);
        push(target);
        mv.visitFieldInsn(PUTFIELD, "dev/moonlet/vm/LuaFrame", "pc", "I");
        mv.visitJumpInsn(GOTO, leave);
    }

    /** Counts the fuel of the straight-line run before a call or a return. */
    private void spend(int next) {
        mv.visitVarInsn(ALOAD, FUEL_L);
        sinceMark(next);
        mv.visitMethodInsn(INVOKESTATIC, OPS, "spend", "(" + FUEL + "I)Z", false);
        mv.visitInsn(POP);
    }

    /** Pushes {@code next - mark}: the instructions run since the fuel was last counted. */
    private void sinceMark(int next) {
        push(next);
        mv.visitVarInsn(ILOAD, MARK_L);
        mv.visitInsn(ISUB);
    }

    private void setMark(int pc) {
        push(pc);
        mv.visitVarInsn(ISTORE, MARK_L);
    }

    /** Reloads {@code stack} and {@code lane} from the coroutine (they may have grown). */
    private void reload() {
        mv.visitVarInsn(ALOAD, CO_L);
        mv.visitFieldInsn(GETFIELD, "dev/moonlet/vm/Coroutine", "stack", STACK);
        mv.visitVarInsn(ASTORE, STACK_L);
        mv.visitVarInsn(ALOAD, CO_L);
        mv.visitFieldInsn(GETFIELD, "dev/moonlet/vm/Coroutine", "lane", LANE);
        mv.visitVarInsn(ASTORE, LANE_L);
    }

    // ------------------------------------------------------------------ operands

    private void loadLocals(int... locals) {
        for (int l : locals) mv.visitVarInsn(l == BASE_L || l == MARK_L ? ILOAD : ALOAD, l);
    }

    private static String descriptor(int[] locals, int ints, String ret) {
        StringBuilder d = new StringBuilder("(");
        for (int l : locals) d.append(type(l));
        d.append("I".repeat(ints)).append(')').append(ret);
        return d.toString();
    }

    private static String type(int local) {
        switch (local) {
            case FUEL_L: return FUEL;
            case CO_L: return CO;
            case F_L: return F;
            case STACK_L: return STACK;
            case LANE_L: return LANE;
            case BASE_L: case MARK_L: return "I";
            case K_L: return K;
            case UPVALS_L: return UPVALS;
            default: throw new IllegalArgumentException("local " + local);
        }
    }

    private void push(int n) {
        if (n >= -1 && n <= 5) {
            mv.visitInsn(ICONST_0 + n);
        } else if (n >= Byte.MIN_VALUE && n <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, n);
        } else if (n >= Short.MIN_VALUE && n <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, n);
        } else {
            mv.visitLdcInsn(n);
        }
    }
}
