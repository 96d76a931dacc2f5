package dev.moonlet.compiler;

import dev.moonlet.syntax.Expr.BinOp;
import dev.moonlet.syntax.Expr.UnOp;

/**
 * Compile-time evaluation of arithmetic and bitwise operators on numeric constants, with
 * Lua 5.4's semantics (lcode.c {@code constfolding}, lobject.c {@code luaO_rawarith}).
 *
 * <p>An operation is folded only when it cannot fail or depend on run time: never a division or
 * modulo by zero, bitwise operators only on values with an exact integer representation, and
 * never a float result that is NaN or zero (so {@code -0.0} keeps its sign at run time).
 * Integer arithmetic wraps around.
 */
final class ConstantFolding {
    private ConstantFolding() {}

    /** Whether {@code d} has an exact representation as a Lua integer. */
    static boolean isIntegral(double d) {
        return d >= -0x1p63 && d < 0x1p63 && d == Math.floor(d);
    }

    /**
     * The folded value of {@code a op b} (a Long or a Double), or null when the operation is
     * not arithmetic or bitwise, or must not be folded.
     */
    static Number fold(BinOp op, Number a, Number b) {
        if (!isValid(op, a, b)) return null;
        Number r = switch (op) {
            case BAND, BOR, BXOR, SHL, SHR -> bitwise(op, toInteger(a), toInteger(b));
            case DIV, POW -> arith(op, a.doubleValue(), b.doubleValue());
            case ADD, SUB, MUL, MOD, IDIV -> a instanceof Long x && b instanceof Long y
                    ? (Number) arith(op, x.longValue(), y.longValue())
                    : (Number) arith(op, a.doubleValue(), b.doubleValue());
            default -> null;
        };
        return acceptable(r);
    }

    /** The folded value of {@code -a} or {@code ~a}, or null (as {@link #fold}). */
    static Number fold(UnOp op, Number a) {
        return switch (op) {
            case NEG -> acceptable(a instanceof Long x ? (Number) (0 - x) : (Number) (-a.doubleValue()));
            case BNOT -> isConvertible(a) ? (Number) ~toInteger(a) : null;
            default -> null;
        };
    }

    private static boolean isValid(BinOp op, Number a, Number b) {
        return switch (op) {
            case BAND, BOR, BXOR, SHL, SHR -> isConvertible(a) && isConvertible(b);
            case DIV, IDIV, MOD -> b.doubleValue() != 0;
            default -> true;
        };
    }

    private static Number acceptable(Number r) {
        if (r instanceof Double d && (d.isNaN() || d == 0)) return null;
        return r;
    }

    private static boolean isConvertible(Number n) {
        return n instanceof Long || isIntegral(n.doubleValue());
    }

    private static long toInteger(Number n) {
        return n instanceof Long l ? l : (long) n.doubleValue();
    }

    private static Long arith(BinOp op, long a, long b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case MOD -> Math.floorMod(a, b);
            case IDIV -> Math.floorDiv(a, b);
            default -> throw new IllegalArgumentException(op.symbol);
        };
    }

    private static Double arith(BinOp op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case IDIV -> Math.floor(a / b);
            case POW -> b == 2 ? a * a : Math.pow(a, b);
            case MOD -> floatMod(a, b);
            default -> throw new IllegalArgumentException(op.symbol);
        };
    }

    /** Lua's float modulo: C's fmod, corrected towards the sign of the divisor. */
    private static double floatMod(double a, double b) {
        double m = a % b;
        if (m > 0 ? b < 0 : (m < 0 && b > 0)) m += b;
        return m;
    }

    private static Long bitwise(BinOp op, long a, long b) {
        return switch (op) {
            case BAND -> a & b;
            case BOR -> a | b;
            case BXOR -> a ^ b;
            case SHL -> shiftLeft(a, b);
            case SHR -> shiftLeft(a, 0 - b);
            default -> throw new IllegalArgumentException(op.symbol);
        };
    }

    /** Lua's shift: logical, by any amount; negative amounts shift right. */
    private static long shiftLeft(long x, long n) {
        if (n <= -64 || n >= 64) return 0;
        return n >= 0 ? x << n : x >>> -n;
    }
}
