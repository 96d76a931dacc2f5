package dev.moonlet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many instances on a few threads, each on at most one thread at a time. */
class MoonletPoolTest {
    /** Each instance: a few tasks passing numbers around, with a probe called all along. */
    private static final String SCRIPT = "local id = ...\n"
            + "local main = task.self()\n"
            + "local workers = {}\n"
            + "for w = 1, 4 do\n"
            + "  workers[w] = task.spawn(function()\n"
            + "    local sum = 0\n"
            + "    for i = 1, 2000 do probe(); sum = sum + i end\n"
            + "    task.send(main, sum)\n"
            + "  end)\n"
            + "end\n"
            + "local total = 0\n"
            + "for w = 1, 4 do total = total + task.recv() end\n"
            + "result(id, total)\n";

    @Test
    void manyInstancesRunOnAFewThreadsEachOnOneThreadAtATime() throws Exception {
        int instances = 200;
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        long[] results = new long[instances];
        List<CompletableFuture<Lua>> done = new ArrayList<>();
        try (MoonletPool pool = new MoonletPool(4, 5_000)) {
            for (int i = 0; i < instances; i++) {
                Lua lua = new Lua();
                AtomicBoolean inside = new AtomicBoolean();
                lua.register("probe", Builtin.of("probe", (co, args) -> {
                    // Two threads in the same instance at once would meet here sooner or later.
                    if (!inside.compareAndSet(false, true)) overlaps.incrementAndGet();
                    threads.add(Thread.currentThread().getName());
                    Thread.onSpinWait();
                    inside.set(false);
                    return null;
                }));
                lua.register("result", Builtin.of("result", (co, args) -> {
                    results[(int) (long) (Long) args[0]] = (Long) args[1];
                    return null;
                }));
                lua.scheduler().spawn(lua.load(SCRIPT, "=pooled"), (long) i);
                done.add(pool.submit(lua));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        }
        assertEquals(0, overlaps.get());
        for (long r : results) assertEquals(4 * 2000 * 2001 / 2, r);
        assertTrue(threads.stream().allMatch(n -> n.startsWith("moonlet-pool-")), threads.toString());
        assertTrue(threads.size() <= 4, threads.toString());
    }

    @Test
    void anInstanceWaitingForAFutureHoldsNoThreadAndResumesWhenItCompletes() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        try (MoonletPool pool = new MoonletPool(1)) {
            Lua waiting = new Lua();
            waiting.register("fetch", Builtin.of("fetch", (co, args) -> Lua.await(reply)));
            Task t = waiting.scheduler().spawn(waiting.load("return fetch() .. '!'", "=waiting"));
            CompletableFuture<Lua> waitingDone = pool.submit(waiting);
            // The only thread is free for another instance while the first waits.
            Lua other = new Lua();
            Task o = other.scheduler().spawn(other.load("return 6 * 7", "=other"));
            pool.submit(other).get(1, TimeUnit.MINUTES);
            assertEquals(42L, ((Status.Finished) o.outcome()).values()[0]);
            assertFalse(waitingDone.isDone());
            reply.complete("done");
            waitingDone.get(1, TimeUnit.MINUTES);
            assertEquals(LuaString.of("done!"), ((Status.Finished) t.outcome()).values()[0]);
        }
    }

    @Test
    void sleepingInstancesWakeOnTheirTimers() throws Exception {
        try (MoonletPool pool = new MoonletPool(2)) {
            Lua lua = new Lua();
            Task t = lua.scheduler().spawn(lua.load("task.sleep(0.001); task.sleep(0.001); return 'rested'", "=sleepy"));
            pool.submit(lua).get(1, TimeUnit.MINUTES);
            assertEquals(LuaString.of("rested"), ((Status.Finished) t.outcome()).values()[0]);
        }
    }

    @Test
    void aCancelledInstanceStopsRunning() throws Exception {
        try (MoonletPool pool = new MoonletPool(1, 1_000)) {
            Lua lua = new Lua();
            Task spinner = lua.scheduler().spawn(lua.load("while true do end", "=spin"));
            CompletableFuture<Lua> done = pool.submit(lua);
            pool.cancel(lua);
            assertTrue(done.isCancelled());
            // Once the pool's thread has run anything after the cancel, the spinner is left alone.
            pool.submit(new Lua()).get(1, TimeUnit.MINUTES);
            long used = spinner.fuelUsed();
            pool.submit(new Lua()).get(1, TimeUnit.MINUTES);
            assertEquals(used, spinner.fuelUsed());
        }
    }
}
