package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The string library under an executor: every step ends within its fuel (give or take one
 * unit of work), however much work a single call does, and the work goes on in later steps.
 */
class StringLibStepTest {
    private static final long FUEL = 10_000;
    /** How far past its fuel a step may go: one indivisible unit of work. */
    private static final long SLACK = 1_000;

    private static Executor executor(String code) {
        Instance instance = new Instance();
        StringLib.open(instance);
        byte[] source = code.getBytes(StandardCharsets.UTF_8);
        return new Executor(instance, instance.load(source, LuaString.of("=test"), "t", null));
    }

    /** Steps until the end (or {@code maxSteps}), checking each step; answers the last status. */
    private static Status run(Executor ex, int maxSteps, int minSteps) {
        Status s = null;
        int steps = 0;
        while (steps < maxSteps) {
            s = ex.step(FUEL);
            steps++;
            assertTrue(ex.fuel().remaining() > -SLACK, "step " + steps + " overspent: " + ex.fuel().remaining());
            if (!(s instanceof Status.Running)) break;
        }
        assertTrue(steps >= minSteps, "only " + steps + " steps: the work was not spread");
        return s;
    }

    @Test
    void anExponentialMatchReturnsFromEveryStep() {
        Executor ex = executor("return string.find(string.rep('a', 30), string.rep('a*', 30) .. 'b')");
        assertInstanceOf(Status.Running.class, run(ex, 300, 300));
    }

    @Test
    void longOperationsAreSpreadOverSteps() {
        String[][] cases = {
            {"return #string.rep('ab', 1000000, ',')", "2999999"},
            {"return #string.upper(string.rep('abc', 300000))", "900000"},
            {"return #string.reverse(string.lower(string.rep('ABC', 300000)))", "900000"},
            {"local _, n = string.gsub(string.rep('ab', 200000), 'b', 'c') return n", "200000"},
            {"return string.find(string.rep('a', 100000), string.rep('a', 5000) .. 'b', 1, true)", "null"},
            {"local s = string.rep('x', 10000) return #string.format(string.rep('%s', 200), " + "s, ".repeat(199) + "s)",
                "2000000"},
            {"return string.packsize(string.rep('i4', 100000))", "400000"},
            {"local n = 0 for w in string.gmatch(string.rep('word ', 100000), '%a+') do n = n + 1 end return n", "100000"},
            {"return string.find(string.rep('a', 200000), '^a*.?b$')", "null"},
            {"return #string.match(string.rep('(', 100000) .. string.rep(')', 100000), '%b()')", "200000"},
        };
        for (String[] c : cases) {
            Status s = run(executor(c[0]), 1_000_000, 10);
            assertInstanceOf(Status.Finished.class, s, c[0]);
            Object[] values = ((Status.Finished) s).values();
            assertArrayEquals(new String[] {c[1]}, new String[] {String.valueOf(values[0])}, c[0]);
        }
    }
}
