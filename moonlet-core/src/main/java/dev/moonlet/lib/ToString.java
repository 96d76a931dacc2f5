package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.LuaType;

/**
 * How {@code tostring} and {@code print} turn a value into text (lauxlib's
 * {@code luaL_tolstring}): through the {@code __tostring} metamethod when the value has one,
 * else numbers as Lua writes them, {@code nil}, {@code true} and {@code false}, and other
 * values as their type name (or their metatable's {@code __name}) and an address that stays
 * the same for the life of the object: {@code "table: 0x1b6d3586"}.
 *
 * <p>A metamethod has to be called by the executor, so {@link #of} answers either the text or
 * the {@link Action.Call} of {@code __tostring}, whose first result {@link #checkResult}
 * then vets:
 * <pre>{@code
 * Object text = ToString.of(instance, v);
 * if (text instanceof Action.Call call) return call;   // later: ToString.checkResult(co, results)
 * }</pre>
 */
final class ToString {
    private static final LuaString TOSTRING = LuaString.of("__tostring");
    private static final LuaString NAME = LuaString.of("__name");
    private static final LuaString NIL = LuaString.of("nil");
    private static final LuaString TRUE = LuaString.of("true");
    private static final LuaString FALSE = LuaString.of("false");

    private ToString() {}

    /** The text of {@code v}, or the call of its {@code __tostring} metamethod. */
    static Object of(Instance instance, Object v) {
        LuaTable mt = instance.metatableOf(v);
        Object tm = mt == null ? null : mt.get(TOSTRING);
        if (tm != null) return new Action.Call(tm, new Object[] {v});
        return plain(v, mt);
    }

    /**
     * The first result of a {@code __tostring} call as text: a string, or a number converted.
     *
     * @throws LuaError {@code "'__tostring' must return a string"}, positioned at the caller of
     *     the builtin running on {@code co}
     */
    static LuaString checkResult(Coroutine co, Object[] results) {
        Object r = results.length > 0 ? results[0] : null;
        if (r instanceof LuaString) return (LuaString) r;
        if (r instanceof Long) return LuaNumber.toLuaString((Long) r);
        if (r instanceof Double) return LuaNumber.toLuaString((Double) r);
        throw Library.error(co, "'__tostring' must return a string");
    }

    /** The text of {@code v} when its metatable {@code mt} (possibly null) has no {@code __tostring}. */
    private static LuaString plain(Object v, LuaTable mt) {
        if (v instanceof LuaString) return (LuaString) v;
        if (v == null) return NIL;
        if (v instanceof Boolean) return (Boolean) v ? TRUE : FALSE;
        if (v instanceof Long) return LuaNumber.toLuaString((Long) v);
        if (v instanceof Double) return LuaNumber.toLuaString((Double) v);
        Object name = mt == null ? null : mt.get(NAME);
        String kind = name instanceof LuaString ? name.toString() : LuaType.typeName(v);
        return LuaString.of(kind + ": " + address(v));
    }

    /**
     * The address printed for an object: its identity hash, which the JVM keeps for the
     * object's whole life, written as {@code string.format("%p")} writes it.
     */
    static String address(Object v) {
        return "0x" + Integer.toHexString(System.identityHashCode(v));
    }
}
