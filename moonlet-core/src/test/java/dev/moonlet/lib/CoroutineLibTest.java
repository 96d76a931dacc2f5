package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.moonlet.api.Lua;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code coroutine.yieldto}, which lua5.4 does not have, and yields lua5.4 refuses but Moonlet
 * allows (a Lua function called by a builtin that lua5.4 runs without a continuation), so the
 * script tests cannot record them.
 */
class CoroutineLibTest {
    private final Lua lua = new Lua();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    CoroutineLibTest() {
        lua.setOutput(out);
    }

    private String printed(String code) {
        lua.run(code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pingPongEndsAtTheFirstResumer() {
        assertEquals("true\t11\nsuspended\tdead\n", printed(
                "local ping, pong\n"
                + "ping = coroutine.create(function(n) while true do n = coroutine.yieldto(pong, n + 1) end end)\n"
                + "pong = coroutine.create(function(n) while n < 10 do n = coroutine.yieldto(ping, n + 1) end return n end)\n"
                + "print(coroutine.resume(ping, 0))\n"
                + "print(coroutine.status(ping), coroutine.status(pong))"));
    }

    @Test
    void aCycleOfThreeTransfersWithoutNesting() {
        assertEquals("a1 b2 c3 a4 b5 c6 a7\nyielded\tdone\n", printed(
                "local log, cos = {}, {}\n"
                + "local function member(name, nextIndex)\n"
                + "  return coroutine.create(function(n)\n"
                + "    while true do\n"
                + "      log[#log + 1] = name .. n\n"
                + "      if n == 7 then coroutine.yield('done') end\n"
                + "      n = coroutine.yieldto(cos[nextIndex], n + 1)\n"
                + "    end\n"
                + "  end)\n"
                + "end\n"
                + "cos[1], cos[2], cos[3] = member('a', 2), member('b', 3), member('c', 1)\n"
                + "local ok, v = coroutine.resume(cos[1], 1)\n"
                + "print(table.concat(log, ' '))\n"
                + "print(ok and 'yielded', v)"));
    }

    @Test
    void transfersAreRefusedWhereLuaWouldRefuseAResume() {
        assertEquals("false\tattempt to yield from outside a coroutine\n"
                + "false\tcannot resume non-suspended coroutine\n"
                + "false\tcannot resume dead coroutine\n"
                + "false\tbad argument #1 to 'coroutine.yieldto' (thread expected, got number)\n", printed(
                "local idle = coroutine.create(function() end)\n"
                + "print(pcall(coroutine.yieldto, idle))\n"
                + "print(coroutine.resume(coroutine.create(function() return coroutine.yieldto(coroutine.running()) end)))\n"
                + "local dead = coroutine.create(function() end)\n"
                + "coroutine.resume(dead)\n"
                + "print(coroutine.resume(coroutine.create(function() return coroutine.yieldto(dead) end)))\n"
                + "print(pcall(coroutine.yieldto, 1))"));
    }

    @Test
    void theTransferredValuesAreTheResultsOfYieldto() {
        assertEquals("back\t1\t2\ntrue\tfinished\n", printed(
                "local main\n"
                + "local helper = coroutine.create(function(a, b) coroutine.yieldto(main, 'back', a, b) end)\n"
                + "main = coroutine.create(function()\n"
                + "  print(coroutine.yieldto(helper, 1, 2))\n"
                + "  return 'finished'\n"
                + "end)\n"
                + "local ok, v1, v2, v3 = coroutine.resume(main)\n"
                + "print(ok, v1)"));
    }

    @Test
    void aLuaComparatorOfTableSortMayYield() {
        assertEquals("2\tnumber\nfalse\n1 2 3\n", printed(
                "local t = {3, 1, 2}\n"
                + "local co = coroutine.wrap(function()\n"
                + "  table.sort(t, function(a, b) coroutine.yield(a, b) return a < b end)\n"
                + "  return 'sorted'\n"
                + "end)\n"
                + "local first = {co()}\n"
                + "print(#first, math.type(first[1]) and type(first[2]))\n"
                + "repeat local r = co() until r == 'sorted'\n"
                + "print(coroutine.isyieldable())\n"
                + "print(table.concat(t, ' '))"));
    }

    @Test
    void aLuaGsubCallbackMayYieldThoughIsyieldableSaysNo() {
        assertEquals("a\tfalse\nXbX\t2\n", printed(
                "local co = coroutine.wrap(function()\n"
                + "  return string.gsub('aba', 'a', function(c) return coroutine.yield(c, coroutine.isyieldable()) end)\n"
                + "end)\n"
                + "print(co())\n"
                + "co('X')\n"
                + "print(co('X'))"));
    }

    @Test
    void aYieldCalledDirectlyByABuiltinWithoutContinuationIsRefused() {
        assertEquals("false\tattempt to yield across a C-call boundary\n"
                + "false\tattempt to yield across a C-call boundary\n"
                + "1\n", printed(
                "local other = coroutine.create(function() end)\n"
                + "print(coroutine.wrap(function() return pcall(table.sort, {1, 2, 3}, coroutine.yield) end)())\n"
                + "print(coroutine.wrap(function() return pcall(table.sort, {other, other}, coroutine.yieldto) end)())\n"
                + "print(coroutine.wrap(function() return pcall(coroutine.yield, 1) end)())"));
    }
}
