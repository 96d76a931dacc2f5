package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;

/**
 * Building a library table, as lauxlib's {@code luaL_newlib} and {@code luaL_requiref} do.
 *
 * <pre>{@code
 * LuaTable math = new LuaTable(instance.heap());
 * Library.define(instance, math, "math", "abs", MathLib::abs);   // math.abs, named "math.abs"
 * Library.install(instance, "math", math);                       // global math, package.loaded.math
 * }</pre>
 */
public final class Library {
    /**
     * The size of a coroutine's stack in values ({@code LUAI_MAXSTACK}): a builtin returns
     * fewer values than this, as its caller always uses some of the stack;
     * {@code table.unpack} and {@code utf8.codepoint} refuse to return as many.
     */
    public static final int MAX_RESULTS = 1_000_000;

    private Library() {}

    /**
     * Stores the builtin {@code body} in {@code table} under {@code name}, with the qualified
     * name {@code library.name} ({@code "table.insert"}).
     */
    public static void define(Instance instance, LuaTable table, String library, String name, Builtin.Body body) {
        table.put(instance.strings().intern(name), Builtin.of(library + "." + name, body));
    }

    /** Stores {@code value} in {@code table} under the string key {@code name}. */
    public static void set(Instance instance, LuaTable table, String name, Object value) {
        table.put(instance.strings().intern(name), value);
    }

    /**
     * The error a builtin running on {@code co} raises with {@code luaL_error}: the message
     * prefixed with its caller's position ({@code "chunk:line: "}) when the caller is a Lua
     * function.
     */
    public static LuaError error(Coroutine co, String message) {
        return new LuaError(co.where(1).concat(LuaString.of(message)));
    }

    /** Makes {@code table} the global {@code name} and the module {@code name} of {@code require}. */
    public static void install(Instance instance, String name, LuaTable table) {
        set(instance, instance.globals(), name, table);
        set(instance, instance.loaded(), name, table);
    }
}
