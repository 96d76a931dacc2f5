package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Scheduler;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Task;
import dev.moonlet.vm.Values;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code task} library: green threads with mailboxes, as in Erlang, on the instance's
 * {@link Scheduler}. A task is a function running on its own {@link dev.moonlet.vm.Executor};
 * the scheduler gives each ready task a slice of fuel in turn, so tasks are pre-empted without
 * noticing. A task that waits (for a message, a timer or another task) holds no Java thread
 * and uses no fuel.
 *
 * <pre>{@code
 * local echo = task.spawn(function()
 *   local from, text = task.recv()
 *   task.send(from, text:upper())
 * end)
 * task.send(echo, task.self(), "hello")
 * print(task.recv())   --> HELLO
 * }</pre>
 *
 * <p>Handles are userdata whose {@code tostring} is {@code "task: N"}, N counting tasks from 1
 * in spawning order. Blocking functions ({@code recv}, {@code sleep}, {@code join}) must run
 * in a task: in the {@code moonlet} command and in {@code Lua.call} everything does.
 */
public final class TaskLib {
    private static final String NAME = "task";
    /** The registry key of the metatable of task handles. */
    private static final LuaString HANDLE_METATABLE = LuaString.of("moonlet.task");
    private static final LuaString[] STATUS_NAMES = Arrays.stream(Task.State.values())
            .map(s -> LuaString.of(s.luaName())).toArray(LuaString[]::new);

    private TaskLib() {}

    /** Opens the library in {@code instance}: the global {@code task} and {@code package.loaded.task}. */
    public static void open(Instance instance) {
        LuaTable lib = new LuaTable();
        define(instance, lib, "join", TaskLib::join);
        define(instance, lib, "kill", TaskLib::kill);
        define(instance, lib, "recv", TaskLib::recv);
        define(instance, lib, "self", TaskLib::self);
        define(instance, lib, "send", TaskLib::send);
        define(instance, lib, "sleep", TaskLib::sleep);
        define(instance, lib, "spawn", TaskLib::spawn);
        define(instance, lib, "status", TaskLib::status);
        define(instance, lib, "yield", TaskLib::yield);
        Library.install(instance, NAME, lib);
        LuaTable mt = new LuaTable();
        Library.set(instance, mt, "__name", LuaString.of(NAME));
        define(instance, mt, "__tostring", TaskLib::tostring);
        instance.registry().put(HANDLE_METATABLE, mt);
    }

    private static void define(Instance instance, LuaTable lib, String name, Builtin.Body body) {
        Library.define(instance, lib, NAME, name, body);
    }

    /** The Lua value standing for {@code t} (always the same one). */
    public static Object handle(Task t) {
        Object h = t.handle();
        if (h == null) {
            Userdata u = new Userdata(t);
            u.setMetatable((LuaTable) t.scheduler().instance().registry().get(HANDLE_METATABLE));
            t.setHandle(u);
            h = u;
        }
        return h;
    }

    /** {@code task.spawn(f, ...)}: a new task calling {@code f(...)}, queued behind the ready ones; its handle. */
    public static Object spawn(Coroutine co, Object[] args) {
        Object f = Args.checkType(args, 0, "function");
        return handle(co.instance().scheduler().spawn(f, Arrays.copyOfRange(args, 1, args.length)));
    }

    /** {@code task.send(h, ...)}: queues a message of the values in {@code h}'s mailbox; false if {@code h} is dead. */
    public static Object send(Coroutine co, Object[] args) {
        Task target = checkTask(args, 0);
        return target.send(Arrays.copyOfRange(args, 1, args.length));
    }

    /**
     * {@code task.recv([timeout])}: the values of the next message in the running task's
     * mailbox, waiting for one if there is none; nil if none came within {@code timeout}
     * seconds (a timeout of 0 or less only looks).
     */
    public static Object recv(Coroutine co, Object[] args) {
        Task self = runningTask(co, "recv");
        Object[] message = self.nextMessage();
        if (message != null) return message;
        long timeout = -1;
        if (!Args.isNoneOrNil(args, 0)) {
            timeout = nanos(args, 0);
            if (timeout == 0) return null;
        }
        return new Blocking(Task.Wait.RECV, self, self.block(Task.Wait.RECV, timeout));
    }

    /** {@code task.sleep(seconds)}: the running task waits that long (others run meanwhile). */
    public static Object sleep(Coroutine co, Object[] args) {
        Task self = runningTask(co, "sleep");
        long timeout = nanos(args, 0);
        return new Blocking(Task.Wait.SLEEP, self, self.block(Task.Wait.SLEEP, timeout));
    }

