package dev.moonlet.compiler;

/**
 * The instruction set of Moonlet's register machine. It follows Lua 5.4's (lopcodes.h) so that
 * the code generator and the debug machinery (variable names in error messages, for instance)
 * can reason the same way Lua does, with these differences:
 * <ul>
 *   <li>There are no {@code MMBIN}/{@code MMBINI}/{@code MMBINK} instructions: an arithmetic or
 *       bitwise instruction whose operands are not numbers calls the metamethod itself.</li>
 *   <li>{@code RETURN}'s and {@code TAILCALL}'s C operand is reserved (0): the VM keeps varargs
 *       in its own frame layout.</li>
 * </ul>
 *
 * <p>Notation: {@code R[x]} is register x of the current frame; {@code K[x]} constant x;
 * {@code RK(C)} is {@code K[C]} if the k bit is set, else {@code R[C]}; {@code UpValue[x]} is
 * upvalue x of the running closure; {@code sB}, {@code sC}, {@code sBx}, {@code sJ} are signed
 * operands (see {@link Instruction}). "pc++" skips the next instruction. Constants referenced
 * by {@code GETFIELD}/{@code SETFIELD}/{@code GETTABUP}/{@code SETTABUP}/{@code SELF} keys are
 * strings. Instructions with multiple results use the frame's "top" when B or C is 0, as Lua.
 *
 * <p>These are int constants rather than an enum so that the interpreter's switch compiles to a
 * plain table jump.
 */
public final class OpCode {
    private OpCode() {}

    /** A B: R[A] := R[B] */
    public static final int MOVE = 0;
    /** A sBx: R[A] := sBx (integer) */
    public static final int LOADI = 1;
    /** A sBx: R[A] := (float) sBx */
    public static final int LOADF = 2;
    /** A Bx: R[A] := K[Bx] */
    public static final int LOADK = 3;
    /** A: R[A] := K[extra arg] (the next instruction is EXTRAARG) */
    public static final int LOADKX = 4;
    /** A: R[A] := false */
    public static final int LOADFALSE = 5;
    /** A: R[A] := false; pc++ */
    public static final int LFALSESKIP = 6;
    /** A: R[A] := true */
    public static final int LOADTRUE = 7;
    /** A B: R[A], R[A+1], ..., R[A+B] := nil */
    public static final int LOADNIL = 8;
    /** A B: R[A] := UpValue[B] */
    public static final int GETUPVAL = 9;
    /** A B: UpValue[B] := R[A] */
    public static final int SETUPVAL = 10;
    /** A B C: R[A] := UpValue[B][K[C]] */
    public static final int GETTABUP = 11;
    /** A B C: R[A] := R[B][R[C]] */
    public static final int GETTABLE = 12;
    /** A B C: R[A] := R[B][C] (C is an integer key 0..255) */
    public static final int GETI = 13;
    /** A B C: R[A] := R[B][K[C]] */
    public static final int GETFIELD = 14;
    /** A B C k: UpValue[A][K[B]] := RK(C) */
    public static final int SETTABUP = 15;
    /** A B C k: R[A][R[B]] := RK(C) */
    public static final int SETTABLE = 16;
    /** A B C k: R[A][B] := RK(C) (B is an integer key 0..255) */
    public static final int SETI = 17;
    /** A B C k: R[A][K[B]] := RK(C) */
    public static final int SETFIELD = 18;
    /**
     * A B C k: R[A] := {} with room for C array items (plus EXTRAARG's Ax * 256 if k) and
     * 2^(B-1) hash items (none if B is 0). Always followed by an EXTRAARG.
     */
    public static final int NEWTABLE = 19;
    /** A B C k: R[A+1] := R[B]; R[A] := R[B][RK(C)] */
    public static final int SELF = 20;

