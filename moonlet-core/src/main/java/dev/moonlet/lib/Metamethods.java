package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Comparison;
import dev.moonlet.vm.Fuel;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.MetaEvent;

/**
 * Lua's indexing, length and comparisons with their metamethods, for library code, which
 * cannot call Lua functions directly (lvm.c's luaV_finishget, luaV_finishset, luaV_objlen,
 * luaV_lessthan and luaV_equalobj, as {@code lua_geti}, {@code lua_seti}, {@code luaL_len} and
 * {@code lua_compare} use them).
 *
 * <p>Each operation either completes and answers its value, or answers the
 * {@link Action.Call} of the metamethod that completes it, which the calling sequence returns
 * to the executor; the call's first result is then the operation's result (for the
 * comparisons, its truth value). No Lua value is an {@code Action}, so the two never clash:
 * <pre>{@code
 * Object v = Metamethods.index(instance, co.fuel(), t, key);
 * if (v instanceof Action.Call call) return call;   // and read the value from the results
 * }</pre>
 * Errors are raised as the virtual machine raises them, without a position (as for
 * operations made by a builtin).
 */
final class Metamethods {
    /** The longest chain of {@code __index} or {@code __newindex} tables followed (lvm.c's MAXTAGLOOP). */
    private static final int MAX_TAG_LOOP = 2000;

    private Metamethods() {}

    /**
     * {@code t[key]}: the value, or the call of an {@code __index} function. Each table of a
     * chain followed costs a unit of {@code fuel}, as in the interpreter.
     */
    static Object index(Instance instance, Fuel fuel, Object t, Object key) {
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object handler;
            if (t instanceof LuaTable table) {
                Object v = table.get(key);
                if (v != null) return v;
                handler = MetaEvent.INDEX.in(table.metatable());
                if (handler == null) return null;
            } else {
                handler = MetaEvent.INDEX.in(instance.metatableOf(t));
                if (handler == null) throw typeError("index", t);
            }
            if (handler instanceof LuaFunction) return new Action.Call(handler, new Object[] {t, key});
            fuel.consume(1);
            t = handler;
        }
        throw new LuaError("'__index' chain too long; possible loop");
    }

    /**
     * {@code t[key] = value}: null when done, or the call of a {@code __newindex} function.
     * Each table of a chain followed costs a unit of {@code fuel}.
     */
    static Action.Call setIndex(Instance instance, Fuel fuel, Object t, Object key, Object value) {
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object handler;
            if (t instanceof LuaTable table) {
                handler = table.get(key) != null ? null : MetaEvent.NEWINDEX.in(table.metatable());
                if (handler == null) {
                    table.put(key, value);
                    return null;
                }
            } else {
                handler = MetaEvent.NEWINDEX.in(instance.metatableOf(t));
                if (handler == null) throw typeError("index", t);
            }
            if (handler instanceof LuaFunction) return new Action.Call(handler, new Object[] {t, key, value});
            fuel.consume(1);
            t = handler;
        }
        throw new LuaError("'__newindex' chain too long; possible loop");
    }

    /** {@code #v}: the length, or the call of a {@code __len} function. */
    static Object length(Instance instance, Object v) {
        if (v instanceof LuaString s) return (long) s.length(); // strings ignore __len
        Object handler = MetaEvent.LEN.in(instance.metatableOf(v));
        if (handler != null) return new Action.Call(handler, new Object[] {v, v});
        if (v instanceof LuaTable table) return table.length();
        throw typeError("get length of", v);
    }

    /** {@code a < b}: a Boolean, or the call of an {@code __lt} metamethod. */
    static Object lessThan(Instance instance, Object a, Object b) {
        Boolean raw = Comparison.lessThan(a, b);
        if (raw != null) return raw;
        Object handler = MetaEvent.LT.in(instance.metatableOf(a));
        if (handler == null) handler = MetaEvent.LT.in(instance.metatableOf(b));
        if (handler == null) throw orderError(a, b);
        return new Action.Call(handler, new Object[] {a, b});
    }

    /** {@code a == b}: a Boolean, or the call of an {@code __eq} metamethod. */
    static Object equal(Instance instance, Object a, Object b) {
        boolean comparable = a instanceof LuaTable && b instanceof LuaTable
                || a instanceof Userdata && b instanceof Userdata;
        if (!comparable || a == b) return Comparison.rawEquals(a, b);
        Object handler = MetaEvent.EQ.in(instance.metatableOf(a));
        if (handler == null) handler = MetaEvent.EQ.in(instance.metatableOf(b));
        if (handler == null) return false;
        return new Action.Call(handler, new Object[] {a, b});
    }

    /** {@code "attempt to index a nil value"} (luaG_typeerror, without variable information). */
    private static LuaError typeError(String operation, Object v) {
        return new LuaError("attempt to " + operation + " a " + Args.objectTypeName(v) + " value");
    }

    /** {@code "attempt to compare two table values"} or {@code "attempt to compare number with nil"}. */
    private static LuaError orderError(Object a, Object b) {
        String t1 = Args.objectTypeName(a), t2 = Args.objectTypeName(b);
        return new LuaError(t1.equals(t2) ? "attempt to compare two " + t1 + " values"
                : "attempt to compare " + t1 + " with " + t2);
    }
}
