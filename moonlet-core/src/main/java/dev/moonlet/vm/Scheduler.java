package dev.moonlet.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs an instance's {@link Task}s in turns on the caller's thread: the tasklets of
 * {@code DESIGN.md}. Each instance has one ({@link Instance#scheduler()}); {@code task.spawn}
 * adds to it, and so does {@link #spawn} from Java.
 *
 * <pre>{@code
 * Scheduler s = instance.scheduler();
 * s.spawn(producer);
 * s.spawn(consumer);
 * s.run();   // returns when no task can run any more
 * }</pre>
 *
 * <h2>Turns</h2>
 * Ready tasks take turns in round-robin order: each turn steps the task's executor with a
 * slice of fuel ({@link #setSlice}, {@value #DEFAULT_SLICE} units by default) times the task's
 * {@linkplain Task#setWeight weight}, capped by what its {@linkplain Task#setTank fuel tank}
 * holds. A task whose tank holds less than a turn's worth waits, off the ready queue, until it
 * has refilled. A task ends its turn early by blocking, or by {@link Fuel#interrupt()} (which
 * {@code task.yield} uses). The order is deterministic: a new or woken task goes to the back
 * of the queue, so a given program with a given slice always runs the same way (with a
 * {@linkplain Clock#virtual() virtual clock}, timers too).
 *
 * <h2>Blocking</h2>
 * A task that waits for a message, a timer, another task or a Java future is not polled and
 * uses no fuel until what it waits for happens. When no task is ready the scheduler sleeps
 * until the next timer (a virtual clock jumps to it), or until a Java future completes (on any
 * thread: completions are handed over through a lock), without spinning.
 *
 * <h2>Memory</h2>
 * A task's coroutine and each queued message are charged to the instance's heap and counted
 * by the collector, so a script flooding mailboxes or spawning without end gets
 * {@code "not enough memory"} under a limit. The collector traces live tasks' executors,
 * handles and waiting messages as roots.
 *
 * <h2>Threads</h2>
 * Like its instance, a scheduler runs on one thread at a time; only the completion of Java
 * futures may come from other threads. {@code MoonletPool} runs many instances' schedulers
 * on a pool of threads with {@link #run(long)}, {@link #nextDeadline()} and
 * {@link #setWakeListener}.
 */
public final class Scheduler {
    /** The fuel of a turn unless {@link #setSlice} says otherwise. */
    public static final long DEFAULT_SLICE = 10_000;

    /** Where a scheduler stands after {@link #run(long)}. */
    public enum Progress {
        /** Some task is ready: run again. */
        READY,
        /**
         * No task is ready, but one will be at {@link #nextDeadline()} (a timer or a tank
         * refill), or earlier if a Java future completes.
         */
        SLEEPING,
        /** No task is ready, and none will be before a Java future completes. */
        WAITING,
        /** No task will ever run again: all have ended, or wait for each other or for messages. */
        DONE
    }

    private final Instance instance;
    /** Tasks that are ready, in turn order; may hold dead tasks, skipped when met. */
    private final ArrayDeque<Task> ready = new ArrayDeque<>();
    /** Timers by deadline, then creation order. */
    private final TreeSet<Timer> timers = new TreeSet<>();
    /** Live tasks, in spawning order. */
    private final LinkedHashSet<Task> live = new LinkedHashSet<>();
    /** Tasks whose Java future completed, handed over from any thread; guarded by itself. */
    private final ArrayDeque<Task> woken = new ArrayDeque<>();
    private volatile boolean wokenPending;
    private volatile Runnable wakeListener;
    private Consumer<Task> failureHandler = this::reportFailure;
    private Clock clock = Clock.system();
    private long slice = DEFAULT_SLICE;
    private long nextId = 1;
    private long nextTimerSeq;
    /** The fuel all turns have used. */
    private long fuelUsed;
    /** Tasks waiting for Java futures. */
    private int externalWaits;
    private Task current;
    /** The task of the last turn. */
    private Task lastTurn;
    /** The task {@link #runUntil} runs for: its failure is its caller's to report. */
    private Task awaited;
    private boolean running;

    Scheduler(Instance instance) {
        this.instance = instance;
    }

    /** The instance whose tasks this scheduler runs. */
    public Instance instance() {
        return instance;
    }

    // ------------------------------------------------------------------ settings

    /** The fuel of a turn of a task of weight 1. */
    public long slice() {
        return slice;
    }

    /** Sets the fuel of a turn of a task of weight 1 (positive). */
    public void setSlice(long slice) {
        if (slice <= 0) throw new IllegalArgumentException("slice must be positive");
        this.slice = slice;
    }

    /** The clock of timers and fuel tanks. */
    public Clock clock() {
        return clock;
    }

    /**
     * Sets the clock of timers and fuel tanks ({@link Clock#system()} by default); set it
     * before any task sleeps, as pending timers keep their readings of the old clock.
     */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sets what is done with a task that fails while no task is joining it (by default its
     * error and traceback go to the instance's {@linkplain Instance#errorOutput() error
     * output} as {@code "task 3 failed: message"}). Not called for killed tasks, nor for the
     * task {@link #runUntil} runs, whose failure its caller reports.
     */
    public void setFailureHandler(Consumer<Task> handler) {
        this.failureHandler = handler;
    }

    /**
     * Sets what runs, on whichever thread completes it, when a Java future a task waits for
     * completes: a pool uses it to give the instance a thread again. Null for nothing.
     */
    public void setWakeListener(Runnable listener) {
        this.wakeListener = listener;
    }

    // ------------------------------------------------------------------ tasks

    /**
     * A new ready task that will call {@code function} (any callable value) with {@code args}
     * (Lua values); it goes to the back of the ready queue. Spawned during a task's turn, it
     * starts in that task's {@linkplain Task#group() group}.
     */
    public Task spawn(Object function, Object... args) {
        Task t = new Task(this, nextId++, new Executor(instance, function, args));
        if (current != null) t.group = current.group;
        live.add(t);
        ready.add(t);
        return t;
    }

    /** The fuel all tasks' turns have used so far (what {@code --stats} calls instructions). */
    public long fuelUsed() {
        return fuelUsed;
    }

    /** The task that had the last turn (or has it now), or null before the first. */
    public Task lastTurn() {
        return lastTurn;
    }

    /** The task in its turn now, or null between turns. */
    public Task current() {
        return current;
    }

    /** The tasks that have not ended, in spawning order. */
    public List<Task> tasks() {
        return new ArrayList<>(live);
    }

    /** The live tasks that wait (for a message, a timer, another task or a Java future). */
    public List<Task> waitingTasks() {
        List<Task> r = new ArrayList<>();
        for (Task t : live) {
            if (t.state == Task.State.WAITING) r.add(t);
        }
        return r;
    }

    /** Marks the live tasks and what they keep (their mailboxes above all), for the collector. */
    void trace(Marker m) {
        for (Task t : live) t.trace(m);
    }

    /** See {@link Task#send}. */
    boolean send(Task t, Object[] values) {
        if (t.state == Task.State.DEAD) return false;
        instance.heap().charge(Message.bytes(values.length));
        t.mailbox.add(new Message(values));
        if (t.state == Task.State.WAITING && t.waitingFor == Task.Wait.RECV) wake(t);
        return true;
    }

    /**
     * Blocks task {@code t}, which is running, on {@code what}: the future to await, which the scheduler completes (with no value) to
     * wake it, after {@code timeoutNanos} at the latest when that is not negative.
     */
    CompletableFuture<Object> block(Task t, Task.Wait what, long timeoutNanos) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        t.wake = f;
        t.state = Task.State.WAITING;
        t.waitingFor = what;
        if (timeoutNanos >= 0) {
            long now = clock.nanoTime();
            long deadline = timeoutNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeoutNanos;
            t.timer = new Timer(deadline, nextTimerSeq++, t, f);
            timers.add(t.timer);
        }
        return f;
    }

    /** Makes {@code t}, blocked by {@link #block}, ready again. */
    private void wake(Task t) {
        CompletableFuture<Object> f = t.wake;
        t.wake = null;
        if (t.timer != null) {
            timers.remove(t.timer);
            t.timer = null;
        }
        t.state = Task.State.READY;
        t.waitingFor = null;
        ready.add(t);
        f.complete(null);
    }

    /** Makes {@code joiner}, which is running, wait until {@code target} has ended. */
    CompletableFuture<Object> join(Task joiner, Task target) {
        target.joiners.add(joiner);
        joiner.joined = target;
        return block(joiner, Task.Wait.JOIN, -1);
    }

    /**
     * Kills {@code t} (see {@link Task#kill} and, when {@code runHandlers} is false,
     * {@link Task#abort}). A task killed during its own turn (through Java code it called)
     * runs on until the turn ends, which is at once: its fuel is interrupted; it is stopped
     * then, between steps.
     */
    void kill(Task t, boolean runHandlers) {
        if (t.state == Task.State.DEAD) return;
        // A second kill, of a task running its handlers, ends it at once.
        boolean closeFirst = runHandlers && !t.closing;
        t.killed = true;
        if (t == current) {
            t.executor.fuel().interrupt();
            t.killPending = true;
            t.abortPending |= !closeFirst;
            return;
        }
        stop(t, closeFirst);
    }

    /**
     * Stops killed task {@code t}, between its turns: it ends at once, or (when
     * {@code closeFirst} and it has {@code __close} handlers pending) is ready to run them
     * and nothing else.
     */
    private void stop(Task t, boolean closeFirst) {
        Task.Killed reason = new Task.Killed();
        if (!closeFirst || !t.executor.kill(reason)) {
            t.executor.abandon(reason);
            end(t, new Status.Failed(reason));
            return;
        }
        t.closing = true;
        Task.State was = t.state;
        stopWaiting(t);
        t.state = Task.State.READY;
        // A ready task is queued already (or throttled, on the timer queue).
        if (was != Task.State.READY) ready.add(t);
    }

    /** Takes {@code t} off what it waits for: a Java future, a timer, a joined task. */
    private void stopWaiting(Task t) {
        if (t.state == Task.State.WAITING) {
            if (t.waitingFor == Task.Wait.FUTURE) externalWaits--;
            if (t.timer != null) {
                timers.remove(t.timer);
                t.timer = null;
            }
        }
        if (t.joined != null) {
            t.joined.joiners.remove(t);
            t.joined = null;
        }
        t.waitingFor = null;
        t.wake = null;
    }

    /** {@code t} has ended with {@code outcome}: wakes its joiners, reports an unheard failure. */
    private void end(Task t, Status outcome) {
        stopWaiting(t);
        if (t.timer != null) { // a throttled task's refill
            timers.remove(t.timer);
            t.timer = null;
        }
        t.state = Task.State.DEAD;
        t.outcome = outcome;
        t.mailbox.clear();
        live.remove(t);
        // A kill is the killer's doing, not a failure to report; an error a __close handler raised is.
        boolean heard = !t.joiners.isEmpty() || t == awaited
                || outcome instanceof Status.Failed && ((Status.Failed) outcome).error() instanceof Task.Killed;
        for (Task j : t.joiners) {
            j.joined = null;
            if (j.state == Task.State.WAITING && j.waitingFor == Task.Wait.JOIN) wake(j);
        }
        t.joiners.clear();
        if (!heard && outcome instanceof Status.Failed) failureHandler.accept(t);
    }

    private void reportFailure(Task t) {
        Status.Failed f = (Status.Failed) t.outcome;
        StringBuilder b = new StringBuilder("task ").append(t.id).append(" failed: ").append(f.error().getMessage());
        if (f.error().traceback() != null) b.append('\n').append(f.error().traceback());
        try {
            instance.errorOutput().write(b.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            instance.errorOutput().flush();
        } catch (IOException e) {
            // The error output is advisory here, as for warnings: a failing sink must not stop the tasks.
        }
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs tasks until none can run any more: every task has ended, or waits for a message or
     * another task that cannot come. Meanwhile it sleeps while only timers are pending and
     * waits (without spinning) while tasks wait for Java futures. Returns early if the thread
     * is interrupted (its interrupt status stays set).
     *
     * @throws IllegalStateException if the scheduler is already running
     */
    public void run() {
        runUntil(null);
    }

    /**
     * Runs tasks, as {@link #run()} does, until {@code task} has ended; returns how it ended
     * ({@link Status.Finished} or {@link Status.Failed}), or {@link Status#WAITING} when it
     * never can (it waits for something no task will do) or the thread was interrupted. The
     * other tasks stay where they are.
     *
     * <pre>{@code
     * Task main = scheduler.spawn(chunk);
     * Status s = scheduler.runUntil(main);   // other tasks run meanwhile
     * scheduler.run();                       // the rest
     * }</pre>
     *
     * @throws IllegalStateException if the scheduler is already running
     */
    public Status runUntil(Task task) {
        enter();
        Task outer = awaited;
        awaited = task;
        try {
            for (;;) {
                Progress p = turns(Long.MAX_VALUE, task);
                if (task != null && task.state == Task.State.DEAD) return task.outcome;
                if (p == Progress.DONE) return Status.WAITING;
                if (!idle(p == Progress.SLEEPING ? nextDeadline() : Long.MAX_VALUE)) return Status.WAITING;
            }
        } finally {
            awaited = outer;
            running = false;
        }
    }

    /**
     * Runs turns until about {@code budget} units of fuel are used or no task is ready, and
     * says where things stand; never sleeps or waits (with a virtual clock, time jumps to the
     * next timer instead, so the answer is never {@link Progress#SLEEPING}). For hosts that
     * share threads between instances, or that bound how long they run.
     *
     * @throws IllegalStateException if the scheduler is already running
     */
    public Progress run(long budget) {
        return run(budget, null);
    }

    /**
     * As {@link #run(long)}, stopping also as soon as {@code task} has ended (whose failure is
     * then the caller's to report, as with {@link #runUntil}).
     *
     * <pre>{@code
     * Task main = scheduler.spawn(chunk);
     * while (main.state() != Task.State.DEAD && scheduler.run(100_000, main) == Progress.READY) {
     *     if (tooLate()) break;
     * }
     * }</pre>
     */
    public Progress run(long budget, Task task) {
        enter();
        Task outer = awaited;
        awaited = task;
        try {
            return turns(budget, task);
        } finally {
            awaited = outer;
            running = false;
        }
    }

    /**
     * The clock reading ({@link Clock#nanoTime()}) at which the next timer fires or throttled
     * task may run again, or {@link Long#MAX_VALUE} when there is none.
     */
    public long nextDeadline() {
        return timers.isEmpty() ? Long.MAX_VALUE : timers.first().deadline;
    }

    /** Whether the scheduler is running turns now (on this thread, or on another). */
    public boolean isRunning() {
        return running;
    }

    private void enter() {
        if (running) throw new IllegalStateException("the scheduler is already running");
        running = true;
    }

    /** Runs turns until the budget is spent, no task is ready, or {@code until} has ended. */
    private Progress turns(long budget, Task until) {
        long spent = 0;
        for (;;) {
            if (wokenPending) drainWoken();
            if (!timers.isEmpty()) fireTimers();
            Task t = ready.peek();
            while (t != null && t.state != Task.State.READY) {
                ready.poll();
                t = ready.peek();
            }
            if (t == null) {
                if (timers.isEmpty() || !clock.isVirtual()) return outlook();
                clock.advanceTo(timers.first().deadline);
                continue;
            }
            if (spent >= budget || (until != null && until.state == Task.State.DEAD)) return Progress.READY;
            ready.poll();
            spent += turn(t);
        }
    }

    /** Where things stand when no task is ready. */
    private Progress outlook() {
        if (!timers.isEmpty()) return Progress.SLEEPING;
        return externalWaits > 0 ? Progress.WAITING : Progress.DONE;
    }

    /** One turn of ready task {@code t}; the fuel it used. */
    private long turn(Task t) {
        long fuel = t.weight == 1 ? slice : saturatedProduct(slice, t.weight);
        if (t.tank != null) {
            long now = clock.nanoTime();
            long turnFuel = Math.min(fuel, t.tank.capacity());
            if (t.tank.level(now) < turnFuel) {
                t.throttled = true;
                t.timer = new Timer(t.tank.timeToHold(turnFuel, now), nextTimerSeq++, t, null);
                timers.add(t.timer);
                return 0;
            }
            fuel = turnFuel;
        }
        t.state = Task.State.RUNNING;
        current = t;
        lastTurn = t;
        Status s;
        try {
            s = t.executor.step(fuel);
        } finally {
            current = null;
        }
        long used = fuel - t.executor.fuel().remaining();
        t.fuelUsed += used;
        fuelUsed += used;
        clock.charge(used);
        if (t.tank != null) t.tank.drain(used);
        if (t.killPending) {
            boolean closeFirst = !t.abortPending;
            t.killPending = false;
            t.abortPending = false;
            // Its handlers, if any, run from its next turn.
            stop(t, closeFirst);
            return used;
        }
        if (s instanceof Status.Running) {
            if (t.state == Task.State.RUNNING) {
                t.state = Task.State.READY;
                ready.add(t);
            }
        } else if (s instanceof Status.Waiting) {
            if (t.state == Task.State.RUNNING) awaitFuture(t);
        } else {
            end(t, s);
        }
        return used;
    }

    private static long saturatedProduct(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /** Task {@code t} waits for a Java future ({@link Action.Await}): wake it when that completes. */
    private void awaitFuture(Task t) {
        CompletableFuture<?> f = t.executor.awaitedFuture();
        t.state = Task.State.WAITING;
        t.waitingFor = Task.Wait.FUTURE;
        externalWaits++;
        f.whenComplete((value, error) -> futureCompleted(t));
    }

    /** A Java future task {@code t} waits for has completed, on any thread. */
    private void futureCompleted(Task t) {
        synchronized (woken) {
            woken.add(t);
            wokenPending = true;
            woken.notifyAll();
        }
        Runnable listener = wakeListener;
        if (listener != null) listener.run();
    }

    /** Makes the tasks whose futures completed ready. */
    private void drainWoken() {
        synchronized (woken) {
            for (Task t; (t = woken.poll()) != null;) {
                if (t.state == Task.State.WAITING && t.waitingFor == Task.Wait.FUTURE) {
                    externalWaits--;
                    t.state = Task.State.READY;
                    t.waitingFor = null;
                    ready.add(t);
                }
            }
            wokenPending = false;
        }
    }

    /** Fires the timers that are due. */
    private void fireTimers() {
        long now = clock.nanoTime();
        while (!timers.isEmpty() && timers.first().deadline <= now) {
            Timer tm = timers.pollFirst();
            Task t = tm.task;
            t.timer = null;
            if (tm.wake == null) {
                t.throttled = false;
                if (t.state == Task.State.READY) ready.add(t);
            } else if (t.wake == tm.wake) {
                wake(t);
            }
        }
    }

    /**
     * For hosts driving the scheduler with {@link #run(long)}: when that answered
     * {@link Progress#SLEEPING} or {@link Progress#WAITING}, waits (without spinning) until a
     * task may be ready: the next timer is due or a Java future completes; but no longer than
     * {@code maxNanos}, so that the host can check its own limits. False if the thread was
     * interrupted.
     *
     * <pre>{@code
     * Scheduler.Progress p;
     * while ((p = scheduler.run(100_000, main)) != Scheduler.Progress.DONE && main.state() != Task.State.DEAD) {
     *     if (cancelled()) break;
     *     if (p != Scheduler.Progress.READY) scheduler.awaitWork(10_000_000);
     * }
     * }</pre>
     */
    public boolean awaitWork(long maxNanos) {
        long now = System.nanoTime();
        long until = maxNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + maxNanos;
        if (!clock.isVirtual()) until = Math.min(until, nextDeadline());
        return idle(until);
    }

    /**
     * Waits, with no task ready, until {@code deadline} (a {@link System#nanoTime()} reading,
     * or {@link Long#MAX_VALUE} for none) or until a Java future completes. False if the
     * thread was interrupted.
     */
    private boolean idle(long deadline) {
        boolean timed = deadline != Long.MAX_VALUE;
        synchronized (woken) {
            while (!wokenPending) {
                long wait = timed ? deadline - System.nanoTime() : 0;
                if (timed && wait <= 0) return true;
                try {
                    woken.wait(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** A pending wake-up: of a blocked task ({@code wake} is what it awaits) or of a throttled one ({@code wake} null). */
    static final class Timer implements Comparable<Timer> {
        final long deadline;
        final long seq;
        final Task task;
        final CompletableFuture<Object> wake;

        Timer(long deadline, long seq, Task task, CompletableFuture<Object> wake) {
            this.deadline = deadline;
            this.seq = seq;
            this.task = task;
            this.wake = wake;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
