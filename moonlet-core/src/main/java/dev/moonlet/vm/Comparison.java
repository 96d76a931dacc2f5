package dev.moonlet.vm;

import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;

/**
 * Lua's {@code ==}, {@code <} and {@code <=} without metamethods ({@code rawequal}, and the
 * cases of {@code luaV_lessthan} that need none): exact integer/float comparisons, strings by
 * their bytes.
 */
public final class Comparison {
    private Comparison() {}

    /** {@code rawequal(a, b)}: numbers by value (1 == 1.0), strings by bytes, others by identity. */
    public static boolean rawEquals(Object a, Object b) {
        if (a instanceof Long) {
            if (b instanceof Long) return ((Long) a).longValue() == (Long) b;
            return b instanceof Double && LuaNumber.eq((Long) a, (Double) b);
        }
        if (a instanceof Double) {
            if (b instanceof Double) return ((Double) a).doubleValue() == (Double) b;
            return b instanceof Long && LuaNumber.eq((Long) b, (Double) a);
        }
        if (a == b) return true;
        if (a instanceof LuaString) return a.equals(b);
        if (a instanceof Boolean) return a.equals(b);
        return false;
    }

    /** {@code a < b} for two numbers or two strings, else null (metamethods decide). */
    public static Boolean lessThan(Object a, Object b) {
        if (a instanceof Long) {
            if (b instanceof Long) return (Long) a < (Long) b;
            if (b instanceof Double) return LuaNumber.lt((Long) a, (Double) b);
        } else if (a instanceof Double) {
            if (b instanceof Double) return (Double) a < (Double) b;
            if (b instanceof Long) return LuaNumber.lt((Double) a, (Long) b);
        } else if (a instanceof LuaString && b instanceof LuaString) {
            return ((LuaString) a).compareTo((LuaString) b) < 0;
        }
        return null;
    }

    /** {@code a <= b} for two numbers or two strings, else null (metamethods decide). */
    public static Boolean lessEqual(Object a, Object b) {
        if (a instanceof Long) {
            if (b instanceof Long) return (Long) a <= (Long) b;
            if (b instanceof Double) return LuaNumber.le((Long) a, (Double) b);
        } else if (a instanceof Double) {
            if (b instanceof Double) return (Double) a <= (Double) b;
            if (b instanceof Long) return LuaNumber.le((Double) a, (Long) b);
        } else if (a instanceof LuaString && b instanceof LuaString) {
            return ((LuaString) a).compareTo((LuaString) b) <= 0;
        }
        return null;
    }
}
