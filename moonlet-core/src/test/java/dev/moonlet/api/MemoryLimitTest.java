package dev.moonlet.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Builtin;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Memory bombs under a 16 MiB limit: each script allocates without end, keeping what it made
 * reachable from the global {@code keep}. Each must end with the Lua error
 * {@code "not enough memory"} (or the message lua5.4 gives for it), which {@code pcall}
 * catches; the instance must stay usable; and what the script holds in the JVM must stay a
 * small multiple of the limit (the estimates charged are not far below the truth).
 */
class MemoryLimitTest {
    private static final long LIMIT = 16L << 20;

    static Stream<Arguments> bombs() {
        return Stream.of(
                bomb("array part", "for i = 1, math.huge do keep[i] = i end"),
                bomb("array of floats", "for i = 1, math.huge do keep[i] = i + 0.5 end"),
                bomb("hash part", "for i = 1, math.huge do keep[i * 0.5] = -i end"),
                bomb("string keys", "for i = 1, math.huge do keep['k' .. i] = true end"),
                bomb("tables of tables", "for i = 1, math.huge do keep[i] = {i, i, i, x = i} end"),
                bomb("table constructors", "for i = 1, math.huge do keep[i] = {1, 2, 3, 4, 5, 6, 7, 8} end"),
                bomb("table.pack", "for i = 1, math.huge do keep[i] = table.pack(i, i, i, i) end"),
                bomb("concatenation loop", "local s = 'x' while true do s = s .. s .. 'y' keep[1] = s end"),
                bomb("concatenations kept", "for i = 1, math.huge do keep[i] = 'item number ' .. i end"),
                bomb("string.rep at once", "keep[1] = string.rep('x', 1e9)"),
                bomb("string.rep method", "keep[1] = ('x'):rep(1e9)"),
                bomb("string.rep doubling", "local s = 'x' while true do s = s:rep(2) keep[1] = s end"),
                bomb("string.format", "for i = 1, math.huge do keep[i] = string.format('%99d%99d%99d', i, i, i) end"),
                bomb("string.format %s", "local s = 'x' while true do s = string.format('%s%s', s, s) keep[1] = s end"),
                bomb("gsub expansion", "local s = ('x'):rep(100) while true do s = s:gsub('x', 'xx') keep[1] = s end"),
                bomb("gsub results", "for i = 1, math.huge do keep[i] = ('abc'):rep(10):gsub('b', 'BB') end"),
                bomb("string.sub", "local s = ('x'):rep(1000) for i = 1, math.huge do keep[i] = s:sub(2) end"),
                bomb("upper", "local s = ('x'):rep(1000) for i = 1, math.huge do keep[i] = s:upper() end"),
                bomb("table.concat", "local t = {} for i = 1, 100 do t[i] = ('x'):rep(10000) end "
                        + "while true do keep[#keep + 1] = table.concat(t, ',') end"),
                bomb("table.concat at once", "local s = ('x'):rep(1 << 20) local t = {} for i = 1, 64 do t[i] = s end "
                        + "keep[1] = table.concat(t)"),
                bomb("gmatch captures", "local s = ('abc '):rep(1000) while true do "
                        + "for w in s:gmatch('%a+') do keep[#keep + 1] = w end end"),
                bomb("string.char", "for i = 1, math.huge do keep[i] = string.char(65, 66, 67, 68, 69, 70) end"),
                bomb("tostring", "for i = 1, math.huge do keep[i] = tostring(i) end"),
                bomb("coroutines", "for i = 1, math.huge do keep[i] = coroutine.create(print) end"),
                bomb("coroutine.wrap", "for i = 1, math.huge do keep[i] = coroutine.wrap(print) end"),
                bomb("deep coroutines", "local function deep(n) if n == 0 then coroutine.yield() else deep(n - 1) end end "
                        + "for i = 1, math.huge do local co = coroutine.create(deep) coroutine.resume(co, 5000) keep[i] = co end"),
                bomb("deep recursion", "local function f(n) local a, b, c = n, n, n return 1 + f(n + 1) end f(1)"),
                bomb("closures", "for i = 1, math.huge do local x = i keep[i] = function() return x end end"),
                bomb("closures with upvalues", "for i = 1, math.huge do local a, b, c = i, i, i "
                        + "keep[i] = function() return a + b + c end end"),
                bomb("load", "for i = 1, math.huge do keep[i] = load('return ' .. i) end"),
                bomb("varargs", "local function f(...) keep[#keep + 1] = {...} end "
                        + "while true do f(1, 2, 3, 4, 5, 6, 7, 8) end"),
                bomb("os.date", "for i = 1, math.huge do keep[i] = os.date('%c', i) end"),
                bomb("utf8.char", "for i = 1, math.huge do keep[i] = utf8.char(1000, 2000, 3000) end"),
                bomb("string.pack", "for i = 1, math.huge do keep[i] = string.pack('i8i8i8', i, i, i) end"),
                bomb("prompt continuations", DEEP_ABORT + "for i = 1, math.huge do "
                        + "keep[i] = prompt.call('t', deep, function(k) return k end, 40) end"),
                bomb("prompt.clone", DEEP_ABORT + "local k = prompt.call('t', deep, function(k) return k end, 40) "
                        + "for i = 1, math.huge do keep[i] = prompt.clone(k) end"),
                bomb("effect continuations", "local tag = effect.tag('t') "
                        + "local function deep(n) if n == 0 then return effect.suspend(tag) end return deep(n - 1) + 1 end "
                        + "local clauses = {[tag] = function(k) return k end} "
                        + "for i = 1, math.huge do keep[i] = effect.resume(effect.new(deep), clauses, 40) end"),
                bomb("effect.new", "for i = 1, math.huge do keep[i] = effect.new(print) end"),
                bomb("effect.bind", "for i = 1, math.huge do keep[i] = effect.bind(effect.new(print), i, i, i, i, i, i, i, i) end"));
    }

