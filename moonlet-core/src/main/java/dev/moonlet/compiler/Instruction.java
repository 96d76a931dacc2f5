package dev.moonlet.compiler;

/**
 * The encoding of one instruction in an {@code int}, as in Lua 5.4:
 * <pre>
 *   bits:  31..24  23..16  15  14..7  6..0
 *   iABC:     C       B     k    A     op
 *   iABx:     Bx (17 bits, 15..31)     A     op
 *   iAsBx:    sBx = Bx - OFFSET_SBX     A     op
 *   iAx:      Ax (25 bits, 7..31)            op
 *   isJ:      sJ = Ax - OFFSET_SJ            op
 * </pre>
 * Signed 8-bit operands (sB, sC) are stored with an excess of {@link #OFFSET_SC}.
 */
public final class Instruction {
    private Instruction() {}

    /** Largest value of A, B or C. */
    public static final int MAXARG_A = 255;
    /** Largest value of B or C. */
    public static final int MAXARG_C = 255;
    /** Largest value of Bx. */
    public static final int MAXARG_BX = (1 << 17) - 1;
    /** Excess of sBx. */
    public static final int OFFSET_SBX = MAXARG_BX >> 1;
    /** Largest value of Ax. */
    public static final int MAXARG_AX = (1 << 25) - 1;
    /** Excess of sJ. */
    public static final int OFFSET_SJ = MAXARG_AX >> 1;
    /** Excess of sB and sC. */
    public static final int OFFSET_SC = MAXARG_C >> 1;

    /** The opcode. */
    public static int op(int i) {
        return i & 0x7F;
    }

    /** Operand A. */
    public static int a(int i) {
        return (i >>> 7) & 0xFF;
    }

    /** The k bit (0 or 1). */
    public static int k(int i) {
        return (i >>> 15) & 1;
    }

    /** Operand B. */
    public static int b(int i) {
        return (i >>> 16) & 0xFF;
    }

    /** Operand C. */
    public static int c(int i) {
        return i >>> 24;
    }

    /** Operand sB (signed). */
    public static int sb(int i) {
        return b(i) - OFFSET_SC;
    }

    /** Operand sC (signed). */
    public static int sc(int i) {
        return c(i) - OFFSET_SC;
    }

    /** Operand Bx. */
    public static int bx(int i) {
        return i >>> 15;
    }

    /** Operand sBx (signed). */
    public static int sbx(int i) {
        return (i >>> 15) - OFFSET_SBX;
    }

    /** Operand Ax. */
    public static int ax(int i) {
        return i >>> 7;
    }

    /** Operand sJ (signed). */
    public static int sj(int i) {
        return (i >>> 7) - OFFSET_SJ;
    }

    /** Encodes an iABC instruction. */
    public static int makeABC(int op, int a, int b, int c, int k) {
        return op | (a << 7) | (k << 15) | (b << 16) | (c << 24);
    }

    /** Encodes an iABx instruction. */
    public static int makeABx(int op, int a, int bx) {
        return op | (a << 7) | (bx << 15);
    }

    /** Encodes an iAsBx instruction. */
    public static int makeAsBx(int op, int a, int sbx) {
        return makeABx(op, a, sbx + OFFSET_SBX);
    }

    /** Encodes an iAx instruction. */
    public static int makeAx(int op, int ax) {
        return op | (ax << 7);
    }

    /** Encodes an isJ instruction. */
    public static int makeSJ(int op, int sj) {
        return op | ((sj + OFFSET_SJ) << 7);
    }
}
