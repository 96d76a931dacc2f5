package dev.moonlet.bench;

import dev.moonlet.api.Lua;
import dev.moonlet.bounded.BoundedRun;
import dev.moonlet.bounded.BoundedScript;
import dev.moonlet.vm.Executor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How long one {@code step(10_000)} can hold the thread: runs the bounded-step corpus
 * ({@code moonlet-core/src/test/lua/bounded}, the adversaries of {@code BoundedStepTest}) and
 * prints, per script, its outcome, the number of steps and the longest and median step in
 * microseconds, both in wall-clock time and in the CPU time of the stepping thread (which leaves
 * out collection pauses and the time a busy machine gives the core to other processes); then
 * the issue-#3 proof, {@code while true do end} stepped 10,000 times with
 * fuel 10,000. The target is every step under 2 ms.
 *
 * <p>The corpus is run twice and only the second round is printed, so that the longest step
 * is the script's and not the JIT compiler's first visit. From the repository root:
 *
 * <pre>
 * mvn -q -o -pl moonlet-bench -am package -DskipTests
 * java -cp moonlet-bench/target/benchmarks.jar dev.moonlet.bench.LongestStep [regex]
 * </pre>
 *
 * The optional regular expression keeps only the scripts whose names it finds.
 */
public final class LongestStep {
    private static final Path CORPUS = Path.of("moonlet-core").resolve(BoundedScript.FOLDER);
    private static final int SPIN_STEPS = 10_000;
    private static final long TARGET_NANOS = 2_000_000;

    private LongestStep() {}

    /** Runs the benchmark; {@code args[0]}, if given, filters the scripts by name. */
    public static void main(String[] args) {
        Pattern filter = Pattern.compile(args.length > 0 ? args[0] : "");
        List<BoundedScript> scripts = BoundedScript.all(CORPUS).stream()
                .filter(s -> filter.matcher(s.name()).find()).toList();
        for (BoundedScript s : scripts) BoundedRun.run(s);
        System.out.printf("%-34s %-44s %6s %11s %11s %10s%n", "script", "outcome", "steps", "longest µs", "(CPU µs)", "median µs");
        int over = 0;
        int overCpu = 0;
        for (BoundedScript s : scripts) {
            BoundedRun.Result r = BoundedRun.run(s);
            if (r.longestNanos() > TARGET_NANOS) over++;
            if (r.longestCpuNanos() > TARGET_NANOS) overCpu++;
            System.out.printf("%-34s %-44.44s %6d %11d %11d %10d%n", s.name(), r.outcome(), r.steps(),
                    r.longestNanos() / 1000, r.longestCpuNanos() / 1000, r.medianNanos() / 1000);
        }
        System.out.printf("%d of %d scripts had a step over %d µs of wall-clock time, %d over %d µs of CPU time%n%n",
                over, scripts.size(), TARGET_NANOS / 1000, overCpu, TARGET_NANOS / 1000);
        spin();
    }

    /** Issue #3: {@code while true do end}, stepped 10,000 times with fuel 10,000, after a warm-up. */
    private static void spin() {
        Lua lua = new Lua();
        Executor ex = lua.start(lua.load("while true do end", "=spin"));
        for (int i = 0; i < SPIN_STEPS; i++) ex.step(BoundedRun.FUEL_PER_STEP);
        long[] times = new long[SPIN_STEPS];
        for (int i = 0; i < SPIN_STEPS; i++) {
            long t0 = System.nanoTime();
            ex.step(BoundedRun.FUEL_PER_STEP);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        System.out.printf("while true do end: %d steps of fuel %d, longest %d µs, median %d µs, 99th percentile %d µs%n",
                SPIN_STEPS, BoundedRun.FUEL_PER_STEP, times[SPIN_STEPS - 1] / 1000, times[SPIN_STEPS / 2] / 1000,
                times[SPIN_STEPS * 99 / 100] / 1000);
    }
}
