package dev.moonlet.vm;

import static dev.moonlet.compiler.Instruction.a;
import static dev.moonlet.compiler.Instruction.ax;
import static dev.moonlet.compiler.Instruction.b;
import static dev.moonlet.compiler.Instruction.bx;
import static dev.moonlet.compiler.Instruction.c;
import static dev.moonlet.compiler.Instruction.k;
import static dev.moonlet.compiler.Instruction.op;
import static dev.moonlet.compiler.Instruction.sj;

import dev.moonlet.compiler.OpCode;
import dev.moonlet.compiler.Proto;
import dev.moonlet.value.LuaString;

/**
 * Names for values and functions found by symbolic execution of the bytecode, as ldebug.c's
 * {@code getobjname} and {@code funcnamefromcode} find them: what a register holds
 * ({@code local 'x'}, {@code global 'print'}, {@code field 'y'}, {@code upvalue 'z'},
 * {@code constant 'c'}, {@code method 'm'}) and what an instruction calls
 * ({@code metamethod 'index'}, {@code for iterator 'for iterator'}). Names are Java strings
 * with one char per byte (ISO-8859-1), so that any Lua string survives.
 */
final class DebugNames {
    private DebugNames() {}

    /** A name and its kind, as messages print them: {@code kind 'name'}. */
    record Name(String kind, String name) {
        /** {@code " (kind 'name')"}, the suffix of a runtime error message. */
        String suffix() {
            return " (" + kind + " '" + name + "')";
        }
    }

    /** Whether each opcode writes register A (lopcodes.c's "A" mode column). */
    private static final boolean[] SETS_A = new boolean[OpCode.COUNT];

    static {
        int[] setters = {
            OpCode.MOVE, OpCode.LOADI, OpCode.LOADF, OpCode.LOADK, OpCode.LOADKX,
            OpCode.LOADFALSE, OpCode.LFALSESKIP, OpCode.LOADTRUE, OpCode.LOADNIL,
            OpCode.GETUPVAL, OpCode.GETTABUP, OpCode.GETTABLE, OpCode.GETI, OpCode.GETFIELD,
            OpCode.NEWTABLE, OpCode.SELF, OpCode.UNM, OpCode.BNOT, OpCode.NOT, OpCode.LEN,
            OpCode.CONCAT, OpCode.TESTSET, OpCode.CALL, OpCode.TAILCALL, OpCode.FORLOOP,
            OpCode.FORPREP, OpCode.TFORLOOP, OpCode.CLOSURE, OpCode.VARARG, OpCode.VARARGPREP,
        };
        for (int op : setters) SETS_A[op] = true;
        for (int op = OpCode.ADDI; op <= OpCode.SHR; op++) SETS_A[op] = true;
    }

