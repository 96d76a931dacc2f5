package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The basic functions where the script tests cannot reach: files, warnings (standard error),
 * addresses, and what Moonlet allows beyond lua5.4 (yields inside {@code print},
 * {@code tostring}, {@code load} readers, {@code ipairs} and message handlers).
 */
class BaseLibTest {
    private final Lua lua = new Lua();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    BaseLibTest() {
        lua.setOutput(out);
        lua.setErrorOutput(err);
    }

    private String printed(String code) {
        lua.run(code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void loadfileAndDofile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("chunk.lua");
        Files.writeString(file, "#!/usr/bin/env lua\nlocal a, b = ...\nreturn (a or 1) + 1, debugline()\n");
        lua.register("debugline", dev.moonlet.vm.Builtin.of("debugline", (co, args) -> co.where(1)));
        lua.set("path", file.toString());
        assertEquals("3\t" + file + ":3: \n", printed("print(loadfile(path)(2))"));
        out.reset();
        assertEquals("2\t" + file + ":3: \n", printed("print(dofile(path))"));
        out.reset();
        assertEquals("nil\tcannot open " + dir + "/none.lua: No such file or directory\n",
                printed("print(loadfile((path:gsub('chunk', 'none'))))"));
        out.reset();
        assertEquals("nil\tattempt to load a text chunk (mode is 'b')\n", printed("print(loadfile(path, 'b'))"));
        out.reset();
        assertEquals("42\n", printed("print(loadfile(path, 't', {debugline = function() end})(41))"));
        LuaError e = assertThrows(LuaError.class, () -> lua.run("dofile(path .. '.missing')"));
        assertEquals("cannot open " + file + ".missing: No such file or directory", e.getMessage());
        Files.writeString(file, "error('from file')");
        e = assertThrows(LuaError.class, () -> lua.run("dofile(path)"));
        assertEquals(file + ":1: from file", e.getMessage());
    }

    @Test
    void warnGoesToTheErrorOutputOnlyWhenOn() {
        lua.run("warn('hidden') warn('@on') warn('shown ', 'in ', 'pieces') warn('@off') warn('hidden again')");
        assertEquals("Lua warning: shown in pieces\n", err.toString(StandardCharsets.UTF_8));
        LuaError e = assertThrows(LuaError.class, () -> lua.run("warn()"));
        assertTrue(e.getMessage().endsWith("bad argument #1 to 'warn' (string expected, got no value)"), e.getMessage());
    }

    @Test
    void addressesAreStablePerObjectAndDistinct() {
        Object[] r = lua.run("local t, u = {}, {}\n"
                + "return tostring(t) == tostring(t), tostring(t) ~= tostring(u), tostring(t), string.format('%p', t)");
        assertEquals(true, r[0]);
        assertEquals(true, r[1]);
        assertEquals("table: " + Lua.toJava(r[3]), Lua.toJava(r[2]));
    }

    @Test
    void collectgarbageCountIsAPositiveFloat() {
        Object[] r = lua.run("return collectgarbage('count'), collectgarbage('step'), collectgarbage()");
        assertInstanceOf(Double.class, r[0]);
        assertTrue((Double) r[0] > 0);
        assertEquals(false, r[1]); // as lua5.4 answers on a fresh state: one step ends no cycle
        assertEquals(0L, r[2]);
    }

    @Test
    void printWritesWholeLinesThroughTheSink() {
        assertEquals("1\tnil\tx\n", printed("print(1, nil, 'x')"));
        out.reset();
        assertEquals("a", printed("pcall(print, 'a', setmetatable({}, {__tostring = function() error('no') end}))"));
    }

    @Test
    void yieldsInsideBuiltinsThatLua54Refuses() {
        String code = "local function run(f)\n"
                + "  local co, got = coroutine.create(f), {}\n"
                + "  while coroutine.status(co) ~= 'dead' do\n"
                + "    local ok, v = coroutine.resume(co, #got)\n"
                + "    assert(ok, v)\n"
                + "    got[#got + 1] = tostring(v)\n"
                + "  end\n"
                + "  print(table.concat(got, ' '))\n"
                + "end\n"
                + "run(function()\n"
                + "  local parts, i = {'return ', '1 + ', '2'}, 0\n"
                + "  return load(function() i = i + 1 if parts[i] then coroutine.yield('read') end return parts[i] end)()\n"
                + "end)\n"
                + "run(function()\n"
                + "  return tostring(setmetatable({}, {__tostring = function() return 'ts' .. coroutine.yield('tostring') end}))\n"
                + "end)\n"
                + "run(function()\n"
                + "  local t = setmetatable({}, {__index = function(t, i) if i < 3 then return coroutine.yield('index') end end})\n"
                + "  local n = 0\n"
                + "  for _, v in ipairs(t) do n = n + v end\n"
                + "  return n\n"
                + "end)\n"
                + "run(function()\n"
                + "  print(setmetatable({}, {__tostring = function() coroutine.yield('print') return 'printed' end}))\n"
                + "  return 'ok'\n"
                + "end)\n"
                + "run(function()\n"
                + "  return select(2, xpcall(error, function(m) return m .. coroutine.yield('handler') end, 'e', 0))\n"
                + "end)\n";
        assertEquals("read read read 3\ntostring ts1\nindex index 3\nprinted\nprint ok\nhandler e1\n", printed(code));
    }

    @Test
    void eachInstanceHasItsOwnGlobals() {
        Lua other = new Lua();
        lua.run("shared = 1");
        assertEquals(null, other.get("shared"));
        assertNotEquals(lua.get("print"), other.get("print"));
    }
}
