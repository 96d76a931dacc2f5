package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The debug library where the script tests cannot reach: standard input ({@code debug.debug}),
 * what Moonlet allows beyond lua5.4 (a hook that yields), and hooks under the executor's
 * fuel (a hooked script is still stepped in slices).
 */
class DebugLibTest {
    private final Lua lua = new Lua();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    DebugLibTest() {
        lua.setOutput(new ByteArrayOutputStream());
        lua.setErrorOutput(err);
    }

    @Test
    void debugPromptRunsCommandsUntilCont() {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream("x = 5\nerror('boom')\nerror({})\n+\ncont\ny = 1\n".getBytes(StandardCharsets.UTF_8)));
        try {
            lua.run("debug.debug()");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(5L, lua.get("x"));
        assertEquals(null, lua.get("y"));
        String shown = err.toString(StandardCharsets.UTF_8).replaceAll("table: 0x[0-9a-f]+", "table: ADDRESS");
        assertEquals("lua_debug> lua_debug> (debug command):1: boom\n"
                + "lua_debug> table: ADDRESS\n"
                + "lua_debug> (debug command):1: unexpected symbol near '+'\n"
                + "lua_debug> ", shown);
    }

    @Test
    void debugPromptEndsWithInput() {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream("x = 7".getBytes(StandardCharsets.UTF_8)));
        try {
            lua.run("debug.debug()");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(7L, lua.get("x"));
        assertEquals("lua_debug> lua_debug> ", err.toString(StandardCharsets.UTF_8));
    }

    /** Lua refuses to yield from a hook (a C call boundary); Moonlet's hooks are ordinary calls. */
    @Test
    void countHookMayYield() {
        Object[] r = lua.run("""
                local co = coroutine.create(function()
                  debug.sethook(function() coroutine.yield("tick") end, "", 100)
                  local s = 0
                  for i = 1, 1000 do s = s + i end
                  debug.sethook()
                  return s
                end)
                local ticks = 0
                while true do
                  local ok, v = coroutine.resume(co)
                  assert(ok, v)
                  if v ~= "tick" then return ticks, v end
                  ticks = ticks + 1
                end
                """);
        assertEquals(500500L, r[1]);
        assertTrue((Long) r[0] >= 20 && (Long) r[0] <= 25, "ticks: " + r[0]);
    }

    @Test
    void lineHookMayYieldAndSeeItsLine() {
        Object[] r = lua.run("""
                local co = coroutine.wrap(function()
                  debug.sethook(function(e, l) coroutine.yield(l) end, "l")
                  local a = 1
                  local b = 2
                  debug.sethook()
                  return "done"
                end)
                return co(), co(), co(), co()
                """);
        assertArrayEquals(new Object[] {3L, 4L, 5L, LuaString.of("done")}, r);
    }

    /** A hooked endless loop still returns to the embedder after each slice of fuel. */
    @Test
    void hookedLoopIsSteppedInSlices() {
        Object chunk = lua.load("local n = 0 debug.sethook(function() n = n + 1 end, 'l') while true do end", "=loop");
        Executor ex = lua.start(chunk);
        for (int i = 0; i < 20; i++) assertInstanceOf(Status.Running.class, ex.step(1_000));
    }

    /** Events are the same whatever the size of the slices the script is run in. */
    @Test
    void hookEventsDoNotDependOnSlices() {
        String code = """
                local t = {}
                debug.sethook(function(e, l) t[#t + 1] = e:sub(1, 1) .. (l or "") end, "crl", 3)
                local function f(x) return x + 1 end
                for i = 1, 5 do f(i) end
                debug.sethook()
                return table.concat(t, " ")
                """;
        Object expected = lua.run(code)[0];
        for (long fuel : new long[] {1, 2, 7, 50}) {
            Executor ex = lua.start(lua.load(code, "=code"));
            Status s;
            do {
                s = ex.step(fuel);
            } while (s instanceof Status.Running);
            assertEquals(expected, ((Status.Finished) s).values()[0], "fuel " + fuel);
        }
    }
}
