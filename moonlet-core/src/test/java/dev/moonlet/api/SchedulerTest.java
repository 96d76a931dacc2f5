package dev.moonlet.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Clock;
import dev.moonlet.vm.FuelTank;
import dev.moonlet.vm.Scheduler;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Task;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's Java API: turns, weights, fuel tanks, blocked tasks costing nothing,
 * {@code Fuel.interrupt}, Java futures completed on other threads, the virtual clock.
 */
class SchedulerTest {
    private static final String SPIN = "while true do end";

    private static Lua virtualLua() {
        Lua lua = new Lua();
        lua.scheduler().setClock(Clock.virtual());
        return lua;
    }

    private static Task spawn(Lua lua, String code) {
        return lua.scheduler().spawn(lua.load(code, "=" + code));
    }

    @Test
    void weightsShareTheFuelInProportion() {
        Lua lua = virtualLua();
        Task light = spawn(lua, SPIN);
        Task heavy = spawn(lua, SPIN);
        heavy.setWeight(3);
        Scheduler s = lua.scheduler();
        assertEquals(Scheduler.Progress.READY, s.run(40 * s.slice()));
        double ratio = (double) heavy.fuelUsed() / light.fuelUsed();
        assertTrue(ratio > 2.9 && ratio < 3.1, "ratio " + ratio);
    }

    @Test
    void aTaskThatLoopsForeverGetsOnlyItsTanksSustainedShare() {
        Lua lua = virtualLua();
        Scheduler s = lua.scheduler();
        Task limited = spawn(lua, SPIN);
        FuelTank tank = new FuelTank(100_000_000, 50_000); // a tenth of the virtual clock's pace
        limited.setTank(tank);
        Task free = spawn(lua, SPIN);
        s.run(20_000_000);
        double seconds = s.clock().nanoTime() / 1e9;
        long allowed = tank.capacity() + (long) (tank.rate() * seconds) + s.slice();
        assertTrue(limited.fuelUsed() <= allowed, limited.fuelUsed() + " > " + allowed);
        assertTrue(limited.fuelUsed() >= tank.rate() * seconds / 2, "starved: " + limited.fuelUsed());
        assertTrue(free.fuelUsed() > 8 * limited.fuelUsed(), "free " + free.fuelUsed() + ", limited " + limited.fuelUsed());
    }

    @Test
    void aThrottledTaskAloneWaitsForItsRefillWithoutSpinning() {
        Lua lua = virtualLua();
        Scheduler s = lua.scheduler();
        Task limited = spawn(lua, SPIN);
        limited.setTank(new FuelTank(1_000_000, 20_000));
        s.run(5_000_000);
        double seconds = s.clock().nanoTime() / 1e9;
        // Time jumped to each refill: the task got its rate, and the clock ran ahead of the work.
        assertTrue(seconds > 4, "virtual seconds " + seconds);
        assertTrue(limited.fuelUsed() <= 20_000 + 1_000_000 * seconds + s.slice());
        assertEquals(Task.State.READY, limited.state());
    }

    @Test
    void aBlockedTaskIsNotPolledAndUsesNoFuel() {
        Lua lua = virtualLua();
        Scheduler s = lua.scheduler();
        Task receiver = spawn(lua, "return task.recv()");
        spawn(lua, SPIN);
        s.run(s.slice());
        assertEquals(Task.State.WAITING, receiver.state());
        long used = receiver.fuelUsed();
        s.run(100 * s.slice());
        assertEquals(used, receiver.fuelUsed());
        assertEquals("task 1: waiting (task.recv)", receiver.describe());
        assertEquals(List.of(receiver), s.waitingTasks());
        assertTrue(receiver.send(LuaString.of("hi")));
        s.run(2 * s.slice());
        assertEquals(Task.State.DEAD, receiver.state());
        assertArrayEquals(new Object[] {LuaString.of("hi")}, ((Status.Finished) receiver.outcome()).values());
    }

