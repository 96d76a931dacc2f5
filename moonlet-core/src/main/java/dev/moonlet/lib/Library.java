package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import java.util.Locale;

/**
 * Building a library table, as lauxlib's {@code luaL_newlib} and {@code luaL_requiref} do.
 *
 * <pre>{@code
 * LuaTable math = new LuaTable(instance.heap());
 * Library.define(instance, math, "math", Function.values());   // math.abs, named "math.abs", ...
 * Library.install(instance, "math", math);                     // global math, package.loaded.math
 * }</pre>
 *
 * <p>A library lists its builtins as the constants of an enum whose {@code call} runs each
 * through a {@code switch}, not as a method reference each: before the JIT has run, the JVM
 * links each method reference the first time it is evaluated, about a quarter of a millisecond
 * apiece, and the two hundred builtins of an instance made that a quarter of the start-up of
 * the {@code moonlet} command.
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

    /**
     * Stores each of the builtins {@code functions} in {@code table} under its
     * {@linkplain #luaName Lua name}, qualified by {@code library} ({@code "table.insert"}).
     */
    public static <F extends Enum<F> & Builtin.Body> void define(Instance instance, LuaTable table, String library,
            F[] functions) {
        for (F f : functions) define(instance, table, library, luaName(f), f);
    }

    /** The Lua name of the builtin {@code function}: its constant's name in lower case ({@code TOINTEGER}: {@code "tointeger"}). */
    public static String luaName(Enum<?> function) {
        return function.name().toLowerCase(Locale.ROOT);
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
