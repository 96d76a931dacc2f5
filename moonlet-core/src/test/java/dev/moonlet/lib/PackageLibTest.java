package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package library where the script tests cannot reach: the default paths and the
 * environment switch, native libraries (which Moonlet does not load), loaders that yield, and
 * long path searches that pause.
 */
class PackageLibTest {
    private final Lua lua = new Lua();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PackageLibTest() {
        lua.setOutput(out);
    }

    private String printed(String code) {
        out.reset();
        lua.run(code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ignoringTheEnvironmentGivesTheDefaultPaths() {
        PackageLib.ignoreEnvironment(lua.instance());
        assertEquals(PackageLib.DEFAULT_PATH + "\n" + PackageLib.DEFAULT_CPATH + "\n",
                printed("print(package.path) print(package.cpath)"));
        assertEquals(true, lua.instance().registry().get(LuaString.of("LUA_NOENV")));
        assertTrue(PackageLib.DEFAULT_PATH.startsWith("/usr/local/share/lua/5.4/?.lua;"));
        assertTrue(PackageLib.DEFAULT_PATH.endsWith(";./?.lua;./?/init.lua"));
    }

    @Test
    void doubleSemicolonStandsForTheDefault() {
        assertEquals("a;D;b", PackageLib.expandDefault("a;;b", "D"));
        assertEquals("D;b", PackageLib.expandDefault(";;b", "D"));
        assertEquals("a;D", PackageLib.expandDefault("a;;", "D"));
        assertEquals("D", PackageLib.expandDefault(";;", "D"));
        assertEquals("a;D;;b", PackageLib.expandDefault("a;;;b", "D"));
        assertEquals("a;b", PackageLib.expandDefault("a;b", "D"));
    }

    @Test
    void nativeLibrariesAreNotLoaded(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("native.so"), "not a library");
        lua.set("dir", dir.toString());
        assertEquals("nil\tnative modules are not supported in Moonlet\tabsent\n",
                printed("print(package.loadlib('libx.so', 'luaopen_x'))"));
        assertEquals("false\terror loading module 'native' from file '" + dir + "/native.so':\n"
                + "\tnative modules are not supported in Moonlet\n",
                printed("package.path = '' package.cpath = dir .. '/?.so' print(pcall(require, 'native'))"));
        assertEquals("false\terror loading module 'native.sub' from file '" + dir + "/native.so':\n"
                + "\tnative modules are not supported in Moonlet\n",
                printed("print(pcall(require, 'native.sub'))"));
    }

    @Test
    void aLoaderMayYield() {
        assertEquals("yielded\tfrom loader\nloaded\t:preload:\n", printed(
                "package.preload.y = function(name) local v = coroutine.yield('from loader') return 'loaded' end "
                        + "local co = coroutine.wrap(function() return require('y') end) "
                        + "print('yielded', co()) print(co('resumed'))"));
    }

    @Test
    void aLongSearchPausesWhenTheFuelIsSpent() {
        Executor ex = lua.start(lua.load(
                "return package.searchpath('x', string.rep('nowhere/?;', 5000) .. '/nowhere/?')", "=search"));
        int steps = 0;
        Status s;
        do {
            s = ex.step(10_000);
            steps++;
        } while (s instanceof Status.Running);
        Status.Finished done = assertInstanceOf(Status.Finished.class, s);
        assertEquals(null, done.values()[0]);
        assertTrue(steps > 10, steps + " steps");
    }
}
