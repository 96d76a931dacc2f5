package dev.moonlet.bench;

import dev.moonlet.api.Lua;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interpreter on two classic loads, in milliseconds per run: {@code fib(30)} (1.6 million
 * Lua calls) and a 10^8-iteration integer {@code for} loop (arithmetic and the loop
 * instruction, no calls). The same programs are {@code bench/fib.lua} and
 * {@code bench/loop.lua}, which {@code bench/compare.sh} times against lua5.4.
 *
 * <pre>
 * java -jar moonlet-bench/target/benchmarks.jar InterpreterBench
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterpreterBench {
    private Lua lua;
    private Object fib;
    private Object loop;

    /** Compiles the two programs once. */
    @Setup
    public void setUp() {
        lua = new Lua();
        fib = lua.load("local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\n"
                + "return fib(30)", "=fib");
        loop = lua.load("local s = 0\nfor i = 1, 100000000 do s = s + i end\nreturn s", "=loop");
    }

    /** {@code fib(30)}, the doubly recursive way. */
    @Benchmark
    public Object[] fib30() {
        return lua.call(fib);
    }

    /** {@code for i = 1, 10^8 do s = s + i end}. */
    @Benchmark
    public Object[] integerLoop() {
        return lua.call(loop);
    }
}
