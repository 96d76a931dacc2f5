package dev.moonlet.bounded;

import dev.moonlet.api.Limits;
import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.LuaType;
import dev.moonlet.vm.Status;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one {@link BoundedScript} the way an embedder that does not trust it would: on a fresh
 * {@link Lua} with a memory limit, {@code step(FUEL_PER_STEP)} after step until it finishes,
 * fails or spends its step budget, timing every step. Shared by the corpus test (which asserts
 * outcomes, never times) and the longest-step benchmark (which prints the times).
 *
 * <p>It runs the script on a thread of its own with a {@link #JAVA_STACK} Java stack, so that a
 * builtin or compiler path that recurses in Java per level of Lua nesting shows up as a
 * {@code StackOverflowError} instead of being hidden by a large test-thread stack.
 *
 * <p>What the JVM heap check proves: every {@link #HEAP_SAMPLE_EVERY} steps the used heap is
 * sampled; when it is more than {@link #MEMORY_LIMIT} + {@link #HEAP_OVERHEAD} above what it
 * was before the first script started (after a collection), a full collection is asked for and the heap measured again,
 * so that garbage does not count. If what survives is still over, the run stops there with
 * {@link Result#heapOverrun()}: the script made the JVM hold more than the instance's limit
 * allows, which is what the limit exists to prevent. After the run, with the instance still
 * reachable, the heap is measured once more after a collection: {@link Result#retainedBytes()}.
 * Sampling can miss a spike between two samples; it cannot miss memory the instance keeps.
 */
public final class BoundedRun {
    /** The fuel of every step (issue #6): the longest step at this fuel should stay under 2 ms. */
    public static final long FUEL_PER_STEP = 10_000;
    /** The instance's memory limit. */
    public static final long MEMORY_LIMIT = 32L << 20;
    /**
     * What the JVM may hold beyond the limit: the instance's own structures (libraries, the
     * compiled script, frames) and the gap between accounted estimates and real object sizes.
     */
    public static final long HEAP_OVERHEAD = 32L << 20;
    /** The Java stack of the thread the script runs on. */
    public static final long JAVA_STACK = 256L << 10;
    /** Steps between two samples of the used heap. */
    static final int HEAP_SAMPLE_EVERY = 16;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BoundedRun() {}

    /**
     * What a run came to.
     *
     * @param outcome {@code "finished"}, {@code "budget"} (still running after the budget),
     *     {@code "error MESSAGE"} (the first line of the Lua error's message), or
     *     {@code "escaped: EXCEPTION"} when a Java exception other than a Lua error escaped
     *     the step or was turned into an internal error
     * @param stepNanos how long each step took, in order (wall-clock time: it includes the
     *     JVM's collection pauses and the time the OS gave the thread's core to others)
     * @param stepCpuNanos the CPU time the stepping thread spent in each step: the step's own
     *     work, without pauses and preemption
     * @param heapOverrun whether the retained JVM heap passed the limit plus the overhead
     * @param retainedBytes the JVM heap held after the run beyond what was held before it
     */
    public record Result(String outcome, long[] stepNanos, long[] stepCpuNanos, boolean heapOverrun, long retainedBytes) {
        /** The number of steps taken. */
        public int steps() {
            return stepNanos.length;
        }

        /** The longest step, in nanoseconds. */
        public long longestNanos() {
            return Arrays.stream(stepNanos).max().orElse(0);
        }

        /** The most CPU time one step took, in nanoseconds. */
        public long longestCpuNanos() {
            return Arrays.stream(stepCpuNanos).max().orElse(0);
        }

        /** The median step, in nanoseconds. */
        public long medianNanos() {
            if (stepNanos.length == 0) return 0;
            long[] sorted = stepNanos.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        /** The index of the longest step (0 for the first). */
        public int longestStep() {
            int at = 0;
            for (int i = 1; i < stepNanos.length; i++) if (stepNanos[i] > stepNanos[at]) at = i;
            return at;
        }
    }

    /** Runs {@code script} within its own step budget. */
    public static Result run(BoundedScript script) {
        return run(script, script.steps(), new Lua().instance().compileThreshold());
    }

    /**
     * Runs {@code script} for at most {@code maxSteps} steps, on a thread of its own, with the
     * instance's compile threshold set to {@code compileThreshold}.
     */
    public static Result run(BoundedScript script, int maxSteps, int compileThreshold) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                outcome.set(runHere(script, maxSteps, compileThreshold));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "bounded " + script.name(), JAVA_STACK);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script.name(), e);
        }
        Object o = outcome.get();
        if (o instanceof Result) return (Result) o;
        return new Result("escaped: " + o, new long[0], new long[0], false, 0);
    }

    /**
     * The used heap after a collection before the first run: what the JVM holds without any
     * script's instance. Measured once, as a collection costs tens of milliseconds.
     */
    private static long baseline = -1;

    private static synchronized long baseline() {
        if (baseline < 0) baseline = heapAfterCollection();
        return baseline;
    }

    private static Result runHere(BoundedScript script, int maxSteps, int compileThreshold) {
        long baseline = baseline();
        Lua lua = new Lua();
        lua.setOutput(OutputStream.nullOutputStream());
        lua.setErrorOutput(OutputStream.nullOutputStream());
        lua.setLimits(Limits.NONE.withMemory(MEMORY_LIMIT));
        lua.instance().setCompileThreshold(compileThreshold);
        long[] times = new long[maxSteps];
        long[] cpuTimes = new long[maxSteps];
        int steps = 0;
        String outcome;
        boolean overrun = false;
        try {
            Executor ex = lua.start(lua.instance().load(script.source(), LuaString.of("@" + script.name()), "t", null));
            Status s = Status.RUNNING;
            while (steps < maxSteps) {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                s = ex.step(FUEL_PER_STEP);
                times[steps] = System.nanoTime() - t0;
                cpuTimes[steps++] = THREADS.getCurrentThreadCpuTime() - cpu0;
                if (!(s instanceof Status.Running)) break;
                if (steps % HEAP_SAMPLE_EVERY == 0 && overLimit(baseline)) {
                    overrun = true;
                    break;
                }
            }
            outcome = describe(lua, s);
        } catch (LuaError e) {
            outcome = "error " + firstLine(e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            outcome = "escaped: " + e;
        }
        long retained = heapAfterCollection() - baseline;
        Reference.reachabilityFence(lua);
        return new Result(outcome, Arrays.copyOf(times, steps), Arrays.copyOf(cpuTimes, steps), overrun || retained > MEMORY_LIMIT + HEAP_OVERHEAD, retained);
    }

    private static boolean overLimit(long baseline) {
        if (MEMORY.getHeapMemoryUsage().getUsed() - baseline <= MEMORY_LIMIT + HEAP_OVERHEAD) return false;
        return heapAfterCollection() - baseline > MEMORY_LIMIT + HEAP_OVERHEAD;
    }

    private static long heapAfterCollection() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static String describe(Lua lua, Status s) {
        if (s instanceof Status.Finished) return "finished";
        if (s instanceof Status.Running) return "budget";
        if (s instanceof Status.Waiting) return "waiting";
        LuaError e = ((Status.Failed) s).error();
        // The executor turns Java exceptions it catches into Lua errors; they are still bugs.
        if (e.getCause() != null) return "escaped: " + e.getCause();
        String message = message(e.value());
        if (message.equals("stack overflow (in Java code)")) return "escaped: java.lang.StackOverflowError";
        return "error " + firstLine(message);
    }

    /** The message lua.c prints for an error value. */
    private static String message(Object value) {
        if (value instanceof LuaString) return new String(((LuaString) value).rawBytes(), StandardCharsets.ISO_8859_1);
        if (value instanceof Long) return value.toString();
        if (value instanceof Double) return LuaNumber.toLuaString((Double) value).toString();
        return "(error object is a " + LuaType.typeName(value) + " value)";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
