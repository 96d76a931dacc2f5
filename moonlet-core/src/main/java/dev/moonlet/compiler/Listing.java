package dev.moonlet.compiler;

import static dev.moonlet.compiler.Instruction.MAXARG_C;

import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;

/**
 * A human-readable listing of compiled code in the format of {@code luac -l -l}: for each
 * function a header, one line per instruction (number, line, opcode, operands, and a comment
 * naming constants, upvalues and jump targets), then its constants, locals and upvalues;
 * nested functions follow their parent.
 *
 * <pre>
 * main &lt;hello.lua:0,0&gt; (4 instructions)
 * 0+ params, 2 slots, 1 upvalue, 0 locals, 2 constants, 0 functions
 *         1       [1]     VARARGPREP      0
 *         2       [1]     GETTABUP        0 0 0   ; _ENV "print"
 *         ...
 * </pre>
 *
 * Unlike luac, it prints no memory addresses: a CLOSURE names the lines of its function.
 */
public final class Listing {
    private static final String COMMENT = "\t; ";

    private final StringBuilder out = new StringBuilder();

    private Listing() {}

    /** The listing of {@code p} and, after it, of the functions nested in it. */
    public static String of(Proto p) {
        Listing l = new Listing();
        l.function(p);
        return l.out.toString();
    }

    private void function(Proto p) {
        header(p);
        for (int pc = 0; pc < p.code.length; pc++) instruction(p, pc);
        debug(p);
        for (Proto child : p.protos) function(child);
    }

    private void header(Proto p) {
        out.append('\n').append(p.lineDefined == 0 ? "main" : "function")
                .append(" <").append(sourceName(p)).append(':').append(p.lineDefined).append(',')
                .append(p.lastLineDefined).append("> (").append(plural(p.code.length, "instruction"))
                .append(")\n");
        out.append(p.numParams).append(p.isVararg ? "+" : "").append(" param")
                .append(p.numParams == 1 ? "" : "s").append(", ")
                .append(plural(p.maxStackSize, "slot")).append(", ")
                .append(plural(p.upvalues.length, "upvalue")).append(", ")
                .append(plural(p.locals.length, "local")).append(", ")
                .append(plural(p.constants.length, "constant")).append(", ")
                .append(plural(p.protos.length, "function")).append('\n');
    }

