package dev.moonlet.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.Userdata;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The executor's contract with its embedder: stepping on a budget, results and failures,
 * waiting for futures, several executors on one instance, and no Java recursion per Lua call.
 */
class ExecutorTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Instance instance = TestLib.instance(out);

    private Executor executor(String code, Object... args) {
        Closure chunk = instance.load(code.getBytes(StandardCharsets.UTF_8), LuaString.of("=test"), "t", null);
        return new Executor(instance, chunk, args);
    }

    private static Status finish(Executor ex) {
        Status s;
        do s = ex.step(10_000); while (s instanceof Status.Running);
        return s;
    }

    private String printed() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Runs {@code body} on a thread with a 256 KiB Java stack and returns what it returned. */
    private static <T> T onSmallStack(java.util.function.Supplier<T> body) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(body.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
        return result.get();
    }

    @Test
    void finishedReportsTheValuesReturnedAndKeepsReportingThem() {
        Executor ex = executor("local a, b = ... return a + b, 'x', nil", 2L, 3L);
        Status s = finish(ex);
        Status.Finished f = assertInstanceOf(Status.Finished.class, s);
        assertArrayEquals(new Object[] {5L, LuaString.of("x"), null}, f.values());
        assertSame(s, ex.step(100));
    }

    @Test
    void anInfiniteLoopReturnsFromEveryStep() {
        Executor ex = executor("while true do end");
        for (int i = 0; i < 1000; i++) {
            assertSame(Status.RUNNING, ex.step(1000));
            long left = ex.fuel().remaining();
            assertTrue(left <= 0 && left > -50, "fuel left " + left);
        }
    }

    @Test
    void everyKindOfEndlessScriptReturnsFromEveryStep() {
        String[] scripts = {
            "local function f() return f() end f()",
            "local function f() f() end f()",
            "local t = setmetatable({}, {__index = function(t, k) return t[k] end}) local x = t.x",
            "local s = '' while true do s = s .. 'x' if #s > 1000 then s = '' end end",
            "local co = coroutine.wrap(function() while true do coroutine.yield() end end) while true do co() end",
            "while true do pcall(error, 'x') end",
            "repeat local x = {} until false",
            "for i = 1, math and 0 or 1e300, 0.5 do end",
        };
        for (String code : scripts) {
            Executor ex = executor(code);
            for (int i = 0; i < 300; i++) {
                Status s = ex.step(500);
                if (s instanceof Status.Failed) break; // a stack overflow ends some of them
                assertSame(Status.RUNNING, s, code);
                // A step that ends a collection cycle does its atomic phase at once (marking
                // the roots and every stack again) and charges that work as fuel, so it may
                // overshoot in proportion to the heap's size, as a collector pause.
                long allowed = 200 + 2 * ex.instance().heap().peak() / Collector.WORK_PER_FUEL;
                assertTrue(ex.fuel().remaining() > -allowed, code + ": fuel " + ex.fuel().remaining());
            }
        }
    }

    @Test
    void interruptEndsTheStepAtOnce() {
        Executor ex = executor("for i = 1, 3 do print(i) interrupt() end");
        assertSame(Status.RUNNING, ex.step(1_000_000));
        assertEquals("1\n", printed());
        assertSame(Status.RUNNING, ex.step(1_000_000));
        assertEquals("1\n2\n", printed());
    }

    @Test
    void builtinsChargeTheirWork() {
        Executor ex = executor("spin(5000) print('after')");
        assertSame(Status.RUNNING, ex.step(1000));
        assertEquals("", printed());
        assertInstanceOf(Status.Finished.class, finish(ex));
        assertEquals("after\n", printed());
    }

    @Test
    void deepRecursionRunsOnASmallJavaStack() throws InterruptedException {
        Status s = onSmallStack(() -> finish(executor(
                "local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end return sum(150000)")));
        assertArrayEquals(new Object[] {11250075000L}, assertInstanceOf(Status.Finished.class, s).values());
    }

    @Test
    void yieldFromAMetamethodInsidePcallInsideACoroutineOnASmallStack() throws InterruptedException {
        Status s = onSmallStack(() -> finish(executor("""
                local t = setmetatable({}, {__index = function(t, k) return coroutine.yield(k) end,
                                            __lt = function(a, b) return coroutine.yield('lt') end})
                local co = coroutine.wrap(function()
                  local ok, v = pcall(function() return t.key .. tostring(t < t) end)
                  return ok, v
                end)
                local a = co()
                local b = co(a .. '!')
                return a, b, co(true)
                """)));
        assertArrayEquals(new Object[] {LuaString.of("key"), LuaString.of("lt"), true, LuaString.of("key!true")},
                assertInstanceOf(Status.Finished.class, s).values());
    }

    @Test
    void deepMetamethodAndSequenceChainsRunOnASmallStack() throws InterruptedException {
        Status s = onSmallStack(() -> finish(executor("""
                local t = setmetatable({}, {__index = function(t, k) if k == 0 then return 0 end return t[k - 1] + 1 end})
                local function viaJava(n) if n == 0 then return 0 end return callf(viaJava, n - 1) + 1 end
                return t[20000], viaJava(150)
                """)));
        assertArrayEquals(new Object[] {20000L, 150L}, assertInstanceOf(Status.Finished.class, s).values());
    }

    @Test
    void uncaughtErrorsFailWithTheTracebackOfTheErrorPoint() {
        Executor ex = executor("""
                local function inner() error('boom') end
                local function outer() inner() end
                outer()
                """);
        Status.Failed f = assertInstanceOf(Status.Failed.class, finish(ex));
        assertEquals("test:1: boom", f.error().getMessage());
        assertEquals("""
                stack traceback:
                \t[C]: in function 'error'
                \ttest:1: in upvalue 'inner'
                \ttest:2: in local 'outer'
                \ttest:3: in main chunk
                \t[C]: in ?""", f.error().traceback());
        assertSame(f, ex.step(10));
    }

    @Test
    void caughtErrorsRecordNoTraceback() {
        AtomicReference<LuaError> seen = new AtomicReference<>();
        instance.globals().put(LuaString.of("probe"), Builtin.of("probe", (co, args) -> new Sequence() {
            boolean called;

            @Override
            public Action poll(Coroutine c, Object[] results) {
                if (called) return new Action.Return(results);
                called = true;
                return new Action.Call(args[0], Values.NONE);
            }

            @Override
            public Action error(Coroutine c, LuaError e) {
                seen.set(e);
                return new Action.Return(new Object[] {false});
            }

            @Override
            public boolean catchesErrors() {
                return true;
            }
        }));
        assertInstanceOf(Status.Finished.class, finish(executor("probe(function() error('x') end)")));
        assertNull(seen.get().traceback());
    }

    @Test
    void javaExceptionsFromBuiltinsBecomeLuaErrors() {
        instance.globals().put(LuaString.of("broken"), Builtin.of("broken", (co, args) -> {
            throw new IllegalStateException("bug");
        }));
        Executor ex = executor("local ok, e = pcall(broken) print(ok, e) broken()");
        Status.Failed f = assertInstanceOf(Status.Failed.class, finish(ex));
        assertEquals("false\tinternal error: java.lang.IllegalStateException: bug\n", printed());
        assertInstanceOf(IllegalStateException.class, f.error().getCause());
    }

    @Test
    void twoExecutorsOnOneInstanceInterleaveAndShareGlobals() {
        Executor a = executor("shared = 0 for i = 1, 1000 do shared = shared + 1 end return 'a done'");
        Executor b = executor("while shared == nil do end local seen = shared while shared < 1000 do end return seen");
        Status sa, sb;
        int rounds = 0;
        do {
            sb = b.step(200);
            sa = a.step(200);
            rounds++;
        } while (!(sa instanceof Status.Finished && sb instanceof Status.Finished));
        assertTrue(rounds > 5, "interleaved over " + rounds + " rounds");
        assertArrayEquals(new Object[] {LuaString.of("a done")}, ((Status.Finished) sa).values());
        long seen = (Long) ((Status.Finished) sb).values()[0];
        assertTrue(seen < 1000, "b saw a's progress: " + seen);
        assertEquals(1000L, instance.globals().get(LuaString.of("shared")));
    }

    @Test
    void awaitWaitsForAFutureWithoutHoldingTheThread() {
        CompletableFuture<Object> future = new CompletableFuture<>();
        Executor ex = executor("local v = await(...) print('got', v) return v", new Userdata(future));
        assertSame(Status.WAITING, ex.step(1000));
        assertSame(Status.WAITING, ex.step(1000));
        future.complete(LuaString.of("value"));
        Status.Finished f = assertInstanceOf(Status.Finished.class, finish(ex));
        assertEquals(LuaString.of("value"), f.values()[0]);
        assertEquals("got\tvalue\n", printed());
    }

    @Test
    void aFailedFutureIsALuaError() {
        CompletableFuture<Object> future = new CompletableFuture<>();
        Executor ex = executor("print(pcall(await, ...))", new Userdata(future));
        assertSame(Status.WAITING, ex.step(1000));
        future.completeExceptionally(new LuaError("remote failure"));
        assertInstanceOf(Status.Finished.class, finish(ex));
        assertEquals("false\tremote failure\n", printed());
    }

    @Test
    void symmetricTransfersRunInConstantSpace() {
        Executor ex = executor("""
                local a, b, c
                local n = 0
                a = coroutine.create(function() while true do n = n + 1 coroutine.yieldto(b) end end)
                b = coroutine.create(function() while true do n = n + 1 coroutine.yieldto(c) end end)
                c = coroutine.create(function()
                  while true do
                    n = n + 1
                    if n >= 300000 then coroutine.yield(n) end
                    coroutine.yieldto(a)
                  end
                end)
                return coroutine.resume(a)
                """);
        Status.Finished f = assertInstanceOf(Status.Finished.class, finish(ex));
        assertArrayEquals(new Object[] {true, 300000L}, f.values());
        assertTrue(ex.mainCoroutine().frameCount <= 1);
    }

    @Test
    void yieldToTransfersValuesAndKeepsTheResumer() {
        Executor ex = executor("""
                local b = coroutine.create(function(x) print('b got', x) local y = coroutine.yield('from b') print('b resumed', y) return 'b done' end)
                local a = coroutine.create(function() local r = coroutine.yieldto(b, 'hello') print('a resumed with', r) return 'a done' end)
                print(coroutine.resume(a))
                print(coroutine.status(a), coroutine.status(b))
                print(coroutine.resume(b, 'again'))
                print(coroutine.resume(a, 'back'))
                print(pcall(coroutine.yieldto, b))
                """);
        assertInstanceOf(Status.Finished.class, finish(ex));
        assertEquals("""
                b got\thello
                true\tfrom b
                suspended\tsuspended
                b resumed\tagain
                true\tb done
                a resumed with\tback
                true\ta done
                false\tattempt to yield from outside a coroutine
                """, printed());
    }

    @Test
    void tailCallsThroughBuiltinsRunInConstantSpace() {
        instance.globals().put(LuaString.of("tailcall"), Builtin.of("tailcall", (co, args) -> new Sequence() {
            @Override
            public Action poll(Coroutine c, Object[] results) {
                return new Action.TailCall(args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
            }
        }));
        Executor ex = executor("""
                local function f(n) if n == 0 then return 'done' end return tailcall(f, n - 1) end
                return f(1000000)
                """);
        Status s;
        int maxFrames = 0;
        do {
            s = ex.step(1000);
            maxFrames = Math.max(maxFrames, ex.mainCoroutine().frameCount);
        } while (s instanceof Status.Running);
        assertArrayEquals(new Object[] {LuaString.of("done")}, assertInstanceOf(Status.Finished.class, s).values());
        assertTrue(maxFrames <= 3, "frames: " + maxFrames);
    }

    @Test
    void closingASuspendedCoroutineFromJava() {
        Executor ex = executor("""
                co = coroutine.create(function()
                  local x <close> = setmetatable({}, {__close = function(_, e) print('closed', e) end})
                  coroutine.yield()
                end)
                coroutine.resume(co)
                """);
        assertInstanceOf(Status.Finished.class, finish(ex));
        Coroutine co = (Coroutine) instance.globals().get(LuaString.of("co"));
        assertSame(Coroutine.State.SUSPENDED, co.state());
        Sequence closing = co.close();
        assertSame(Coroutine.State.RUNNING, co.state(), "running while its handlers run");
        Executor closer = new Executor(instance, Builtin.of("closer", (c, args) -> closing));
        Status.Finished f = assertInstanceOf(Status.Finished.class, finish(closer));
        assertArrayEquals(new Object[] {true}, f.values());
        assertSame(Coroutine.State.DEAD, co.state());
        assertEquals("closed\tnil\n", printed());
    }

    @Test
    void whereGivesThePositionOfALevel() {
        AtomicReference<String> where = new AtomicReference<>();
        instance.globals().put(LuaString.of("here"), Builtin.of("here", (co, args) -> {
            where.set(co.where(0) + "|" + co.where(1) + "|" + co.where(2) + "|" + co.where(9));
            return Values.NONE;
        }));
        assertInstanceOf(Status.Finished.class, finish(executor("\nlocal function f()\n here()\nend\nf()")));
        assertEquals("|test:3: |test:5: |", where.get());
    }

    @Test
    void argumentErrorsOfSequencesAreCompletedToo() {
        instance.globals().put(LuaString.of("seqcheck"), Builtin.of("lib.seqcheck", (co, args) -> new Sequence() {
            @Override
            public Action poll(Coroutine c, Object[] results) {
                throw new ArgumentError(2, "number expected, got no value");
            }
        }));
        assertInstanceOf(Status.Finished.class, finish(executor("""
                print(pcall(seqcheck))
                print(pcall(function() seqcheck() end))
                local t = {m = seqcheck}
                print(pcall(function() t:m() end))
                seqcheck = nil
                print(pcall(t.m))
                """)));
        // Without a name at the call site: where the loaded modules have it (_G.seqcheck), else '?'.
        assertEquals("""
                false\tbad argument #2 to 'seqcheck' (number expected, got no value)
                false\ttest:2: bad argument #2 to 'seqcheck' (number expected, got no value)
                false\ttest:4: bad argument #1 to 'm' (number expected, got no value)
                false\tbad argument #2 to '?' (number expected, got no value)
                """, printed());
    }

    @Test
    void loadRejectsTextChunksInBinaryMode() {
        LuaError e = org.junit.jupiter.api.Assertions.assertThrows(LuaError.class,
                () -> instance.load("return 1".getBytes(StandardCharsets.UTF_8), LuaString.of("=x"), "b", null));
        assertEquals("attempt to load a text chunk (mode is 'b')", e.getMessage());
    }

    @Test
    void loadUsesTheGivenEnvironment() {
        dev.moonlet.value.LuaTable env = new dev.moonlet.value.LuaTable();
        env.put(LuaString.of("x"), 42L);
        Closure c = instance.load("return x".getBytes(StandardCharsets.UTF_8), LuaString.of("=x"), "t", env);
        Status.Finished f = assertInstanceOf(Status.Finished.class, finish(new Executor(instance, c)));
        assertArrayEquals(new Object[] {42L}, f.values());
    }

    @Test
    void pinnedValuesLiveInTheRegistry() {
        Object v = new dev.moonlet.value.LuaTable();
        instance.pin(v);
        instance.pin(v);
        instance.unpin(v);
        assertNotNull(((dev.moonlet.value.LuaTable) instance.registry().get(LuaString.of("_PINNED"))).get(v));
        instance.unpin(v);
        assertNull(((dev.moonlet.value.LuaTable) instance.registry().get(LuaString.of("_PINNED"))).get(v));
    }

    @Test
    void aPauseEndsTheStepWhenTheFuelIsSpentAndPollsAgainWithNoResults() {
        // count(n) does n units of work by itself, pausing whenever the fuel is spent.
        instance.globals().put(LuaString.of("count"), Builtin.of("count", (co, args) -> new Sequence() {
            long left = (Long) args[0];
            int polls;

            @Override
            public Action poll(Coroutine c, Object[] results) {
                assertEquals(0, results.length);
                polls++;
                while (left > 0) {
                    left--;
                    c.fuel().consume(1);
                    if (c.fuel().exhausted()) return Action.Pause.INSTANCE;
                }
                return new Action.Return(new Object[] {(long) polls});
            }
        }));
        Executor ex = executor("return count(1000)");
        int steps = 0;
        Status s;
        do {
            s = ex.step(100);
            steps++;
            if (s instanceof Status.Running) {
                long left = ex.fuel().remaining();
                assertTrue(left <= 0 && left > -5, "fuel left " + left);
            }
        } while (s instanceof Status.Running);
        assertTrue(steps >= 10, steps + " steps");
        long polls = (Long) assertInstanceOf(Status.Finished.class, s).values()[0];
        assertTrue(polls >= 10, polls + " polls");
        // With fuel to spare, a pause polls again within the same step.
        assertEquals(1L, ((Status.Finished) finish(executor("return count(10)"))).values()[0]);
    }
}
