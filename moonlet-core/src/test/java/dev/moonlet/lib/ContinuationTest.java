package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaError;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The {@code prompt} and {@code effect} libraries from Java: captures and splices need no Java
 * stack however deep the frames, work when stepped with any fuel, and fail cleanly (clone
 * errors that name the frame), leaving the instance usable; discarding runs {@code __close}.
 */
class ContinuationTest {
    /** A Java stack far too small for one Java frame per Lua call. */
    private static final long SMALL_STACK = 256 * 1024;

    @Test
    void anAbortFromADeepRecursionAndItsResumptionRunOnASmallJavaStack() throws InterruptedException {
        Object[] r = onSmallStack(
                "local function down(n) if n == 0 then return prompt.abort('deep', 'bottom') end return 1 + down(n - 1) end\n"
                + "return prompt.call('deep', down, function(k, where) return k(0), where end, 100000)");
        assertArrayEquals(new Object[] {100000L, Lua.toLua("bottom")}, r);
    }

    @Test
    void aContinuationOfOneHundredThousandFramesIsClonedAndBothCopiesRunOnASmallJavaStack()
            throws InterruptedException {
        Object[] r = onSmallStack(
                "local function down(n) if n == 0 then return prompt.abort('deep') end return 1 + down(n - 1) end\n"
                + "return prompt.call('deep', down, function(k) local copy = prompt.clone(k) return k(0), copy(1) end, 100000)");
        assertArrayEquals(new Object[] {100000L, 100001L}, r);
    }

    @Test
    void tenThousandNestedPromptsAndHandlersRunOnASmallJavaStack() throws InterruptedException {
        Object[] r = onSmallStack(
                "local function nest(n)\n"
                + "  if n == 0 then return prompt.abort(0, 'out') .. effect.suspend(T) end\n"
                + "  local inner = function() return nest(n - 1) end\n"
                + "  if n % 2 == 0 then return prompt.call(n, inner, error) end\n"
                + "  return effect.resume(effect.new(inner), {})\n"
                + "end\n"
                + "T = effect.tag('t')\n"
                + "local k = effect.new(function() return prompt.call(0, nest, function(k, v) return k(v) end, 10000) end)\n"
                + "return effect.resume(k, {[T] = function(k2) return effect.resume(k2, nil, '!') end})");
        assertArrayEquals(new Object[] {Lua.toLua("out!")}, r);
    }

    @Test
    void effectsRunTheSameWhateverTheFuelOfEachStep() {
        String generator = "local gen = effect.tag('gen')\n"
                + "local k = effect.new(function() for i = 1, 50 do effect.suspend(gen, i) end return 'done' end)\n"
                + "local sum, last = 0\n"
                + "while true do\n"
                + "  local r = effect.resume(k, {[gen] = function(k2, v) sum = sum + v k = k2 return 'more' end})\n"
                + "  if r ~= 'more' then last = r break end\n"
                + "end\n"
                + "return sum, last";
        for (long fuel : new long[] {1, 3, 7, 50, 1_000_000}) {
            Lua lua = new Lua();
            Executor ex = lua.start(lua.load(generator, "=gen"));
            Status s;
            int steps = 0;
            do {
                s = ex.step(fuel);
                steps++;
            } while (s instanceof Status.Running);
            assertArrayEquals(new Object[] {1275L, Lua.toLua("done")}, ((Status.Finished) s).values(), "fuel " + fuel);
            if (fuel == 1) assertTrue(steps > 100, "one unit of fuel per step took " + steps + " steps");
        }
    }

    @Test
    void cloningThroughAFrameThatCannotBeCopiedNamesItAndLeavesTheInstanceUsable() {
        Lua lua = new Lua();
        LuaError e = runError(lua, "local t = {2, 1}\n"
                + "prompt.call('s', function() table.sort(t, function(a, b) return prompt.abort('s') end) end,\n"
                + "  function(k) prompt.clone(k) end)");
        assertEquals("=c:3: cannot clone a continuation through 'table.sort' (its frame cannot be copied)",
                "=" + lua.toJava(e.value()));
        assertArrayEquals(new Object[] {3L}, lua.run("return 1 + 2"));
    }

    @Test
    void cloningWithAPendingToBeClosedVariableIsRefused() {
        Lua lua = new Lua();
        LuaError e = runError(lua, "local k\n"
                + "prompt.call('c', function() local x <close> = setmetatable({}, {__close = print}) prompt.abort('c') end,\n"
                + "  function(k2) k = k2 end)\n"
                + "effect.clone(effect.new(print))\n"
                + "prompt.clone(k)");
        assertEquals("c:5: cannot clone a continuation with a pending to-be-closed variable", lua.toJava(e.value()));
    }

    @Test
    void discardingRunsTheCloseHandlersOfTheAbandonedFramesInnermostFirst() {
        Object[] r = new Lua().run("local log = {}\n"
                + "local function closer(name) return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. ':' .. tostring(err) end}) end\n"
                + "local tag, k = effect.tag('stop')\n"
                + "effect.resume(effect.new(function()\n"
                + "  local outer <close> = closer('outer')\n"
                + "  pcall(function() local inner <close> = closer('inner') effect.suspend(tag) end)\n"
                + "end), {[tag] = function(k2) k = k2 end})\n"
                + "local before = #log\n"
                + "local ok = effect.discard(k)\n"
                + "return before, ok, table.concat(log, ' '), effect.alive(k)");
        assertArrayEquals(new Object[] {0L, true, Lua.toLua("inner:nil outer:nil"), false}, r);
    }

    @Test
    void anErrorInACloseHandlerWhileDiscardingIsReturned() {
        Object[] r = new Lua().run("local k\n"
                + "prompt.call('p', function()\n"
                + "  local x <close> = setmetatable({}, {__close = function() error('in close', 0) end})\n"
                + "  prompt.abort('p')\n"
                + "end, function(k2) k = k2 end)\n"
                + "return prompt.discard(k)");
        assertArrayEquals(new Object[] {false, Lua.toLua("in close")}, r);
    }

    /** Runs {@code code} as chunk "=c" to its end, which must be an error; the error. */
    private static LuaError runError(Lua lua, String code) {
        Executor ex = lua.start(lua.load(code, "=c"));
        Status s;
        do s = ex.step(1000); while (s instanceof Status.Running);
        return assertInstanceOf(Status.Failed.class, s).error();
    }

    /** Runs {@code code} to completion on a new thread with a 256 KiB stack; its results. */
    private static Object[] onSmallStack(String code) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                outcome.set(new Lua().run(code));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small", SMALL_STACK);
        t.start();
        t.join();
        if (outcome.get() instanceof Throwable) throw new AssertionError("failed on the small stack", (Throwable) outcome.get());
        return (Object[]) outcome.get();
    }
}