    /**
     * A B sC k: R[A] := R[B] + sC. k = 1: the source was {@code sC + R[B]}, and a metamethod
     * gets the operands in that order ({@code __add(sC, R[B])}).
     */
    public static final int ADDI = 21;
    /**
     * A B C k: R[A] := R[B] + K[C] (K[C] is a number). For this and the other K instructions
     * up to BXORK, k = 1 means the compiler swapped the operands of a commutative operator
     * ({@code 2 * x}): metamethods get them in source order ({@code __mul(K[C], R[B])}).
     */
    public static final int ADDK = 22;
    /** A B C: R[A] := R[B] - K[C] */
    public static final int SUBK = 23;
    /** A B C: R[A] := R[B] * K[C] */
    public static final int MULK = 24;
    /** A B C: R[A] := R[B] % K[C] */
    public static final int MODK = 25;
    /** A B C: R[A] := R[B] ^ K[C] */
    public static final int POWK = 26;
    /** A B C: R[A] := R[B] / K[C] */
    public static final int DIVK = 27;
    /** A B C: R[A] := R[B] // K[C] */
    public static final int IDIVK = 28;
    /** A B C: R[A] := R[B] &amp; K[C] (K[C] is an integer) */
    public static final int BANDK = 29;
    /** A B C: R[A] := R[B] | K[C] */
    public static final int BORK = 30;
    /** A B C: R[A] := R[B] ~ K[C] */
    public static final int BXORK = 31;
    /**
     * A B sC k: R[A] := R[B] &gt;&gt; sC. k = 1: the source was {@code R[B] << -sC}, and a
     * metamethod is {@code __shl(R[B], -sC)}.
     */
    public static final int SHRI = 32;
    /** A B sC: R[A] := sC &lt;&lt; R[B] */
    public static final int SHLI = 33;

    /** A B C: R[A] := R[B] + R[C] */
    public static final int ADD = 34;
    /** A B C: R[A] := R[B] - R[C] */
    public static final int SUB = 35;
    /** A B C: R[A] := R[B] * R[C] */
    public static final int MUL = 36;
    /** A B C: R[A] := R[B] % R[C] */
    public static final int MOD = 37;
    /** A B C: R[A] := R[B] ^ R[C] */
    public static final int POW = 38;
    /** A B C: R[A] := R[B] / R[C] */
    public static final int DIV = 39;
    /** A B C: R[A] := R[B] // R[C] */
    public static final int IDIV = 40;
    /** A B C: R[A] := R[B] &amp; R[C] */
    public static final int BAND = 41;
    /** A B C: R[A] := R[B] | R[C] */
    public static final int BOR = 42;
    /** A B C: R[A] := R[B] ~ R[C] */
    public static final int BXOR = 43;
    /** A B C: R[A] := R[B] &lt;&lt; R[C] */
    public static final int SHL = 44;
    /** A B C: R[A] := R[B] &gt;&gt; R[C] */
    public static final int SHR = 45;

    /** A B: R[A] := -R[B] */
    public static final int UNM = 46;
    /** A B: R[A] := ~R[B] */
    public static final int BNOT = 47;
    /** A B: R[A] := not R[B] */
    public static final int NOT = 48;
    /** A B: R[A] := #R[B] (length operator) */
    public static final int LEN = 49;
    /** A B: R[A] := R[A] .. ... .. R[A + B - 1] */
    public static final int CONCAT = 50;

    /** A: close all upvalues and to-be-closed variables &gt;= R[A] */
    public static final int CLOSE = 51;
    /** A: mark variable R[A] "to be closed" */
    public static final int TBC = 52;
    /** sJ: pc += sJ */
    public static final int JMP = 53;
    /** A B k: if ((R[A] == R[B]) ~= k) then pc++ */
    public static final int EQ = 54;
    /** A B k: if ((R[A] &lt; R[B]) ~= k) then pc++ */
    public static final int LT = 55;
    /** A B k: if ((R[A] &lt;= R[B]) ~= k) then pc++ */
    public static final int LE = 56;
    /** A B k: if ((R[A] == K[B]) ~= k) then pc++ */
    public static final int EQK = 57;
    /** A sB C k: if ((R[A] == sB) ~= k) then pc++ (C = 1 if the source operand was a float) */
    public static final int EQI = 58;
    /** A sB C k: if ((R[A] &lt; sB) ~= k) then pc++ */
    public static final int LTI = 59;
    /** A sB C k: if ((R[A] &lt;= sB) ~= k) then pc++ */
    public static final int LEI = 60;
    /** A sB C k: if ((R[A] &gt; sB) ~= k) then pc++ */
    public static final int GTI = 61;
    /** A sB C k: if ((R[A] &gt;= sB) ~= k) then pc++ */
    public static final int GEI = 62;
    /** A k: if (not R[A] == k) then pc++ */
    public static final int TEST = 63;
    /** A B k: if (not R[B] == k) then pc++ else R[A] := R[B] */
    public static final int TESTSET = 64;