    /** A function that aborts to prompt {@code 't'} from {@code n} calls deep. */
    private static final String DEEP_ABORT = "local function deep(n) "
            + "if n == 0 then return prompt.abort('t') end local a, b, c = n, n, n return deep(n - 1) + a end ";

    private static Arguments bomb(String name, String body) {
        return Arguments.of(name, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void aBombEndsWithNotEnoughMemoryAndTheInstanceStaysUsable(String name, String body) {
        Lua lua = new Lua();
        long baseline = jvmHeapUsed();
        lua.setLimits(Limits.NONE.withMemory(LIMIT));
        Object[] r = lua.run("keep = {} return pcall(function() " + body + " end)");
        assertArrayEquals(new Object[] {false, LuaString.of("not enough memory")}, r, name);
        // A charge never takes the count over the limit; a collection may find a little more
        // live than was charged (its estimates of what it reaches), never much more.
        assertTrue(lua.memoryPeak() < 2 * LIMIT, "peak " + lua.memoryPeak());
        long held = jvmHeapUsed() - baseline;
        assertTrue(held < 3 * LIMIT, name + " holds " + (held >> 20) + " MiB of JVM heap");
        // Usable under the same limit once the bomb is dropped: nothing was left half done, and
        // the collector gives back what is no longer reachable.
        // Even running "keep = nil" needs a little memory (a chunk, an executor), which a full
        // heap cannot give: drop the bomb with room to spare, then come back to the limit.
        lua.setLimits(Limits.NONE.withMemory(2 * LIMIT));
        lua.run("keep = nil");
        lua.setLimits(Limits.NONE.withMemory(LIMIT));
        assertArrayEquals(new Object[] {3L}, lua.run("local t = {1, 2} t[#t + 1] = 3 return #t"));
        assertArrayEquals(new Object[] {true}, lua.run("keep = {} for i = 1, 1000 do keep[i] = {i} end return true"));
    }

    /** The JVM heap in use after a full collection (the measure of what is still reachable). */
    private static long jvmHeapUsed() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void anInstanceLeftAtItsLimitStillClosesAndRunsItsFinalizers() {
        Lua lua = new Lua();
        StringBuilder finalized = new StringBuilder();
        lua.register("note", Builtin.of("note", (co, args) -> {
            finalized.append(args[0]);
            return null;
        }));
        lua.setLimits(Limits.NONE.withMemory(LIMIT));
        // Continuations of a few KiB each fill the heap, then small tables to within one of them of the limit.
        Object[] r = lua.run("guarded = setmetatable({}, {__gc = function() note('finalized') end})\n"
                + DEEP_ABORT + "keep = {}\n"
                + "local big = pcall(function() for i = 1, math.huge do keep[i] = prompt.call('t', deep, function(k) return k end, 40) end end)\n"
                + "return big, pcall(function() local l = {} keep.list = l while true do l.next = {} l = l.next end end)");
        assertArrayEquals(new Object[] {false, false, LuaString.of("not enough memory")}, r);
        lua.close();
        assertEquals("finalized", finalized.toString());
    }

    @Test
    void aRequestBeyondWhatLuaAllowsKeepsLuasMessage() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withMemory(LIMIT));
        assertArrayEquals(new Object[] {false, LuaString.of("resulting string too large")},
                lua.run("return pcall(string.rep, 'x', 2^40)"));
    }

