package dev.moonlet.bench;

import dev.moonlet.api.Lua;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of calling builtins from Lua, in nanoseconds per call: a builtin that returns at
 * once (it runs directly, with no frame of its own), and {@code pcall}, a builtin that calls
 * back into Lua (a sequence, driven by the executor). {@code bench/builtins.lua} times the same
 * calls against lua5.4.
 *
 * <pre>
 * java -jar moonlet-bench/target/benchmarks.jar CallBench
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallBench {
    /** Calls per benchmark call, so that starting the call is amortised. */
    private static final int CALLS = 10_000;

    private Lua lua;
    private Object direct;
    private Object protectedCall;

    /** Compiles the two drivers once. */
    @Setup
    public void setUp() {
        lua = new Lua();
        direct = lua.run("local select, rawget, abs, t = select, rawget, math.abs, {1, 2, 3}\n"
                + "return function(n) local s = 0\n"
                + "  for i = 1, n, 3 do s = s + select('#', i, i) + rawget(t, 2) + abs(-i) end\n"
                + "  return s end")[0];
        protectedCall = lua.run("local pcall = pcall\n"
                + "local function two(x) return x, x end\n"
                + "return function(n) for i = 1, n do local _, a, b = pcall(two, i) end end")[0];
    }

    /** {@code select('#', ...)}, {@code rawget} and {@code math.abs} in turn. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object[] directBuiltin() {
        return lua.call(direct, CALLS);
    }

    /** {@code pcall} of a Lua function returning two values. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object[] protectedLuaCall() {
        return lua.call(protectedCall, CALLS);
    }
}
