package dev.moonlet.bounded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.moonlet.api.Lua;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The bounded-step proof (DESIGN.md, "A script never owns the caller's thread"): every
 * adversary in {@code src/test/lua/bounded} is stepped with {@code step(10_000)} on a fresh
 * instance with a 32 MiB memory limit until it finishes, fails or spends its step budget
 * ({@link BoundedRun}), and must
 * <ul>
 *   <li>come to the outcome its header declares ({@link BoundedScript});</li>
 *   <li>let no Java exception but a Lua error escape, nor turn one into an internal error
 *       (a {@code StackOverflowError} on a 256 KiB Java stack included);</li>
 *   <li>keep the JVM heap it holds under the memory limit plus a fixed overhead.</li>
 * </ul>
 * The longest step of each script is printed, never asserted: times belong to the benchmark
 * ({@code moonlet-bench}, {@code dev.moonlet.bench.LongestStep}).
 *
 * <p>{@code -Dbounded.only=REGEX} runs only the scripts whose names it finds. Scripts listed
 * in {@code known-failures.txt} there, with the reason (work another branch
 * is doing), are skipped while they fail and fail the build once they pass.
 */
class BoundedStepTest {
    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        return corpus(Integer.MAX_VALUE);
    }

    /** The corpus again with every function compiled to JVM bytecode before it first runs. */
    @TestFactory
    Stream<DynamicTest> compiled() throws IOException {
        return corpus(0);
    }

    /** The corpus run with the instances' compile threshold set to {@code compileThreshold}. */
    private Stream<DynamicTest> corpus(int compileThreshold) throws IOException {
        List<BoundedScript> scripts = BoundedScript.all(BoundedScript.FOLDER);
        assertTrue(scripts.size() >= 60, "the corpus has " + scripts.size() + " scripts, fewer than 60");
        Pattern only = Pattern.compile(System.getProperty("bounded.only", ""));
        Map<String, String> known = knownFailures();
        return scripts.stream().filter(s -> only.matcher(s.name()).find()).map(script -> DynamicTest.dynamicTest(script.name(), () -> {
            String reason = known.get(script.name());
            if (reason == null) {
                check(script, compileThreshold);
                return;
            }
            try {
                check(script, compileThreshold);
            } catch (AssertionError e) {
                throw new TestAbortedException("known failure: " + reason, e);
            }
            fail("listed in known-failures.txt but passes now: remove it from the list");
        }));
    }

    private static void check(BoundedScript script, int compileThreshold) {
        BoundedRun.Result r = BoundedRun.run(script, script.steps(), compileThreshold);
        System.out.printf("bounded %-34s %-40.40s %5d steps, longest %6d us (CPU %6d us), median %5d us, heap %+d KiB%n",
                script.name(), r.outcome(), r.steps(), r.longestNanos() / 1000, r.longestCpuNanos() / 1000,
                r.medianNanos() / 1000, r.retainedBytes() >> 10);
        assertFalse(r.outcome().startsWith("escaped"), () -> "a Java exception escaped: " + r.outcome());
        assertFalse(r.heapOverrun(), () -> "the JVM heap held " + (r.retainedBytes() >> 20)
                + " MiB more than before the run (limit + overhead: "
                + ((BoundedRun.MEMORY_LIMIT + BoundedRun.HEAP_OVERHEAD) >> 20) + " MiB)");
        assertEquals(script.expected(), r.outcome(), "outcome");
    }

    /** known-failures.txt: script name to reason. */
    private static Map<String, String> knownFailures() throws IOException {
        Map<String, String> known = new HashMap<>();
        for (String line : Files.readAllLines(BoundedScript.FOLDER.resolve("known-failures.txt"))) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+", 2);
            known.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return known;
    }

    /**
     * Issue #3: an empty infinite loop gives the thread back on every step, however small the
     * fuel, and ten thousand full steps in a row all return.
     */
    @Test
    void emptyLoopReturnsFromEveryStep() {
        Lua lua = new Lua();
        Executor ex = lua.start(lua.load("while true do end", "=spin"));
        for (int i = 0; i < 1_000; i++) assertInstanceOf(Status.Running.class, ex.step(1_000));
        for (int i = 0; i < 10_000; i++) assertInstanceOf(Status.Running.class, ex.step(10_000));
    }
}