    static String latin1(LuaString s) {
        return new String(s.rawBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String upvalueName(Proto p, int uv) {
        LuaString name = p.upvalues[uv].name();
        return name == null ? "?" : latin1(name);
    }

    /** The last instruction before {@code lastpc} that certainly set {@code reg}, or -1. */
    private static int findSetReg(Proto p, int lastpc, int reg) {
        int setreg = -1;
        int jmptarget = 0; // code before this address is conditional
        for (int pc = 0; pc < lastpc; pc++) {
            int i = p.code[pc];
            int op = op(i);
            int a = a(i);
            boolean change;
            switch (op) {
                case OpCode.LOADNIL: change = a <= reg && reg <= a + b(i); break;
                case OpCode.TFORCALL: change = reg >= a + 2; break;
                case OpCode.CALL:
                case OpCode.TAILCALL: change = reg >= a; break;
                case OpCode.JMP: {
                    int dest = pc + 1 + sj(i);
                    if (dest <= lastpc && dest > jmptarget) jmptarget = dest;
                    change = false;
                    break;
                }
                default: change = SETS_A[op] && reg == a; break;
            }
            if (change) setreg = pc < jmptarget ? -1 : pc;
        }
        return setreg;
    }

    private static Name constantName(Proto p, int index) {
        Object v = p.constants[index];
        return v instanceof LuaString ? new Name("constant", latin1((LuaString) v)) : null;
    }

    /** getobjname without table accesses; {@code pcOut[0]} receives the setting instruction. */
    private static Name basicObjectName(Proto p, int[] pcOut, int reg) {
        int pc = pcOut[0];
        LuaString local = p.localName(reg + 1, pc);
        if (local != null) return new Name("local", latin1(local));
        pc = findSetReg(p, pc, reg);
        pcOut[0] = pc;
        if (pc == -1) return null;
        int i = p.code[pc];
        switch (op(i)) {
            case OpCode.MOVE: {
                int b = b(i);
                return b < a(i) ? basicObjectName(p, pcOut, b) : null;
            }
            case OpCode.GETUPVAL: return new Name("upvalue", upvalueName(p, b(i)));
            case OpCode.LOADK: return constantName(p, bx(i));
            case OpCode.LOADKX: return constantName(p, ax(p.code[pc + 1]));
            default: return null;
        }
    }

    private static String registerName(Proto p, int pc, int reg) {
        Name n = basicObjectName(p, new int[] {pc}, reg);
        return n != null && n.kind.equals("constant") ? n.name : "?";
    }

    private static String keyName(Proto p, int index) {
        Name n = constantName(p, index);
        return n == null ? "?" : n.name;
    }

    private static String tableKind(Proto p, int pc, int i, boolean upvalueTable) {
        String name;
        if (upvalueTable) {
            name = upvalueName(p, b(i));
        } else {
            Name n = basicObjectName(p, new int[] {pc}, b(i));
            name = n == null ? null : n.name;
        }
        return "_ENV".equals(name) ? "global" : "field";
    }

    /** What register {@code reg} holds at instruction {@code lastpc}, or null if unknown. */
    static Name objectName(Proto p, int lastpc, int reg) {
        int[] pcOut = {lastpc};
        Name n = basicObjectName(p, pcOut, reg);
        if (n != null) return n;
        int pc = pcOut[0];
        if (pc == -1) return null;
        int i = p.code[pc];
        switch (op(i)) {
            case OpCode.GETTABUP: return new Name(tableKind(p, pc, i, true), keyName(p, c(i)));
            case OpCode.GETTABLE: return new Name(tableKind(p, pc, i, false), registerName(p, pc, c(i)));
            case OpCode.GETI: return new Name("field", "integer index");
            case OpCode.GETFIELD: return new Name(tableKind(p, pc, i, false), keyName(p, c(i)));
            case OpCode.SELF: {
                String name = k(i) != 0 ? keyName(p, c(i)) : registerName(p, pc, c(i));
                return new Name("method", name);
            }
            default: return null;
        }
    }

    /** What the instruction at {@code pc} calls, named from the code, or null. */
    static Name functionNameFromCode(Proto p, int pc) {
        int i = p.code[pc];
        MetaEvent tm;
        switch (op(i)) {
            case OpCode.CALL:
            case OpCode.TAILCALL: return objectName(p, pc, a(i));
            case OpCode.TFORCALL: return new Name("for iterator", "for iterator");
            case OpCode.SELF: case OpCode.GETTABUP: case OpCode.GETTABLE:
            case OpCode.GETI: case OpCode.GETFIELD: tm = MetaEvent.INDEX; break;
            case OpCode.SETTABUP: case OpCode.SETTABLE: case OpCode.SETI:
            case OpCode.SETFIELD: tm = MetaEvent.NEWINDEX; break;
            case OpCode.UNM: tm = MetaEvent.UNM; break;
            case OpCode.BNOT: tm = MetaEvent.BNOT; break;
            case OpCode.LEN: tm = MetaEvent.LEN; break;
            case OpCode.CONCAT: tm = MetaEvent.CONCAT; break;
            case OpCode.EQ: tm = MetaEvent.EQ; break;
            case OpCode.LT: case OpCode.LTI: case OpCode.GTI: tm = MetaEvent.LT; break;
            case OpCode.LE: case OpCode.LEI: case OpCode.GEI: tm = MetaEvent.LE; break;
            case OpCode.CLOSE: case OpCode.RETURN: tm = MetaEvent.CLOSE; break;
            default: {
                int op = op(i);
                if (op >= OpCode.ADDI && op <= OpCode.SHR) {
                    tm = op == OpCode.SHRI && k(i) != 0 ? MetaEvent.SHL : arithEvent(op);
                    break;
                }
                return null;
            }
        }
        return new Name("metamethod", tm.shortName);
    }

    /** The metamethod event of an arithmetic or bitwise opcode. */
    static MetaEvent arithEvent(int op) {
        switch (op) {
            case OpCode.ADDI: case OpCode.ADDK: case OpCode.ADD: return MetaEvent.ADD;
            case OpCode.SUBK: case OpCode.SUB: return MetaEvent.SUB;
            case OpCode.MULK: case OpCode.MUL: return MetaEvent.MUL;
            case OpCode.MODK: case OpCode.MOD: return MetaEvent.MOD;
            case OpCode.POWK: case OpCode.POW: return MetaEvent.POW;
            case OpCode.DIVK: case OpCode.DIV: return MetaEvent.DIV;
            case OpCode.IDIVK: case OpCode.IDIV: return MetaEvent.IDIV;
            case OpCode.BANDK: case OpCode.BAND: return MetaEvent.BAND;
            case OpCode.BORK: case OpCode.BOR: return MetaEvent.BOR;
            case OpCode.BXORK: case OpCode.BXOR: return MetaEvent.BXOR;
            case OpCode.SHLI: case OpCode.SHL: return MetaEvent.SHL;
            case OpCode.SHRI: case OpCode.SHR: return MetaEvent.SHR;
            default: throw new IllegalArgumentException(OpCode.name(op));
        }
    }

    /**
     * The name of the function running in frame {@code index} of {@code co}, from how the
     * frame below called it (ldebug.c's {@code funcnamefromcall}); null when the caller is not
     * a Lua function or the frame was entered by a tail call.
     */
    static Name calledName(Coroutine co, int index) {
        Frame f = co.frames[index];
        if (f.tail || index == 0) return null;
        return callerName(co.frames[index - 1]);
    }

    /** What the Lua frame {@code caller} is calling with its current instruction, or null. */
    static Name callerName(Frame caller) {
        if (Hooks.callsHook(caller)) return Hooks.HOOK_NAME;
        if (caller instanceof SequenceFrame && ((SequenceFrame) caller).sequence instanceof RunFinalizers) {
            return RunFinalizers.NAME;
        }
        if (!(caller instanceof LuaFrame)) return null;
        LuaFrame lf = (LuaFrame) caller;
        return functionNameFromCode(lf.proto(), lf.currentPc());
    }
}
