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
 * The cost of one coroutine round trip (a resume and the yield that answers it), in
 * nanoseconds: the switch is an action of the executor, with no Java thread involved.
 *
 * <pre>
 * java -jar moonlet-bench/target/benchmarks.jar CoroutineBench
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoroutineBench {
    /** Round trips per benchmark call, so that starting the call is amortised. */
    private static final int ROUND_TRIPS = 10_000;

    private Lua lua;
    private Object viaWrap;
    private Object viaResume;

    /** Compiles the two drivers once. */
    @Setup
    public void setUp() {
        lua = new Lua();
        viaWrap = lua.run("local co = coroutine.wrap(function() while true do coroutine.yield() end end)\n"
                + "return function(n) for i = 1, n do co() end end")[0];
        viaResume = lua.run("local co = coroutine.create(function(x) while true do x = coroutine.yield(x) end end)\n"
                + "local resume = coroutine.resume\n"
                + "return function(n) for i = 1, n do resume(co, i) end end")[0];
    }

    /** A call of a {@code coroutine.wrap} function that yields back at once. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public Object[] wrapRoundTrip() {
        return lua.call(viaWrap, ROUND_TRIPS);
    }

    /** {@code coroutine.resume} of a coroutine that yields its argument back. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public Object[] resumeRoundTrip() {
        return lua.call(viaResume, ROUND_TRIPS);
    }
}