    private static String sourceName(Proto p) {
        String s = p.source == null ? "=?" : p.source.toString();
        if (s.startsWith("@") || s.startsWith("=")) return s.substring(1);
        return s.startsWith("\033") ? "(bstring)" : "(string)";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private void instruction(Proto p, int pc) {
        int i = p.code[pc];
        int op = Instruction.op(i);
        int line = p.lineAt(pc);
        out.append('\t').append(pc + 1).append('\t')
                .append(line > 0 ? "[" + line + "]" : "[-]").append('\t')
                .append(padded(OpCode.name(op))).append('\t');
        out.append(operands(p, pc, i, op)).append('\n');
    }

    /** {@code name} padded with spaces to 9 characters, as luac's {@code %-9s}. */
    private static String padded(String name) {
        return name.length() >= 9 ? name : name + "         ".substring(name.length());
    }

    private String operands(Proto p, int pc, int i, int op) {
        int a = Instruction.a(i);
        int b = Instruction.b(i);
        int c = Instruction.c(i);
        int bx = Instruction.bx(i);
        boolean isk = Instruction.k(i) == 1;
        String k = isk ? "k" : "";
        return switch (op) {
            case OpCode.MOVE, OpCode.UNM, OpCode.BNOT, OpCode.NOT, OpCode.LEN, OpCode.CONCAT -> a + " " + b;
            case OpCode.LOADI, OpCode.LOADF -> a + " " + Instruction.sbx(i);
            case OpCode.LOADK -> a + " " + bx + COMMENT + constant(p, bx);
            case OpCode.LOADKX -> a + COMMENT + constant(p, Instruction.ax(p.code[pc + 1]));
            case OpCode.LOADFALSE, OpCode.LFALSESKIP, OpCode.LOADTRUE, OpCode.CLOSE, OpCode.TBC,
                    OpCode.RETURN1, OpCode.VARARGPREP -> String.valueOf(a);
            case OpCode.LOADNIL -> a + " " + b + COMMENT + (b + 1) + " out";
            case OpCode.GETUPVAL, OpCode.SETUPVAL -> a + " " + b + COMMENT + upvalueName(p, b);
            case OpCode.GETTABUP -> a + " " + b + " " + c + COMMENT + upvalueName(p, b) + " " + constant(p, c);
            case OpCode.GETTABLE, OpCode.GETI, OpCode.ADD, OpCode.SUB, OpCode.MUL, OpCode.MOD,
                    OpCode.POW, OpCode.DIV, OpCode.IDIV, OpCode.BAND, OpCode.BOR, OpCode.BXOR,
                    OpCode.SHL, OpCode.SHR -> a + " " + b + " " + c;
            case OpCode.GETFIELD -> a + " " + b + " " + c + COMMENT + constant(p, c);
            case OpCode.SETTABUP -> a + " " + b + " " + c + k + COMMENT + upvalueName(p, a) + " "
                    + constant(p, b) + (isk ? " " + constant(p, c) : "");
            case OpCode.SETTABLE, OpCode.SETI, OpCode.SELF ->
                    a + " " + b + " " + c + k + (isk ? COMMENT + constant(p, c) : "");
            case OpCode.SETFIELD -> a + " " + b + " " + c + k + COMMENT + constant(p, b)
                    + (isk ? " " + constant(p, c) : "");
            case OpCode.NEWTABLE -> a + " " + b + " " + c + COMMENT + (c + extraArg(p, pc));
            case OpCode.ADDI, OpCode.SHRI, OpCode.SHLI -> a + " " + b + " " + Instruction.sc(i) + k;
            case OpCode.ADDK, OpCode.SUBK, OpCode.MULK, OpCode.MODK, OpCode.POWK, OpCode.DIVK,
                    OpCode.IDIVK, OpCode.BANDK, OpCode.BORK, OpCode.BXORK ->
                    a + " " + b + " " + c + k + COMMENT + constant(p, c);
            case OpCode.JMP -> Instruction.sj(i) + COMMENT + "to " + (Instruction.sj(i) + pc + 2);
            case OpCode.EQ, OpCode.LT, OpCode.LE -> a + " " + b + " " + (isk ? 1 : 0);
            case OpCode.EQK -> a + " " + b + " " + (isk ? 1 : 0) + COMMENT + constant(p, b);
            case OpCode.EQI, OpCode.LTI, OpCode.LEI, OpCode.GTI, OpCode.GEI ->
                    a + " " + Instruction.sb(i) + " " + (isk ? 1 : 0);
            case OpCode.TEST -> a + " " + (isk ? 1 : 0);
            case OpCode.TESTSET -> a + " " + b + " " + (isk ? 1 : 0);
            case OpCode.CALL -> a + " " + b + " " + c + COMMENT + (b == 0 ? "all in " : (b - 1) + " in ")
                    + (c == 0 ? "all out" : (c - 1) + " out");
            case OpCode.TAILCALL -> a + " " + b + " " + c + k + COMMENT + (b - 1) + " in";
            case OpCode.RETURN -> a + " " + b + " " + c + k + COMMENT + (b == 0 ? "all out" : (b - 1) + " out");
            case OpCode.RETURN0 -> "";
            case OpCode.FORLOOP, OpCode.TFORLOOP -> a + " " + bx + COMMENT + "to " + (pc - bx + 2);
            case OpCode.FORPREP -> a + " " + bx + COMMENT + "exit to " + (pc + bx + 3);
            case OpCode.TFORPREP -> a + " " + bx + COMMENT + "to " + (pc + bx + 2);
            case OpCode.TFORCALL -> a + " " + c;
            case OpCode.SETLIST -> a + " " + b + " " + c + (isk ? COMMENT + (c + extraArg(p, pc)) : "");
            case OpCode.CLOSURE -> a + " " + bx + COMMENT + "function <" + p.protos[bx].lineDefined
                    + "," + p.protos[bx].lastLineDefined + ">";
            case OpCode.VARARG -> a + " " + c + COMMENT + (c == 0 ? "all out" : (c - 1) + " out");
            case OpCode.EXTRAARG -> String.valueOf(Instruction.ax(i));
            default -> a + " " + b + " " + c;
        };
    }

    /** The array-size bits carried by the EXTRAARG after {@code pc}, as luac adds them. */
    private static int extraArg(Proto p, int pc) {
        return Instruction.ax(p.code[pc + 1]) * (MAXARG_C + 1);
    }

    private static String upvalueName(Proto p, int index) {
        LuaString name = p.upvalues[index].name();
        return name == null ? "-" : name.toString();
    }

    private void debug(Proto p) {
        out.append("constants (").append(p.constants.length).append("):\n");
        for (int i = 0; i < p.constants.length; i++) {
            out.append('\t').append(i).append('\t').append(typeTag(p.constants[i])).append('\t')
                    .append(constant(p, i)).append('\n');
        }
        out.append("locals (").append(p.locals.length).append("):\n");
        for (int i = 0; i < p.locals.length; i++) {
            Proto.LocalVarInfo v = p.locals[i];
            out.append('\t').append(i).append('\t').append(v.name()).append('\t')
                    .append(v.startPc() + 1).append('\t').append(v.endPc() + 1).append('\n');
        }
        out.append("upvalues (").append(p.upvalues.length).append("):\n");
        for (int i = 0; i < p.upvalues.length; i++) {
            Proto.UpvalueDesc u = p.upvalues[i];
            out.append('\t').append(i).append('\t').append(upvalueName(p, i)).append('\t')
                    .append(u.inStack() ? 1 : 0).append('\t').append(u.index()).append('\n');
        }
    }

    private static char typeTag(Object k) {
        if (k == null) return 'N';
        if (k instanceof Boolean) return 'B';
        if (k instanceof Double) return 'F';
        if (k instanceof Long) return 'I';
        return 'S';
    }

    /** Constant {@code index} as luac prints it: strings quoted and escaped, floats with ".0". */
    private static String constant(Proto p, int index) {
        Object k = p.constants[index];
        if (k == null) return "nil";
        if (k instanceof Boolean || k instanceof Long) return k.toString();
        if (k instanceof Double d) return LuaNumber.toLuaString(d).toString();
        return quoted((LuaString) k);
    }

    private static String quoted(LuaString s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            int c = s.byteAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 11 -> b.append("\\v");
                default -> {
                    if (c >= 32 && c < 127) b.append((char) c);
                    else b.append(String.format("\\%03d", c));
                }
            }
        }
        return b.append('"').toString();
    }
}
