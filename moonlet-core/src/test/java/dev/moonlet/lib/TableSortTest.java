package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Values;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code table.sort} never holds the step: its comparator may yield (which lua5.4 forbids:
 * "attempt to yield across a C-call boundary"), loop forever or fail, and a long sort stops
 * when the fuel is spent.
 */
class TableSortTest {

    private static Instance instance() {
        Instance instance = new Instance();
        TableLib.open(instance);
        instance.globals().put(LuaString.of("error"), Builtin.of("error", (co, args) -> {
            throw new dev.moonlet.value.LuaError(co.where(1).concat((LuaString) args[0]));
        }));
        instance.globals().put(LuaString.of("yield"), Builtin.of("yield", (co, args) -> new YieldOnce()));
        return instance;
    }

    /** {@code yield()}: suspends the running coroutine once. */
    private static final class YieldOnce implements Sequence {
        private boolean yielded;

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (yielded) return new Action.Return(Values.NONE);
            yielded = true;
            return new Action.Yield(Values.NONE);
        }
    }

    private static Object load(Instance instance, String code) {
        return instance.load(code.getBytes(StandardCharsets.UTF_8), LuaString.of("=test"), "t", null);
    }

    /** Runs {@code function} to its end in steps of {@code fuel}; answers the status and counts steps. */
    private static Status run(Executor ex, long fuel, int[] steps) {
        Status s;
        do {
            s = ex.step(fuel);
            steps[0]++;
        } while (s instanceof Status.Running);
        return s;
    }

    /**
     * Resumes {@code co} until it returns, counting its yields; returns the count and then the
     * coroutine's results.
     */
    private static final class Driver implements Sequence {
        private final Coroutine co;
        private long yields = -1;

        Driver(Coroutine co) {
            this.co = co;
        }

        @Override
        public Action poll(Coroutine running, Object[] results) {
            if (co.state() == Coroutine.State.DEAD) {
                Object[] all = new Object[results.length + 1];
                all[0] = yields;
                System.arraycopy(results, 0, all, 1, results.length);
                return new Action.Return(all);
            }
            yields++;
            return new Action.Resume(co, Values.NONE);
        }
    }

    @Test
    void aComparatorMayYieldAtEachComparison() {
        Instance instance = instance();
        Object body = load(instance, """
                local t = {}
                for i = 1, 200 do t[i] = (i * 37) % 101 end
                local n = 0
                table.sort(t, function (a, b) n = n + 1; yield(); return a < b end)
                for i = 2, #t do if t[i - 1] > t[i] then error("unsorted") end end
                return n, t[1], t[200]
                """);
        Coroutine co = Coroutine.create(instance, body);
        Executor ex = new Executor(instance, Builtin.of("driver", (c, args) -> new Driver(co)));
        Status s = run(ex, 1_000_000, new int[1]);
        Status.Finished f = assertInstanceOf(Status.Finished.class, s);
        assertEquals(f.values()[0], f.values()[1]); // one yield per comparison
        assertTrue((Long) f.values()[1] > 200);
        assertEquals(0L, f.values()[2]);
        assertEquals(100L, f.values()[3]);
    }

    @Test
    void aLongSortStopsWhenTheFuelIsSpent() {
        Instance instance = instance();
        Object body = load(instance, """
                local t = {}
                for i = 1, 20000 do t[i] = (i * 7919) % 10007 end
                table.sort(t)
                return t[1], t[20000]
                """);
        int[] steps = new int[1];
        Status s = run(new Executor(instance, body), 1_000, steps);
        Status.Finished f = assertInstanceOf(Status.Finished.class, s);
        assertEquals(0L, f.values()[0]);
        assertEquals(10006L, f.values()[1]);
        assertTrue(steps[0] > 100, "steps: " + steps[0]);
    }

    @Test
    void aComparatorThatNeverReturnsDoesNotHoldTheStep() {
        Instance instance = instance();
        Object body = load(instance, "table.sort({3, 2, 1}, function () while true do end end)");
        Executor ex = new Executor(instance, body);
        for (int i = 0; i < 100; i++) assertInstanceOf(Status.Running.class, ex.step(10_000));
    }

    @Test
    void errorsOfTheComparatorPropagate() {
        Instance instance = instance();
        Object body = load(instance, "table.sort({3, 2, 1}, function (a, b) error('no order') end)");
        Status s = run(new Executor(instance, body), 100_000, new int[1]);
        assertEquals("test:1: no order", assertInstanceOf(Status.Failed.class, s).error().getMessage());
    }

    @Test
    void anInvalidOrderIsDetected() {
        Instance instance = instance();
        Object body = load(instance, "table.sort({1, 2, 3, 4, 5}, function () return true end)");
        Status s = run(new Executor(instance, body), 100_000, new int[1]);
        assertEquals("test:1: invalid order function for sorting",
                assertInstanceOf(Status.Failed.class, s).error().getMessage());
    }
}
