package dev.moonlet.playground;

import dev.moonlet.api.Lua;
import dev.moonlet.lib.BaseLib;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import java.util.Arrays;

/**
 * The libraries a playground visitor's code gets: the standard ones minus everything that
 * reaches outside the instance. Gone are {@code dofile}, {@code loadfile}, {@code require}
 * and {@code package} (they read files), {@code debug} (it breaks every guarantee), all of
 * {@code io} but {@code io.write} (which writes to the console), and all of {@code os} but
 * {@code clock}, {@code date}, {@code difftime} and {@code time}. {@code load} accepts text
 * chunks only: binary chunks are not checked for safety.
 *
 * <p>This is the one place the playground decides what a script may touch, so that it can
 * become the core's untrusted sandbox profile once that exists.
 *
 * <pre>{@code
 * Lua lua = UntrustedProfile.newInstance();
 * lua.run("return io.read");   // [nil]
 * }</pre>
 */
final class UntrustedProfile {
    private static final String[] REMOVED_GLOBALS = {"dofile", "loadfile", "require", "package", "debug"};
    private static final String[] KEPT_OS = {"clock", "date", "difftime", "time"};
    private static final LuaString TEXT_MODE = LuaString.of("t");

    private UntrustedProfile() {}

    /** A fresh instance with the untrusted profile's libraries. */
    static Lua newInstance() {
        Lua lua = new Lua();
        LuaTable loaded = lua.instance().loaded();
        for (String name : REMOVED_GLOBALS) {
            lua.set(name, null);
            loaded.put(LuaString.of(name), null);
        }
        LuaTable io = restricted(lua, "io", "write");
        LuaTable os = restricted(lua, "os", KEPT_OS);
        lua.set("io", io);
        lua.set("os", os);
        loaded.put(LuaString.of("io"), io);
        loaded.put(LuaString.of("os"), os);
        lua.register("load", Builtin.of("load", UntrustedProfile::loadText));
        return lua;
    }

    /** A new table with only the fields {@code kept} of the library {@code name}. */
    private static LuaTable restricted(Lua lua, String name, String... kept) {
        LuaTable full = (LuaTable) lua.get(name);
        LuaTable t = new LuaTable(lua.instance().heap());
        for (String field : kept) {
            LuaString key = LuaString.of(field);
            t.put(key, full.get(key));
        }
        return t;
    }

    /** {@code load} with its mode argument forced to text. */
    private static Object loadText(Coroutine co, Object[] args) {
        Object[] a = Arrays.copyOf(args, Math.max(args.length, 3));
        a[2] = TEXT_MODE;
        return BaseLib.load(co, a);
    }
}