    /**
     * A B C: R[A], ..., R[A+C-2] := R[A](R[A+1], ..., R[A+B-1]). B = 0: arguments up to top;
     * C = 0: keep all results and set top after the last.
     */
    public static final int CALL = 65;
    /**
     * A B C k: return R[A](R[A+1], ..., R[A+B-1]) (B = 0: up to top); k: close upvalues/tbc
     * first. Never emitted inside the scope of a to-be-closed variable (a CALL and a RETURN
     * are, as in Lua).
     */
    public static final int TAILCALL = 66;
    /**
     * A B C k: return R[A], ..., R[A+B-2]. B = 0: up to top. k: close upvalues and
     * to-be-closed variables first. As in Lua, k is set on every RETURN and TAILCALL of a
     * function that has a captured local or a to-be-closed variable anywhere in it.
     */
    public static final int RETURN = 67;
    /**
     * return (no values). Only in functions that are not vararg and have nothing to close;
     * elsewhere the compiler emits RETURN, as Lua does.
     */
    public static final int RETURN0 = 68;
    /** A: return R[A]. Only where RETURN0 may appear. */
    public static final int RETURN1 = 69;

    /**
     * A Bx: numeric for loop step. R[A] is the internal index, R[A+1] the limit (or, for an
     * integer loop, whatever state the VM keeps there), R[A+2] the step, R[A+3] the control
     * variable. If the loop continues: update them and pc -= Bx.
     */
    public static final int FORLOOP = 70;
    /**
     * A Bx: check and prepare R[A..A+2] (errors: "'for' initial value must be a number", ...,
     * "'for' step is zero"); if the loop does not run at all: pc += Bx + 1.
     */
    public static final int FORPREP = 71;
    /** A Bx: mark R[A+3] to be closed (if not nil); pc += Bx */
    public static final int TFORPREP = 72;
    /** A C: R[A+4], ..., R[A+3+C] := R[A](R[A+1], R[A+2]) */
    public static final int TFORCALL = 73;
    /** A Bx: if R[A+4] ~= nil then { R[A+2] := R[A+4]; pc -= Bx } */
    public static final int TFORLOOP = 74;

    /**
     * A B C k: R[A][C+i] := R[A+i], 1 &lt;= i &lt;= B. B = 0: up to top. k: C += EXTRAARG's
     * Ax * 256 (the next instruction is EXTRAARG).
     */
    public static final int SETLIST = 75;
    /** A Bx: R[A] := closure(protos[Bx]) */
    public static final int CLOSURE = 76;
    /** A C: R[A], R[A+1], ..., R[A+C-2] := vararg. C = 0: all of them, and set top. */
    public static final int VARARG = 77;
    /** A: adjust the vararg parameters (A = number of fixed parameters) */
    public static final int VARARGPREP = 78;
    /** Ax: extra (larger) argument for the previous instruction */
    public static final int EXTRAARG = 79;

    /** The number of opcodes. */
    public static final int COUNT = 80;

    private static final String[] NAMES = {
        "MOVE", "LOADI", "LOADF", "LOADK", "LOADKX", "LOADFALSE", "LFALSESKIP", "LOADTRUE",
        "LOADNIL", "GETUPVAL", "SETUPVAL", "GETTABUP", "GETTABLE", "GETI", "GETFIELD",
        "SETTABUP", "SETTABLE", "SETI", "SETFIELD", "NEWTABLE", "SELF", "ADDI", "ADDK", "SUBK",
        "MULK", "MODK", "POWK", "DIVK", "IDIVK", "BANDK", "BORK", "BXORK", "SHRI", "SHLI",
        "ADD", "SUB", "MUL", "MOD", "POW", "DIV", "IDIV", "BAND", "BOR", "BXOR", "SHL", "SHR",
        "UNM", "BNOT", "NOT", "LEN", "CONCAT", "CLOSE", "TBC", "JMP", "EQ", "LT", "LE", "EQK",
        "EQI", "LTI", "LEI", "GTI", "GEI", "TEST", "TESTSET", "CALL", "TAILCALL", "RETURN",
        "RETURN0", "RETURN1", "FORLOOP", "FORPREP", "TFORPREP", "TFORCALL", "TFORLOOP",
        "SETLIST", "CLOSURE", "VARARG", "VARARGPREP", "EXTRAARG",
    };

    /** The name of opcode {@code op}, as listings show it. */
    public static String name(int op) {
        return NAMES[op];
    }
}
