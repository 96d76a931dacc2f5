package dev.moonlet.bounded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.api.Lua;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import org.junit.jupiter.api.Test;

/**
 * Operations whose work grows with something a script controls (the depth of the stack, the
 * length of a metamethod chain) charge fuel in proportion, so that a step of fuel 10,000 does
 * a bounded amount of them. Each test counts how many a loop gets through in one step: before
 * these charges, each cost one unit or nothing, and a step did thousands (a traceback loop
 * 10,000 calls deep held a step for seconds).
 */
class FuelChargeTest {
    private static final long FUEL = 10_000;

    /** How many times the script's loop (which counts in global {@code n}) runs in one step, once it runs. */
    private static long loopsInOneStep(String script) {
        Lua lua = new Lua();
        Executor ex = lua.start(lua.load("n = 0\n" + script, "=test"));
        for (int i = 0; i < 1_000 && count(lua) == 0; i++) {
            assertInstanceOf(Status.Running.class, ex.step(FUEL));
        }
        long before = count(lua);
        assertTrue(before > 0, "the loop never started");
        assertInstanceOf(Status.Running.class, ex.step(FUEL));
        return count(lua) - before;
    }

    /** Global {@code n}, nil (0) until the chunk's first line has run. */
    private static long count(Lua lua) {
        Object n = lua.get("n");
        return n == null ? 0 : (Long) n;
    }

    @Test
    void tracebackChargesForTheDepthOfTheStack() {
        long n = loopsInOneStep("local function deep(d)\n"
                + "  if d == 0 then while true do debug.traceback(); n = n + 1 end end\n"
                + "  return 1 + deep(d - 1)\n"
                + "end\n"
                + "deep(10000)");
        assertTrue(n <= 10, n + " tracebacks of a 10,000-deep stack in one step");
    }

    @Test
    void isyieldableChargesForTheDepthOfTheStack() {
        long n = loopsInOneStep("local function deep(d)\n"
                + "  if d == 0 then while true do coroutine.isyieldable(); n = n + 1 end end\n"
                + "  return 1 + deep(d - 1)\n"
                + "end\n"
                + "coroutine.wrap(deep)(10000)");
        assertTrue(n <= 10, n + " isyieldable calls on a 10,000-deep stack in one step");
    }

    @Test
    void indexChainChargesPerLink() {
        long n = loopsInOneStep("local t = {answer = 42}\n"
                + "for i = 1, 1500 do t = setmetatable({}, {__index = t}) end\n"
                + "while true do local _ = t.answer; n = n + 1 end");
        assertTrue(n <= 10, n + " lookups through a 1,500-table __index chain in one step");
    }

    @Test
    void libraryLookupsChargePerLinkOfAnIndexChain() {
        long n = loopsInOneStep("local t = {42}\n"
                + "for i = 1, 1500 do t = setmetatable({}, {__index = t}) end\n"
                + "while true do table.unpack(t, 1, 1); ipairs(t)(t, 0); n = n + 1 end");
        assertTrue(n <= 10, n + " library lookups through a 1,500-table __index chain in one step");
    }

    @Test
    void newindexChainChargesPerLink() {
        long n = loopsInOneStep("local t = {}\n"
                + "for i = 1, 1500 do t = setmetatable({}, {__newindex = t}) end\n"
                + "while true do t.x = nil; n = n + 1 end");
        assertTrue(n <= 10, n + " assignments through a 1,500-table __newindex chain in one step");
    }

    @Test
    void callChainThatCyclesOverflowsTheStackInOneStep() {
        Lua lua = new Lua();
        Executor ex = lua.start(lua.load("local mt = {}\n"
                + "mt.__call = setmetatable({}, mt)\n"
                + "setmetatable({}, mt)()", "=test"));
        Status s = ex.step(FUEL);
        assertInstanceOf(Status.Failed.class, s);
        assertEquals("test:3: stack overflow", ((Status.Failed) s).error().getMessage());
    }

    @Test
    void callChainPassesEveryLinkBeforeTheArguments() {
        Lua lua = new Lua();
        Object[] r = lua.run("local f = function(...) return select('#', ...), ... end\n"
                + "local a = setmetatable({}, {__call = f})\n"
                + "local b = setmetatable({}, {__call = a})\n"
                + "local n, x, y, z = b('arg')\n"
                + "return n, x == a, y == b, z");
        assertEquals(3L, r[0]);
        assertEquals(Boolean.TRUE, r[1]);
        assertEquals(Boolean.TRUE, r[2]);
        assertEquals("arg", r[3].toString());
    }

    /** The table every step below walks: a million array slots, all empty but the last. */
    private static final String SPARSE = "local t = {}\n"
            + "for i = 1, 1 << 20 do t[i] = true end\n"
            + "for i = 1, (1 << 20) - 1 do t[i] = nil end\n";

    @Test
    void nextChargesForTheEmptySlotsItPassesOver() {
        long n = loopsInOneStep(SPARSE + "while true do next(t); n = n + 1 end");
        assertTrue(n <= 10, n + " calls of next over a million empty slots in one step");
    }

    @Test
    void aGenericForOverPairsChargesForTheEmptySlotsItPassesOver() {
        long n = loopsInOneStep(SPARSE + "while true do for k in pairs(t) do end; n = n + 1 end");
        assertTrue(n <= 10, n + " traversals of a million mostly empty slots in one step");
    }
}
