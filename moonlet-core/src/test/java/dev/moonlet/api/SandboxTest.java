package dev.moonlet.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sandbox profiles, and what one instance can and cannot see of another. */
class SandboxTest {
    /**
     * Every function a script can reach from {@code _G}, through tables (library tables,
     * metatables of strings), as sorted {@code "path.name"} strings.
     */
    private static final String REACHABLE = """
            local seen, names = {}, {}
            local queue = {{_G, ''}, {getmetatable('') or {}, 'string metatable.'}}
            local i = 1
            while queue[i] do
              local t, prefix = queue[i][1], queue[i][2]
              i = i + 1
              if not seen[t] then
                seen[t] = true
                for k, v in pairs(t) do
                  local name = prefix .. tostring(k)
                  if type(v) == 'function' then names[#names + 1] = name
                  elseif type(v) == 'table' then queue[#queue + 1] = {v, name .. '.'} end
                end
              end
            end
            table.sort(names)
            return ' ' .. table.concat(names, ' ') .. ' '
            """;

    private static String run(Lua lua, String code) {
        return String.valueOf(lua.run(code)[0]);
    }

    @Test
    void untrustedOpensExactlyTheSafeFunctions() {
        String all = run(new Lua(Sandbox.untrusted()), REACHABLE);
        String base = all.replaceAll(" string metatable[^ ]*", "").replaceAll(" [a-z0-9]+\\.[^ ]*", "");
        assertEquals(" assert collectgarbage error getmetatable ipairs load next pairs pcall print rawequal rawget"
                + " rawlen rawset select setmetatable tonumber tostring type warn xpcall ", base);
        String os = all.replaceAll(" (?!os\\.)[^ ]*", "");
        assertEquals(" os.clock os.date os.difftime os.time", os);
        String debug = all.replaceAll(" (?!debug\\.)[^ ]*", "");
        assertEquals(" debug.traceback", debug);
        for (String absent : new String[] {" io.", " dofile ", " loadfile ", " require ", " package.", "dump "}) {
            assertTrue(!all.contains(absent), absent + " reachable: " + all);
        }
        for (String present : new String[] {" math.random ", " string.rep ", " string.format ",
                " table.sort ", " utf8.char ", " coroutine.wrap ", " task.spawn ", " prompt.call ", " effect.resume "}) {
            assertTrue(all.contains(present), present + " missing: " + all);
        }
    }

    @Test
    void trustedIsEverything() {
        String all = run(new Lua(Sandbox.trusted()), REACHABLE);
        assertEquals(run(new Lua(), REACHABLE), all);
        for (String present : new String[] {" dofile ", " require ", " io.open ", " os.exit ", " debug.getinfo ",
                " string.dump ", " prompt.shift ", " effect.switch "}) {
            assertTrue(all.contains(present), present + " missing: " + all);
        }
    }

    @Test
    void untrustedLoadsTextButNoBinaryChunk() {
        Lua trusted = new Lua();
        LuaString binary = (LuaString) trusted.run("return string.dump(function() return 42 end)")[0];
        Lua lua = new Lua(Sandbox.untrusted());
        lua.set("chunk", binary);
        assertArrayEquals(new Object[] {null, LuaString.of("attempt to load a binary chunk (mode is 't')")},
                lua.run("return load(chunk, 'c', 'b')"));
        assertArrayEquals(new Object[] {7L}, lua.run("return load('return 7')()"));
        assertArrayEquals(new Object[] {null, LuaString.of("attempt to load a binary chunk (mode is 't')")},
                lua.run("local parts = {chunk} return load(function() return table.remove(parts) end)"));
        assertArrayEquals(new Object[] {42L}, trusted.run("return load(...)()".replace("...", "string.dump(function() return 42 end)")));
    }

    @Test
    void builderAddsAndRemovesSingleFunctions() {
        Lua lua = new Lua(Sandbox.untrusted().allow("os.getenv").deny("print").deny("string.rep"));
        assertEquals("function nil nil nil", run(lua, "return type(os.getenv) .. ' ' .. tostring(print) .. ' '"
                + " .. tostring(string.rep) .. ' ' .. tostring(os.exit)"));
        LuaError e = assertThrows(LuaError.class, () -> lua.run("return ('x'):rep(2)"));
        assertTrue(e.getMessage().contains("attempt to call a nil value (method 'rep')"), e.getMessage());

        Lua io = new Lua(Sandbox.untrusted().allow("io").deny("io.popen"));
        assertEquals("function nil userdata", run(io, "return type(io.write) .. ' ' .. tostring(io.popen) .. ' ' .. type(io.stdout)"));

        Lua noStrings = new Lua(Sandbox.trusted().deny("string"));
        assertEquals("nil nil", run(noStrings, "return tostring(string) .. ' ' .. tostring(('x').len)"));

        Lua again = new Lua(Sandbox.untrusted().deny("os").allow("os.clock"));
        assertEquals("function nil", run(again, "return type(os.clock) .. ' ' .. tostring(os.time)"));
        assertTrue(Sandbox.untrusted().allows("math.pi"));
        assertTrue(!Sandbox.untrusted().allows("os.exit"));
        assertThrows(IllegalArgumentException.class, () -> Sandbox.untrusted().allow("java.lang.System"));
    }

    @Test
    void suppliedModulesAreAllRequireFinds() {
        LuaTable greet = new LuaTable();
        greet.put(LuaString.of("hello"), LuaString.of("hi"));
        Lua lua = new Lua(Sandbox.untrusted().withModule("greet", greet));
        assertEquals("hi", run(lua, "return require('greet').hello"));
        assertEquals("nil", run(lua, "return tostring(package)"));
        LuaError e = assertThrows(LuaError.class, () -> lua.run("require('io')"));
        assertEquals("[string \"require('io')\"]:1: module 'io' not found:\n\tno field package.preload['io']",
                e.getMessage());
        assertEquals("function", run(lua, "return type(require('string').format)"));
        assertEquals("nil", run(lua, "return tostring(require('string').dump)"));
    }

    @Test
    void instancesOnTwoThreadsShareNothing() throws Exception {
        String script = """
                local tag, seed = ...
                x = tag
                getmetatable('').__index = function(s, k) return tag .. k end
                string.tag = tag
                math.randomseed(seed)
                local out = {}
                for i = 1, 3000 do
                  assert(x == tag and ('s').k == tag .. 'k' and string.tag == tag)
                  out[#out + 1] = math.random(1000000)
                  if i % 100 == 0 then collectgarbage('step') end
                end
                return table.concat(out, ',')
                """;
        String aloneA = runSliced(script, "A", 1L, null);
        String aloneB = runSliced(script, "B", 2L, null);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<String> a = threads.submit(() -> runSliced(script, "A", 1L, go));
            Future<String> b = threads.submit(() -> runSliced(script, "B", 2L, go));
            go.countDown();
            assertEquals(aloneA, a.get(2, TimeUnit.MINUTES));
            assertEquals(aloneB, b.get(2, TimeUnit.MINUTES));
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs {@code script} with {@code tag, seed} on a fresh instance in small slices, once {@code go} opens. */
    private static String runSliced(String script, String tag, long seed, CountDownLatch go) throws InterruptedException {
        Lua lua = new Lua(Sandbox.untrusted());
        Executor ex = lua.start(lua.load(script, "=isolation"), tag, seed);
        if (go != null) go.await();
        Status s;
        do s = ex.step(200); while (s instanceof Status.Running);
        if (s instanceof Status.Failed f) throw f.error();
        return String.valueOf(((Status.Finished) s).values()[0]);
    }
}
