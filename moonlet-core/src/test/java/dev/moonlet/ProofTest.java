package dev.moonlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.api.Lua;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The promises of DESIGN.md, demonstrated: a step always returns; Lua recursion and yields
 * need no Java stack; several executors share one instance, taking turns.
 */
class ProofTest {
    /** A Java stack far too small for one Java frame per Lua call. */
    private static final long SMALL_STACK = 256 * 1024;

    @Test
    void anInfiniteLoopNeverKeepsTheThread() {
        Lua lua = new Lua();
        Executor small = lua.start(lua.load("while true do end", "=spin"));
        for (int i = 0; i < 1000; i++) {
            assertInstanceOf(Status.Running.class, small.step(1000));
        }
        Executor many = lua.start(lua.load("while true do end", "=spin"));
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            assertInstanceOf(Status.Running.class, many.step(10_000));
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertTrue(seconds < 60, "10,000 steps of 10,000 took " + seconds + " s");
    }

    @Test
    void deepRecursionRunsOnASmallJavaStack() throws InterruptedException {
        Object[] r = onSmallStack("local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end\n"
                + "return depth(150000)");
        assertArrayEquals(new Object[] {150000L}, r);
    }

    @Test
    void aYieldFromAMetamethodInsidePcallInsideACoroutineRunsOnASmallJavaStack() throws InterruptedException {
        Object[] r = onSmallStack(
                "local mt = {__add = function(a, b) return coroutine.yield('in __add') + 1 end}\n"
                + "local co = coroutine.create(function()\n"
                + "  return pcall(function() return setmetatable({}, mt) + 1 end)\n"
                + "end)\n"
                + "local _, first = coroutine.resume(co)\n"
                + "local _, ok, sum = coroutine.resume(co, 41)\n"
                + "return first, ok, sum, coroutine.status(co)");
        assertEquals("in __add", Lua.toJava(r[0]));
        assertEquals(true, r[1]);
        assertEquals(42L, r[2]);
        assertEquals("dead", Lua.toJava(r[3]));
    }

    /** Runs {@code code} to completion on a new thread with a 256 KiB stack; its results. */
    private static Object[] onSmallStack(String code) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Runnable body = () -> {
            try {
                outcome.set(new Lua().run(code));
            } catch (Throwable t) {
                outcome.set(t);
            }
        };
        Thread t = new Thread(null, body, "small", SMALL_STACK);
        t.start();
        t.join();
        if (outcome.get() instanceof Throwable) throw new AssertionError("failed on the small stack", (Throwable) outcome.get());
        return (Object[]) outcome.get();
    }

    @Test
    void twoExecutorsShareOneInstanceInTurns() {
        Lua lua = new Lua();
        List<Long> seen = new ArrayList<>();
        // report(v) records v and ends the reader's step at once.
        lua.register("report", Builtin.of("report", (co, args) -> {
            seen.add((Long) args[0]);
            co.fuel().interrupt();
            return Values.NONE;
        }));
        Executor counter = lua.start(lua.load("i = 0 while true do i = i + 1 end", "=counter"));
        Executor reader = lua.start(lua.load("while true do report(i) end", "=reader"));
        counter.step(1000);
        for (int round = 0; round < 20; round++) {
            assertInstanceOf(Status.Running.class, reader.step(1000));
            assertInstanceOf(Status.Running.class, counter.step(10_000));
        }
        assertEquals(20, seen.size());
        for (int k = 1; k < seen.size(); k++) {
            assertTrue(seen.get(k) > seen.get(k - 1), "i grows between reads: " + seen);
        }
    }
}
