package dev.moonlet.lib;

import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.ArgumentError;
import dev.moonlet.vm.LuaType;

/**
 * Argument checks for builtins, with Lua's own messages (lauxlib's {@code luaL_check*} and
 * {@code luaL_opt*}). Positions are 0-based Java indices into the argument array; messages
 * count from 1. Failures throw {@link ArgumentError}, which the executor completes with the
 * function's name and the caller's position.
 */
public final class Args {
    private Args() {}

    /** Argument {@code i}, or nil when there are fewer arguments. */
    public static Object arg(Object[] args, int i) {
        return i < args.length ? args[i] : null;
    }

    /** Whether argument {@code i} is absent or nil ({@code lua_isnoneornil}). */
    public static boolean isNoneOrNil(Object[] args, int i) {
        return i >= args.length || args[i] == null;
    }

    /** Argument {@code i} as a condition ({@code lua_toboolean}): false only for nil, false and absence. */
    public static boolean toBoolean(Object[] args, int i) {
        Object v = arg(args, i);
        return v != null && !Boolean.FALSE.equals(v);
    }

    /** Argument {@code i}, which must be present (it may be nil). */
    public static Object checkAny(Object[] args, int i) {
        if (i >= args.length) throw new ArgumentError(i + 1, "value expected");
        return args[i];
    }

    /** Argument {@code i} as a table. */
    public static LuaTable checkTable(Object[] args, int i) {
        Object v = arg(args, i);
        if (v instanceof LuaTable) return (LuaTable) v;
        throw typeError(args, i, "table");
    }

    /** Argument {@code i} as an integer: integers, floats with an exact integer value, numeric strings. */
    public static long checkInteger(Object[] args, int i) {
        Object v = arg(args, i);
        if (v instanceof Long) return (Long) v;
        Object n = toNumber(v);
        if (n instanceof Long) return (Long) n;
        if (n instanceof Double) {
            Long l = LuaNumber.floatToInteger((Double) n);
            if (l != null) return l;
            throw new ArgumentError(i + 1, "number has no integer representation");
        }
        throw typeError(args, i, "number");
    }

    /**
     * {@code v} as an integer if it is one, a float with an exact integer value, or a string
     * convertible to either ({@code lua_tointegerx}); else null.
     */
    public static Long toInteger(Object v) {
        Object n = toNumber(v);
        if (n instanceof Double d) return LuaNumber.floatToInteger(d);
        return (Long) n;
    }

    /** Argument {@code i} as an integer, or {@code def} when absent or nil. */
    public static long optInteger(Object[] args, int i, long def) {
        return isNoneOrNil(args, i) ? def : checkInteger(args, i);
    }

    /** Argument {@code i} as a number (Long or Double), converting numeric strings. */
    public static Object checkNumber(Object[] args, int i) {
        Object n = toNumber(arg(args, i));
        if (n == null) throw typeError(args, i, "number");
        return n;
    }

    /** Argument {@code i} as a float ({@code luaL_checknumber}). */
    public static double checkDouble(Object[] args, int i) {
        Object n = checkNumber(args, i);
        return n instanceof Long ? (double) (Long) n : (Double) n;
    }

    /** Argument {@code i} as a float, or {@code def} when absent or nil. */
    public static double optDouble(Object[] args, int i, double def) {
        return isNoneOrNil(args, i) ? def : checkDouble(args, i);
    }

    /** Argument {@code i} as a string; numbers are converted as {@code tostring} would. */
    public static LuaString checkString(Object[] args, int i) {
        Object v = arg(args, i);
        if (v instanceof LuaString) return (LuaString) v;
        if (v instanceof Long) return LuaNumber.toLuaString((Long) v);
        if (v instanceof Double) return LuaNumber.toLuaString((Double) v);
        throw typeError(args, i, "string");
    }

    /** Argument {@code i} as a string, or {@code def} when absent or nil. */
    public static LuaString optString(Object[] args, int i, LuaString def) {
        return isNoneOrNil(args, i) ? def : checkString(args, i);
    }

    /**
     * Argument {@code i} as one of {@code options} (or {@code def} when absent or nil, if
     * {@code def} is not null), answered as its index in {@code options}.
     */
    public static int checkOption(Object[] args, int i, String def, String... options) {
        String name = def != null && isNoneOrNil(args, i) ? def : checkString(args, i).toString();
        for (int k = 0; k < options.length; k++) {
            if (options[k].equals(name)) return k;
        }
        throw new ArgumentError(i + 1, "invalid option '" + name + "'");
    }

    /** Argument {@code i}, which must have the basic type {@code type} ({@code luaL_checktype}). */
    public static Object checkType(Object[] args, int i, String type) {
        Object v = arg(args, i);
        if (i >= args.length || !LuaType.typeName(v).equals(type)) throw typeError(args, i, type);
        return v;
    }

    /** A failed argument condition, as {@code luaL_argcheck}: {@code "bad argument #i to 'f' (detail)"}. */
    public static ArgumentError error(int i, String detail) {
        return new ArgumentError(i + 1, detail);
    }

    /** The error for argument {@code i} not being a {@code expected} ({@code luaL_typeerror}). */
    public static ArgumentError typeError(Object[] args, int i, String expected) {
        return new ArgumentError(i + 1, expected + " expected, got " + typeNameForMessage(args, i));
    }

    /** The type name of argument {@code i} as argument errors print it (honouring {@code __name}). */
    static String typeNameForMessage(Object[] args, int i) {
        return i >= args.length ? "no value" : objectTypeName(args[i]);
    }

    /** The type name of {@code v} as error messages print it ({@code luaT_objtypename}: honouring {@code __name}). */
    static String objectTypeName(Object v) {
        LuaTable mt = v instanceof LuaTable ? ((LuaTable) v).metatable()
                : v instanceof Userdata ? ((Userdata) v).metatable() : null;
        if (mt != null && mt.get(NAME) instanceof LuaString) return mt.get(NAME).toString();
        return LuaType.typeName(v);
    }

    private static final LuaString NAME = LuaString.of("__name");

    /** {@code v} as a number, converting numeric strings; null if it is neither. */
    private static Object toNumber(Object v) {
        if (v instanceof Long || v instanceof Double) return v;
        if (v instanceof LuaString) return LuaNumber.parse((LuaString) v);
        return null;
    }
}