    /**
     * {@code task.join(h)}: waits until task {@code h} has ended and returns its results, or
     * raises its error ({@code "task killed"} if it was killed).
     */
    public static Object join(Coroutine co, Object[] args) {
        Task target = checkTask(args, 0);
        Task self = runningTask(co, "join");
        if (target == self) throw Library.error(co, "a task cannot join itself");
        if (target.state() == Task.State.DEAD) return results(target);
        return new Blocking(Task.Wait.JOIN, target, self.join(target));
    }

    /**
     * {@code task.kill(h)}: kills task {@code h}: it runs none of its code any more but the
     * {@code __close} handlers of its pending to-be-closed variables, in its own next turns
     * (see {@link Task#kill}); true if it was alive. A task killing itself stops here.
     */
    public static Object kill(Coroutine co, Object[] args) {
        Task target = checkTask(args, 0);
        if (target.state() == Task.State.DEAD) return false;
        target.kill();
        // A task killing itself awaits a future that never completes: its executor stops here for good.
        if (target == co.executor().task()) return new Blocking(Task.Wait.SLEEP, target, new CompletableFuture<>());
        return true;
    }

    /** {@code task.self()}: the running task's handle (nil in code that Java steps outside any scheduler). */
    public static Object self(Coroutine co, Object[] args) {
        Task t = co.executor().task();
        return t == null ? null : handle(t);
    }

    /** {@code task.yield()}: ends the running task's turn; it goes to the back of the ready queue. */
    public static Object yield(Coroutine co, Object[] args) {
        co.fuel().interrupt();
        return Values.NONE;
    }

    /** {@code task.status(h)}: {@code "ready"}, {@code "running"}, {@code "waiting"} or {@code "dead"}. */
    public static Object status(Coroutine co, Object[] args) {
        Task target = checkTask(args, 0);
        Task.State s = target == co.executor().task() ? Task.State.RUNNING : target.state();
        return STATUS_NAMES[s.ordinal()];
    }

    private static Object tostring(Coroutine co, Object[] args) {
        return LuaString.of("task: " + checkTask(args, 0).id());
    }

    /** Argument {@code i} as a task handle. */
    private static Task checkTask(Object[] args, int i) {
        Object v = Args.arg(args, i);
        if (v instanceof Userdata && ((Userdata) v).payload() instanceof Task) return (Task) ((Userdata) v).payload();
        throw Args.typeError(args, i, NAME);
    }

    /** The task running {@code co}; an error when Java steps the code outside any scheduler. */
    private static Task runningTask(Coroutine co, String function) {
        Task t = co.executor().task();
        if (t == null) throw Library.error(co, "task." + function + " called outside a task");
        return t;
    }

    /** Argument {@code i}, a number of seconds, in nanoseconds (0 for negative or NaN, saturating). */
    private static long nanos(Object[] args, int i) {
        Object n = Args.checkNumber(args, i);
        double seconds = n instanceof Long ? (double) (Long) n : (Double) n;
        if (!(seconds > 0)) return 0;
        double ns = seconds * 1e9;
        return ns >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) ns;
    }

    /** What {@code task.join} returns for ended task {@code t}: its results, or its error raised. */
    private static Object[] results(Task t) {
        Status s = t.outcome();
        if (s instanceof Status.Finished) return ((Status.Finished) s).values();
        throw new LuaError(((Status.Failed) s).error().value());
    }

    /**
     * A blocked {@code recv}, {@code sleep} or {@code join}, or a task that killed itself:
     * awaits the future the scheduler completes to wake the task, then answers. A {@code recv}
     * takes its message from the mailbox when woken, so the message is bound to the very call
     * that waited for it.
     */
    private static final class Blocking implements Sequence {
        private final Task.Wait kind;
        /** The receiving task for RECV, the joined one for JOIN. */
        private final Task task;
        private CompletableFuture<?> wake;

        Blocking(Task.Wait kind, Task task, CompletableFuture<?> wake) {
            this.kind = kind;
            this.task = task;
            this.wake = wake;
        }

        /** The task waited on keeps what the wait returns: its mailbox, or its outcome once dead. */
        @Override
        public void trace(Marker m) {
            task.trace(m);
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (wake != null) {
                Action a = new Action.Await(wake);
                wake = null;
                return a;
            }
            if (kind == Task.Wait.RECV) {
                Object[] message = task.nextMessage();
                return new Action.Return(message != null ? message : new Object[] {null});
            }
            return new Action.Return(kind == Task.Wait.JOIN ? results(task) : Values.NONE);
        }
    }
}
