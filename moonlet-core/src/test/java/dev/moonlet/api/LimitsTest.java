package dev.moonlet.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import org.junit.jupiter.api.Test;

/** The limits other than memory (see {@link MemoryLimitTest}), and {@link Limits} itself. */
class LimitsTest {
    private static Status runToEnd(Executor ex) {
        Status s;
        do s = ex.step(10_000); while (s instanceof Status.Running);
        return s;
    }

    @Test
    void spendingTheFuelLimitEndsTheExecutionAndPcallCannotCatchIt() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withFuel(1_000_000));
        Executor ex = lua.start(lua.load(
                "caught = 0 while true do local ok = pcall(function() while true do end end) caught = caught + 1 end", "=spin"));
        Status s = runToEnd(ex);
        LuaError e = assertInstanceOf(Status.Failed.class, s).error();
        assertEquals(LuaString.of(Executor.OUT_OF_FUEL), e.value());
        assertTrue(e.traceback().contains("spin:1:"), e.traceback());
        assertEquals(0L, lua.get("caught"));
        assertTrue(lua.fuelSpent() >= 1_000_000, "spent " + lua.fuelSpent());
        // The budget is the instance's: a later execution fails at its first step.
        Status next = lua.start(lua.load("return 1", "=later")).step(10_000);
        assertEquals(LuaString.of(Executor.OUT_OF_FUEL), assertInstanceOf(Status.Failed.class, next).error().value());
    }

    @Test
    void workWithinTheFuelLimitFinishes() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withFuel(1_000_000));
        assertArrayEquals(new Object[] {5050L}, lua.run("local s = 0 for i = 1, 100 do s = s + i end return s"));
    }

    @Test
    void aDeepCallPastTheCallDepthIsLuasStackOverflow() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withCallDepth(100));
        Object[] r = lua.run("local depth = 0 local function f() depth = depth + 1 return 1 + f() end "
                + "local ok, e = pcall(f) return ok, e, depth");
        assertEquals(false, r[0]);
        assertTrue(r[1].toString().endsWith(": stack overflow"), r[1].toString());
        assertTrue((Long) r[2] < 100 && (Long) r[2] > 90, "depth " + r[2]);
        // Handled, the limit holds again in full, and shallower code runs.
        assertArrayEquals(new Object[] {false, 10L}, lua.run("local n = 0 local function g(k) n = n + 1 if k > 0 then return g(k - 1) + 0 end "
                + "return 0 end g(9) local ok = pcall(function() local function h() return 1 + h() end return h() end) return ok, n"));
    }

    @Test
    void theCallDepthAppliesToCoroutinesAndMessageHandlersStillRun() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withCallDepth(50));
        Object[] r = lua.run("local function f() return 1 + f() end "
                + "local co = coroutine.create(function() return xpcall(f, function(m) return 'handled: ' .. m end) end) "
                + "return coroutine.resume(co)");
        assertEquals(true, r[0]);
        assertEquals(false, r[1]);
        assertTrue(r[2].toString().startsWith("handled: ") && r[2].toString().endsWith("stack overflow"), r[2].toString());
    }

    @Test
    void aStringPastTheLengthLimitIsRefused() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withStringLength(100));
        assertArrayEquals(new Object[] {false, LuaString.of("string length overflow")},
                lua.run("return pcall(string.rep, 'x', 101)"));
        Object[] concat = lua.run("return pcall(function() local s = ('x'):rep(60) return s .. s end)");
        assertEquals(false, concat[0]);
        assertTrue(concat[1].toString().endsWith(": string length overflow"), concat[1].toString());
        assertArrayEquals(new Object[] {100L}, lua.run("return #table.concat({('x'):rep(50), ('y'):rep(50)})"));
        assertArrayEquals(new Object[] {false, LuaString.of("string length overflow")},
                lua.run("return pcall(table.concat, {('x'):rep(50), ('y'):rep(51)})"));
    }

    @Test
    void limitsReadBackAsSet() {
        Lua lua = new Lua();
        assertEquals(Limits.NONE, lua.limits());
        Limits l = Limits.NONE.withMemory(1 << 30).withFuel(5).withCallDepth(300).withStringLength(1000);
        lua.setLimits(l);
        assertEquals(l, lua.limits());
    }

    @Test
    void sizesParseAsPeopleWriteThem() {
        assertEquals(64L << 20, Limits.parseSize("64m"));
        assertEquals(1L << 30, Limits.parseSize("1G"));
        assertEquals(512L << 10, Limits.parseSize("512k"));
        assertEquals(4096, Limits.parseSize("4096"));
        for (String bad : new String[] {"", "m", "-1", "0", "1.5g", "64mb", "99999999999999999999", "9999999999g"}) {
            assertThrows(IllegalArgumentException.class, () -> Limits.parseSize(bad), bad);
        }
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Limits.NONE.withMemory(0));
        assertThrows(IllegalArgumentException.class, () -> Limits.NONE.withFuel(-1));
        assertThrows(IllegalArgumentException.class, () -> Limits.NONE.withCallDepth(2));
        assertThrows(IllegalArgumentException.class, () -> Limits.NONE.withStringLength(-1));
    }
}