    @Test
    void fuelInterruptFromAJavaFunctionEndsTheSliceAtOnce() {
        Lua lua = virtualLua();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lua.setOutput(out);
        // piccolo's example: a print that ends the turn, so that tasks printing interleave line by line.
        lua.register("say", Builtin.of("say", (co, args) -> {
            co.fuel().interrupt();
            return lua.call(lua.get("print"), args);
        }));
        Scheduler s = lua.scheduler();
        s.setSlice(1_000_000_000);
        spawn(lua, "for i = 1, 3 do say('a', i) end");
        spawn(lua, "for i = 1, 3 do say('b', i) end");
        s.run();
        assertEquals("a\t1\nb\t1\na\t2\nb\t2\na\t3\nb\t3\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTaskWaitsForAJavaFutureCompletedOnAnotherThreadWhileTheOthersRun() throws Exception {
        Lua lua = new Lua();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lua.setOutput(out);
        CompletableFuture<String> reply = new CompletableFuture<>();
        CountDownLatch othersRan = new CountDownLatch(1);
        lua.register("fetch", Builtin.of("fetch", (co, args) -> Lua.await(reply)));
        lua.register("signal", Builtin.of("signal", (co, args) -> {
            othersRan.countDown();
            return null;
        }));
        Thread completer = new Thread(() -> {
            try {
                if (othersRan.await(1, TimeUnit.MINUTES)) reply.complete("from another thread");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        completer.start();
        Task fetcher = spawn(lua, "print('fetching'); print(fetch()); return 'fetched'");
        spawn(lua, "print('others run'); signal()");
        Status s = lua.scheduler().runUntil(fetcher);
        completer.join();
        assertInstanceOf(Status.Finished.class, s);
        assertEquals("fetching\nothers run\nfrom another thread\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedFutureIsRaisedAsALuaError() {
        Lua lua = new Lua();
        CompletableFuture<Object> failing = new CompletableFuture<>();
        failing.completeExceptionally(new IllegalStateException("no route to host"));
        lua.register("fetch", Builtin.of("fetch", (co, args) -> Lua.await(failing)));
        Object[] r = lua.run("return pcall(fetch)");
        assertEquals(false, r[0]);
        assertEquals(LuaString.of("no route to host"), r[1]);
    }

    @Test
    void theVirtualClockMakesSleepsInstantAndDeterministic() {
        String program = "local t = {}\n"
                + "for i = 1, 5 do task.spawn(function() task.sleep(3600 / i); t[#t + 1] = i end) end\n"
                + "task.sleep(7200)\n"
                + "return table.concat(t, ' ')";
        Lua first = virtualLua();
        Lua second = virtualLua();
        Object[] r1 = first.run(program);
        Object[] r2 = second.run(program);
        assertEquals(LuaString.of("5 4 3 2 1"), r1[0]);
        assertArrayEquals(r1, r2);
        assertTrue(first.scheduler().clock().nanoTime() >= 7200_000_000_000L);
        assertEquals(first.scheduler().clock().nanoTime(), second.scheduler().clock().nanoTime());
    }

    @Test
    void aCallThatWaitsForeverIsADeadlock() {
        Lua lua = new Lua();
        LuaError e = assertThrows(LuaError.class, () -> lua.run("return task.recv()"));
        assertTrue(e.getMessage().startsWith("deadlock"), e.getMessage());
        assertTrue(lua.scheduler().tasks().isEmpty(), "the deadlocked call's task is gone");
    }

    @Test
    void aCallWaitingForAFutureEndsWhenItsThreadIsInterrupted() throws Exception {
        Lua lua = new Lua();
        CountDownLatch waiting = new CountDownLatch(1);
        lua.register("forever", Builtin.of("forever", (co, args) -> {
            waiting.countDown();
            return Lua.await(new CompletableFuture<>());
        }));
        LuaError[] error = new LuaError[1];
        Thread caller = new Thread(() -> {
            try {
                lua.run("return forever()");
            } catch (LuaError e) {
                error[0] = e;
            }
        });
        caller.start();
        assertTrue(waiting.await(1, TimeUnit.MINUTES));
        caller.interrupt();
        caller.join();
        assertEquals("interrupted", error[0].getMessage());
        assertTrue(lua.scheduler().tasks().isEmpty());
    }

    @Test
    void aHostDrivingTheSchedulerInBoundedRunsWaitsForTimersWithoutSpinning() {
        Lua lua = new Lua();
        Scheduler s = lua.scheduler();
        Task sleeper = spawn(lua, "task.sleep(0.05) return 'awake'");
        Task other = spawn(lua, "return 1");
        int waits = 0;
        while (s.run(1_000_000, sleeper) != Scheduler.Progress.DONE && sleeper.state() != Task.State.DEAD) {
            assertTrue(s.awaitWork(TimeUnit.MINUTES.toNanos(1)));
            waits++;
        }
        assertEquals(LuaString.of("awake"), ((Status.Finished) sleeper.outcome()).values()[0]);
        // Each wait lasts until the timer is due (a spin would count in the thousands).
        assertTrue(waits < 1000, "waits: " + waits);
        assertEquals(sleeper.fuelUsed() + other.fuelUsed(), s.fuelUsed());
    }

    @Test
    void tasksFromJavaGetMessagesAndCanBeKilled() {
        Lua lua = virtualLua();
        Scheduler s = lua.scheduler();
        Task doubler = spawn(lua, "local a, b = task.recv() return a * 2, b");
        Task forever = spawn(lua, "task.recv(); task.recv()");
        doubler.send(21L, LuaString.of("x"));
        forever.send(1L);
        assertEquals(Scheduler.Progress.DONE, s.run(Long.MAX_VALUE));
        assertArrayEquals(new Object[] {42L, LuaString.of("x")}, ((Status.Finished) doubler.outcome()).values());
        assertEquals(Task.State.WAITING, forever.state());
        forever.kill();
        assertTrue(forever.wasKilled());
        assertTrue(!forever.send(2L));
        assertTrue(s.tasks().isEmpty());
    }

    @Test
    void spawnedTasksStartInTheGroupOfTheTaskThatSpawnedThem() {
        Lua lua = virtualLua();
        Task main = spawn(lua, "local child = task.spawn(function() return task.spawn(print) end)\n"
                + "return child, task.join(child)");
        main.setGroup("program");
        Task outsider = spawn(lua, "return 1");
        lua.scheduler().run();
        Object[] handles = ((Status.Finished) main.outcome()).values();
        Task child = (Task) ((Userdata) handles[0]).payload();
        Task grandchild = (Task) ((Userdata) handles[1]).payload();
        assertEquals("program", child.group());
        assertEquals("program", grandchild.group());
        assertNull(outsider.group(), "spawned from Java between turns: no group");
    }

    @Test
    void killFromJavaRunsTheCloseHandlersAndAbortRunsNone() {
        Lua lua = virtualLua();
        Scheduler s = lua.scheduler();
        lua.run("closed = {}\n"
                + "function guarded(name)\n"
                + "  local g <close> = setmetatable({}, {__close = function() closed[#closed + 1] = name end})\n"
                + "  task.recv()\n"
                + "end");
        Task killed = s.spawn(lua.get("guarded"), LuaString.of("killed"));
        Task aborted = s.spawn(lua.get("guarded"), LuaString.of("aborted"));
        assertEquals(Scheduler.Progress.DONE, s.run(Long.MAX_VALUE));
        killed.kill();
        aborted.abort();
        assertTrue(killed.isClosing());
        assertEquals(Task.State.READY, killed.state());
        assertTrue(killed.describe().endsWith(": ready (killed, closing)"), killed.describe());
        assertEquals(Task.State.DEAD, aborted.state());
        assertTrue(aborted.wasKilled());
        s.run();
        assertEquals(Task.State.DEAD, killed.state());
        assertTrue(killed.wasKilled());
        assertEquals("task killed", ((Status.Failed) killed.outcome()).error().getMessage());
        assertEquals("killed", lua.run("return table.concat(closed, ' ')")[0].toString());
    }

    @Test
    void aCloseHandlerErrorOfAKilledTaskGoesToTheFailureHandler() {
        Lua lua = virtualLua();
        Task[] failed = new Task[1];
        lua.scheduler().setFailureHandler(t -> failed[0] = t);
        lua.run("local h = task.spawn(function()\n"
                + "  local g <close> = setmetatable({}, {__close = function() error('cleanup failed', 0) end})\n"
                + "  task.recv()\n"
                + "end)\n"
                + "task.yield()\n"
                + "task.kill(h)\n"
                + "local quiet = task.spawn(task.recv)\n"
                + "task.yield()\n"
                + "task.kill(quiet)");
        lua.scheduler().run();
        assertTrue(failed[0].wasKilled());
        assertEquals(LuaString.of("cleanup failed"), ((Status.Failed) failed[0].outcome()).error().value());
    }

    @Test
    void anUnjoinedFailureGoesToTheFailureHandler() {
        Lua lua = virtualLua();
        Task[] failed = new Task[1];
        lua.scheduler().setFailureHandler(t -> failed[0] = t);
        lua.run("task.spawn(error, 'lost')");
        lua.scheduler().run();
        assertEquals(LuaString.of("lost"), ((Status.Failed) failed[0].outcome()).error().value());
        failed[0] = null;
        lua.run("local ok = pcall(task.join, task.spawn(error, 'heard'))");
        assertNull(failed[0]);
    }

    @Test
    void floodingAMailboxOrSpawningWithoutEndRunsOutOfMemoryUnderALimit() {
        Lua lua = virtualLua();
        lua.instance().heap().setLimit(lua.instance().heap().used() + (1 << 20));
        // Nothing else allocates while the memory is full: the results go straight to locals.
        Object[] r = lua.run("local h = task.spawn(task.sleep, 1e9)\n"
                + "local ok, flooded = pcall(function() while true do task.send(h, 1, 2, 3) end end)\n"
                + "task.kill(h)\n"
                + "local ok2, spawned = pcall(function() while true do task.spawn(print) end end)\n"
                + "return flooded, spawned");
        assertEquals(Heap.NOT_ENOUGH_MEMORY, r[0]);
        assertEquals(Heap.NOT_ENOUGH_MEMORY, r[1]);
    }

    @Test
    void sandboxProfilesOpenTheTaskLibraryUnlessDenied() {
        assertEquals("table", new Lua(Sandbox.untrusted()).run("return type(task)")[0].toString());
        assertNull(new Lua(Sandbox.trusted().deny("task")).run("return task")[0]);
    }

    @Test
    void theSchedulerIsNotReentrant() {
        Lua lua = new Lua();
        lua.register("nested", Builtin.of("nested", (co, args) -> {
            co.instance().scheduler().run();
            return null;
        }));
        LuaError e = assertThrows(LuaError.class, () -> lua.run("nested()"));
        assertTrue(e.getMessage().contains("already running"), e.getMessage());
    }

    @Test
    void selfIsTheSameHandleTheSpawnerGot() {
        Lua lua = virtualLua();
        Object[] r = lua.run("local me; local h = task.spawn(function() me = task.self() end); task.join(h); return h == me, h");
        assertEquals(true, r[0]);
        Task t = (Task) ((dev.moonlet.value.Userdata) r[1]).payload();
        assertSame(r[1], t.handle());
    }
}
