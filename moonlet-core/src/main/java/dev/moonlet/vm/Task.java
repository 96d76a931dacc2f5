package dev.moonlet.vm;

import dev.moonlet.value.LuaError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A tasklet: one {@link Executor} on an instance, run in turns by the instance's
 * {@link Scheduler}, with a mailbox of messages ({@code task.send}, {@code task.recv}).
 * {@code task.spawn} makes one from Lua; {@link Scheduler#spawn} from Java.
 *
 * <pre>{@code
 * Task t = lua.scheduler().spawn(lua.load("return task.recv() * 2", "=double"));
 * t.send(21L);
 * lua.scheduler().run();
 * t.outcome();   // Finished([42])
 * }</pre>
 *
 * <p>A task is {@linkplain State#READY ready} (queued for a turn), {@linkplain State#RUNNING
 * running} (in its turn), {@linkplain State#WAITING waiting} (for a message, a timer, another
 * task or a Java future: such a task is not polled and uses no fuel) or
 * {@linkplain State#DEAD dead} (it returned, failed or was killed).
 */
public final class Task implements Traced {
    /** The state of a task, as {@code task.status} names it. */
    public enum State {
        /** Queued for a turn (or waiting for its {@link FuelTank} to refill). */
        READY("ready"),
        /** In its turn now. */
        RUNNING("running"),
        /** Blocked on a message, a timer, another task or a Java future. */
        WAITING("waiting"),
        /** Returned, failed or was killed. */
        DEAD("dead");

        private final String luaName;

        State(String luaName) {
            this.luaName = luaName;
        }

        /** The name {@code task.status} returns. */
        public String luaName() {
            return luaName;
        }
    }

    /** What a waiting task waits for. */
    public enum Wait {
        /** A message ({@code task.recv}). */
        RECV("task.recv"),
        /** A timer ({@code task.sleep}). */
        SLEEP("task.sleep"),
        /** Another task's end ({@code task.join}). */
        JOIN("task.join"),
        /** A Java future ({@link Action.Await}). */
        FUTURE("Java future");

        private final String description;

        Wait(String description) {
            this.description = description;
        }

        /** What listings show: {@code "task.recv"}, ... */
        public String description() {
            return description;
        }
    }

    /** The error a killed task's joiners get (unless one of its {@code __close} handlers raised another). */
    static final String KILLED = "task killed";

    final Scheduler scheduler;
    final long id;
    final Executor executor;
    State state = State.READY;
    /** What a waiting task waits for. */
    Wait waitingFor;
    /**
     * The future the task's blocking builtin awaits while the task waits for a message, a timer
     * or a join; the scheduler completes it to wake the task. Null otherwise.
     */
    CompletableFuture<Object> wake;
    /** The pending timer of a sleep, a receive with a timeout, or a refill of the tank; or null. */
    Scheduler.Timer timer;
    /** Whether a ready task waits for its fuel tank to refill (it is on the timer queue, not the ready queue). */
    boolean throttled;
    final ArrayDeque<Message> mailbox = new ArrayDeque<>();
    /** Tasks blocked in {@code task.join} on this one. */
    final List<Task> joiners = new ArrayList<>(0);
    /** The task this one is blocked in {@code task.join} on, or null. */
    Task joined;
    /** Whether the task was killed (it may still be running its {@code __close} handlers). */
    boolean killed;
    /** Whether the task was killed during its own turn: the scheduler stops it when the turn ends. */
    boolean killPending;
    /** Whether that kill ends it without running its {@code __close} handlers. */
    boolean abortPending;
    /** Whether the task, killed, runs its pending {@code __close} handlers and nothing else. */
    boolean closing;
    /** How the task ended, once dead. */
    Status outcome;
    int weight = 1;
    FuelTank tank;
    long fuelUsed;
    /** The Lua value standing for this task ({@code task.self()}), made by the task library. */
    private Object handle;
    /** The host's tag for the program this task belongs to (see {@link #group()}). */
    Object group;

    Task(Scheduler scheduler, long id, Executor executor) {
        this.scheduler = scheduler;
        this.id = id;
        this.executor = executor;
        executor.task = this;
    }

    /**
     * Marks what the task keeps: its executor's coroutines, the messages in its mailbox, its
     * handle and, once dead, its results or error (which {@code task.join} still returns).
     */
    @Override
    public void trace(Marker m) {
        executor.trace(m);
        for (Message message : mailbox) m.mark(message);
        m.mark(handle);
        if (outcome instanceof Status.Finished) m.markAll(((Status.Finished) outcome).values());
        if (outcome instanceof Status.Failed) m.mark(((Status.Failed) outcome).error().value());
    }

    /** The task's number, unique in its scheduler, counting from 1 in spawning order. */
    public long id() {
        return id;
    }

    /** The scheduler running this task. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The executor this task is (its scheduler steps it: do not step it yourself). */
    public Executor executor() {
        return executor;
    }

    /** The task's state. */
    public State state() {
        return state;
    }

    /**
     * How the task ended: {@link Status.Finished} with its results or {@link Status.Failed}
     * with its error (a killed task failed with {@code "task killed"}, or with the error one
     * of its {@code __close} handlers raised); null while it lives.
     */
    public Status outcome() {
        return outcome;
    }

    /**
     * Whether the task was killed ({@link #kill()}, {@link #abort()}, {@code task.kill}); it
     * may still be alive, running its {@code __close} handlers ({@link #isClosing()}).
     */
    public boolean wasKilled() {
        return killed;
    }

    /** Whether the task was killed and is running its pending {@code __close} handlers. */
    public boolean isClosing() {
        return closing && state != State.DEAD;
    }

    /**
     * Queues a message of {@code values} (Lua values) in the task's mailbox, waking it if it
     * waits in {@code task.recv}; false if the task is dead. Like everything on an instance,
     * call it on the thread running the instance (between turns, or from a Java function a
     * task calls); another thread hands values over by completing a future a task awaits.
     */
    public boolean send(Object... values) {
        return scheduler.send(this, values);
    }

    /** What the task waits for while it is {@linkplain State#WAITING waiting}; else null. */
    public Wait waitingFor() {
        return state == State.WAITING ? waitingFor : null;
    }

    /** Takes the next message from the mailbox: its values, or null when the mailbox is empty. */
    public Object[] nextMessage() {
        Message m = mailbox.poll();
        return m == null ? null : m.values;
    }

    /**
     * Blocks this task, which must be the one running, on {@code what} ({@link Wait#RECV},
     * {@link Wait#SLEEP}): answers the future that the builtin blocking it must
     * {@linkplain Action.Await await}. The scheduler completes it (with no value) to wake the
     * task: when a message comes for {@code RECV}, and after {@code timeoutNanos} at the
     * latest when that is not negative.
     */
    public CompletableFuture<?> block(Wait what, long timeoutNanos) {
        checkRunning();
        if (what != Wait.RECV && what != Wait.SLEEP) throw new IllegalArgumentException("cannot block on " + what);
        return scheduler.block(this, what, timeoutNanos);
    }

    /**
     * Blocks this task, which must be the one running, until {@code target} (alive, not this
     * task) has ended: answers the future to {@linkplain Action.Await await}, as {@link #block}.
     */
    public CompletableFuture<?> join(Task target) {
        checkRunning();
        if (target == this || target.state == State.DEAD) throw new IllegalArgumentException("cannot join " + target);
        return scheduler.join(this, target);
    }

    private void checkRunning() {
        if (state != State.RUNNING) throw new IllegalStateException(this + " is not running");
    }

    /** The messages waiting in the mailbox. */
    public int pendingMessages() {
        return mailbox.size();
    }

    /**
     * Kills the task as {@code task.kill} does: it runs none of its code any more, except the
     * {@code __close} handlers of the to-be-closed variables it has pending, which run in its
     * next turns, innermost first, each with nil as the error (as {@code coroutine.close}
     * runs them). Then it is dead, and its joiners get the error {@code "task killed"}, or
     * the error a handler raised (which, when nothing joins the task, the scheduler reports
     * as any failure). With no handler pending, the task is dead at once. Killing a task
     * that is running its handlers ends it at once, as {@link #abort()}. A task killing
     * itself stops at the end of its turn, which is at once (its fuel is interrupted).
     */
    public void kill() {
        scheduler.kill(this, true);
    }

    /**
     * Ends the task at once and for good, as a host stopping a script at a limit does: no
     * {@code __close} handler runs; its joiners get the error {@code "task killed"}.
     */
    public void abort() {
        scheduler.kill(this, false);
    }

    /** The task's weight: each turn it gets {@code weight} fuel slices. */
    public int weight() {
        return weight;
    }

    /**
     * Gives the task {@code weight} slices of fuel per turn (1 by default): with weights 1 and
     * 3, two busy tasks share the work 1:3.
     */
    public void setWeight(int weight) {
        if (weight < 1) throw new IllegalArgumentException("weight must be at least 1");
        this.weight = weight;
    }

    /** The task's fuel tank, or null (unlimited). */
    public FuelTank tank() {
        return tank;
    }

    /** Limits the task by a fuel tank (null removes the limit); see {@link FuelTank}. */
    public void setTank(FuelTank tank) {
        this.tank = tank;
    }

    /** The fuel the task has used in all its turns. */
    public long fuelUsed() {
        return fuelUsed;
    }

    /**
     * A line for listings such as {@code moonlet --stats}: {@code "task 3: waiting (task.recv)"},
     * {@code "task 1: ready"}, {@code "task 4: waiting (task.sleep; killed, closing)"}.
     */
    public String describe() {
        String s = "task " + id + ": " + state.luaName();
        String detail = state == State.WAITING && waitingFor != null ? waitingFor.description() : null;
        if (isClosing()) detail = detail == null ? "killed, closing" : detail + "; killed, closing";
        return detail == null ? s : s + " (" + detail + ")";
    }

    /**
     * The host's tag for the program the task belongs to: any Java object, null unless set.
     * A task spawned while another has its turn ({@code task.spawn}) starts in that task's
     * group, so a host running several programs on one instance can tell which one a task,
     * however far down its spawning, belongs to: route its output, charge its fuel, stop all
     * of a program's tasks at once.
     *
     * <pre>{@code
     * Task main = scheduler.spawn(chunk);
     * main.setGroup(console);
     * // later, in a turn: scheduler.current().group() is console, for main and what it spawned
     * }</pre>
     */
    public Object group() {
        return group;
    }

    /** Sets the task's {@linkplain #group() group}; the tasks it spawns from now on start in it. */
    public void setGroup(Object group) {
        this.group = group;
    }

    /** The Lua value standing for this task, or null before the task library made one. */
    public Object handle() {
        return handle;
    }

    /** Sets the Lua value standing for this task (the task library does, once). */
    public void setHandle(Object handle) {
        this.handle = handle;
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The error of a killed task. */
    static final class Killed extends LuaError {
        Killed() {
            super(KILLED);
        }
    }
}
