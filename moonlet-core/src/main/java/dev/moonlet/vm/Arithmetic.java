package dev.moonlet.vm;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;

/**
 * Lua's arithmetic and bitwise operators on numbers, without metamethods and without string
 * coercion (PUC-Rio's {@code luaO_rawarith}): the interpreter's slow path, and the string
 * library's arithmetic metamethods once they have converted their operands.
 *
 * <pre>{@code
 * Arithmetic.arith(MetaEvent.ADD, 1L, 2.5);   // 3.5
 * Arithmetic.arith(MetaEvent.ADD, 1L, null);  // null: not two numbers
 * }</pre>
 */
public final class Arithmetic {
    private Arithmetic() {}

    /**
     * {@code a op b} for a binary arithmetic or bitwise event ({@link MetaEvent#ADD} ..
     * {@link MetaEvent#SHR}), or null when an operand is not a number or, for a bitwise
     * operator, has no integer value; the caller then tries metamethods.
     *
     * @throws LuaError {@code "attempt to perform 'n%0'"} or {@code "attempt to divide by
     *     zero"} (without position) for an integer modulo or floor division by zero
     */
    public static Object arith(MetaEvent op, Object a, Object b) {
        switch (op) {
            case BAND: case BOR: case BXOR: case SHL: case SHR: {
                Long x = toIntegerStrict(a), y = toIntegerStrict(b);
                if (x == null || y == null) return null;
                return bitwise(op, x, y);
            }
            default:
                if (a instanceof Long && b instanceof Long) return integerArith(op, (Long) a, (Long) b);
                if (!(a instanceof Long || a instanceof Double) || !(b instanceof Long || b instanceof Double)) {
                    return null;
                }
                return floatArith(op, toDouble(a), toDouble(b));
        }
    }

    /** Integer arithmetic (wrapping), except {@code /} and {@code ^}, which are always float. */
    static Object integerArith(MetaEvent op, long x, long y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case MOD: return mod(x, y);
            case IDIV: return idiv(x, y);
            case DIV: return (double) x / (double) y;
            case POW: return Math.pow(x, y);
            case UNM: return -x;
            default: throw new IllegalArgumentException(op.name());
        }
    }

    /** Float arithmetic. */
    static double floatArith(MetaEvent op, double x, double y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case MOD: return LuaNumber.fmod(x, y);
            case IDIV: return Math.floor(x / y);
            case DIV: return x / y;
            case POW: return y == 2 ? x * x : Math.pow(x, y);
            case UNM: return -x;
            default: throw new IllegalArgumentException(op.name());
        }
    }

    /** Bitwise operators on integers. */
    static long bitwise(MetaEvent op, long x, long y) {
        switch (op) {
            case BAND: return x & y;
            case BOR: return x | y;
            case BXOR: return x ^ y;
            case SHL: return LuaNumber.shiftLeft(x, y);
            case SHR: return LuaNumber.shiftLeft(x, -y);
            default: throw new IllegalArgumentException(op.name());
        }
    }

    /** Integer modulo; raises for a zero divisor. */
    public static long mod(long x, long y) {
        if (y == 0) throw new LuaError("attempt to perform 'n%0'");
        return LuaNumber.imod(x, y);
    }

    /** Integer floor division; raises for a zero divisor. */
    public static long idiv(long x, long y) {
        if (y == 0) throw new LuaError("attempt to divide by zero");
        return LuaNumber.idiv(x, y);
    }

    /** {@code -v} for a number, or null. */
    public static Object unm(Object v) {
        if (v instanceof Long) return -(Long) v;
        if (v instanceof Double) return -(Double) v;
        return null;
    }

    /** {@code ~v} for a number with an integer value, or null. */
    public static Object bnot(Object v) {
        Long x = toIntegerStrict(v);
        return x == null ? null : (Object) ~x;
    }

    /**
     * A number's integer value: itself for an integer, the equal integer for an integral
     * float, else null (also for non-numbers: no string coercion).
     */
    public static Long toIntegerStrict(Object v) {
        if (v instanceof Long) return (Long) v;
        if (v instanceof Double) return LuaNumber.floatToInteger((Double) v);
        return null;
    }

    /** A number as a double. */
    static double toDouble(Object v) {
        return v instanceof Long ? (double) (Long) v : (Double) v;
    }

    /**
     * {@code v} as a number, converting a numeric string as Lua's automatic coercion does
     * ({@code "0x10"} is 16); null when it is neither.
     */
    public static Object toNumber(Object v) {
        if (v instanceof Long || v instanceof Double) return v;
        if (v instanceof LuaString) return LuaNumber.parse((LuaString) v);
        return null;
    }
}