    @Test
    void notEnoughMemoryHasNoPositionAndCanBeCaughtInsideACoroutine() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withMemory(LIMIT));
        Object[] r = lua.run("local co = coroutine.create(function() return ('x'):rep(1e9) end) "
                + "return coroutine.resume(co)");
        assertArrayEquals(new Object[] {false, LuaString.of("not enough memory")}, r);
        Object[] e = lua.run("local ok, e = pcall(function() local s = ('x'):rep(1e9) end) return e");
        assertEquals(LuaString.of("not enough memory"), e[0]);
    }

    @Test
    void aFailedTableGrowthLeavesTheTableWhole() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withMemory(LIMIT));
        Object[] r = lua.run("t = {} local n = 0 local ok = pcall(function() for i = 1, math.huge do t[i] = i n = i end end) "
                + "for i = 1, n do assert(t[i] == i) end return ok, #t == n, n > 1000");
        assertArrayEquals(new Object[] {false, true, true}, r);
    }

    @Test
    void afterDroppingItsReferencesAScriptCanAllocateAgain() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withMemory(LIMIT));
        for (int round = 0; round < 3; round++) {
            Object[] r = lua.run("keep = {} local ok, e = pcall(function() for i = 1, math.huge do keep[i] = {} end end) "
                    + "local n = #keep keep = nil return ok, e, n");
            assertEquals(false, r[0]);
            assertEquals(LuaString.of("not enough memory"), r[1]);
            assertTrue((Long) r[2] > 50_000, "round " + round + " made " + r[2]);
        }
    }

    @Test
    void garbageAloneNeverRunsOutOfMemory() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withMemory(LIMIT));
        // About 60 MiB made in all, never more than a little of it reachable.
        assertArrayEquals(new Object[] {true}, lua.run("local s = ('x'):rep(1000) for i = 1, 200000 do "
                + "local t = {i, i, i, i} local u = s .. i local f = function() return t end end return true"));
        assertTrue(lua.memoryPeak() < 2 * LIMIT, "peak " + lua.memoryPeak());
    }

    @Test
    void anEndlessFileIsNotReadWhole() {
        Lua lua = new Lua();
        lua.setLimits(Limits.NONE.withMemory(LIMIT));
        Object[] r = lua.run("local ok, f, e = pcall(loadfile, '/dev/zero') return ok, f, e");
        assertEquals(LuaString.of("not enough memory"), r[0] == Boolean.FALSE ? r[1] : r[2], String.valueOf(r[1]));
    }

    @Test
    void aGsubThatChangesNothingGivesItsBufferBack() {
        Lua lua = new Lua();
        lua.run("s = ('x'):rep(100000)");
        long before = lua.memoryUsed();
        lua.run("for i = 1, 10 do assert(s:gsub('y', 'z') == s) end");
        assertTrue(lua.memoryUsed() - before < 100_000, "grew " + (lua.memoryUsed() - before));
    }

    @Test
    void memoryUsedGrowsWithWhatTheScriptMakes() {
        Lua lua = new Lua();
        long before = lua.memoryUsed();
        lua.run("big = string.rep('x', 1000000)");
        long grown = lua.memoryUsed() - before;
        assertTrue(grown >= 1_000_000 && grown < 1_100_000, "grew " + grown);
        assertTrue(lua.memoryPeak() >= lua.memoryUsed());
    }
}
