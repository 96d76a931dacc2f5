package dev.moonlet.api;

import dev.moonlet.vm.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many independent instances on a fixed pool of Java threads, for servers that host
 * thousands of users' scripts. Each submitted instance's {@link Scheduler} runs in quanta of
 * fuel, instances taking turns on the threads in submission order; an instance runs on at
 * most one thread at a time (it may move between threads from one quantum to the next). An
 * instance whose tasks all sleep or wait for Java futures holds no thread: it is queued again
 * when its next timer is due or a future it waits for completes.
 *
 * <pre>{@code
 * try (MoonletPool pool = new MoonletPool(4)) {
 *     List<CompletableFuture<Lua>> done = new ArrayList<>();
 *     for (String script : userScripts) {
 *         Lua lua = new Lua();
 *         lua.scheduler().spawn(lua.load(script, "=user"));
 *         done.add(pool.submit(lua));
 *     }
 *     CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
 * }
 * }</pre>
 *
 * <p>Do not touch a submitted instance from other threads until its future has completed.
 * Bound each instance's work with {@link dev.moonlet.vm.FuelTank}s on its tasks, or stop it
 * with {@link #cancel}.
 */
public final class MoonletPool implements AutoCloseable {
    /** The fuel an instance runs for before the next instance gets the thread, by default. */
    public static final long DEFAULT_QUANTUM = 100_000;

    private final ExecutorService threads;
    private final ScheduledExecutorService timers;
    private final long quantum;
    private final ConcurrentHashMap<Lua, Entry> entries = new ConcurrentHashMap<>();

    /** A pool of {@code threads} threads giving each instance {@value #DEFAULT_QUANTUM} units of fuel per turn. */
    public MoonletPool(int threads) {
        this(threads, DEFAULT_QUANTUM);
    }

    /** A pool of {@code threads} threads giving each instance {@code quantum} units of fuel per turn. */
    public MoonletPool(int threads, long quantum) {
        if (threads < 1 || quantum < 1) throw new IllegalArgumentException("threads and quantum must be positive");
        this.threads = Executors.newFixedThreadPool(threads, daemons("moonlet-pool"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemons("moonlet-pool-timer"));
        this.quantum = quantum;
    }

    /**
     * Runs {@code lua}'s tasks on the pool until none can run any more (all ended, or all wait
     * for messages or each other); the future then completes with {@code lua}. It completes
     * exceptionally if running the instance threw (an {@code os.exit}, say).
     */
    public CompletableFuture<Lua> submit(Lua lua) {
        Entry e = new Entry(lua);
        if (entries.putIfAbsent(lua, e) != null) throw new IllegalStateException("instance already submitted");
        e.done.whenComplete((r, error) -> {
            lua.scheduler().setWakeListener(null);
            entries.remove(lua);
        });
        lua.scheduler().setWakeListener(e::wake);
        e.wake();
        return e.done;
    }

    /**
     * Stops running {@code lua} (submitted here and not done) after its current quantum, and
     * cancels its future; its tasks stay where they are.
     */
    public void cancel(Lua lua) {
        Entry e = entries.get(lua);
        if (e != null) e.done.cancel(false);
    }

    /** Stops the threads; instances not done stay where they are, their futures pending. */
    @Override
    public void close() {
        threads.shutdownNow();
        timers.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One submitted instance and where it stands in the pool. */
    private final class Entry implements Runnable {
        final Lua lua;
        final CompletableFuture<Lua> done = new CompletableFuture<>();
        /** Whether a quantum is queued or running; guarded by this. */
        private boolean scheduled;
        /** Whether a wake came while a quantum was queued or running; guarded by this. */
        private boolean wokenMeanwhile;

        Entry(Lua lua) {
            this.lua = lua;
        }

        /** Gives the instance a quantum soon (from any thread). */
        void wake() {
            synchronized (this) {
                if (scheduled) {
                    wokenMeanwhile = true;
                    return;
                }
                scheduled = true;
            }
            threads.execute(this);
        }

        @Override
        public void run() {
            Scheduler s = lua.scheduler();
            synchronized (this) {
                wokenMeanwhile = false;
            }
            if (done.isDone()) return;
            Scheduler.Progress p;
            try {
                p = s.run(quantum);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
                return;
            }
            if (p == Scheduler.Progress.SLEEPING) {
                long delay = Math.max(0, s.nextDeadline() - s.clock().nanoTime());
                timers.schedule(this::wake, delay, TimeUnit.NANOSECONDS);
            }
            boolean again;
            synchronized (this) {
                scheduled = false;
                again = p == Scheduler.Progress.READY || wokenMeanwhile;
            }
            if (again) {
                wake();
            } else if (p == Scheduler.Progress.DONE) {
                done.complete(lua);
            }
        }
    }
}
