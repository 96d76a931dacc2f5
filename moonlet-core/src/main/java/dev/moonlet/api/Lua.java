package dev.moonlet.api;

import dev.moonlet.lib.BaseLib;
import dev.moonlet.lib.CoroutineLib;
import dev.moonlet.lib.DebugLib;
import dev.moonlet.lib.EffectLib;
import dev.moonlet.lib.IoLib;
import dev.moonlet.lib.MathLib;
import dev.moonlet.lib.OsLib;
import dev.moonlet.lib.PackageLib;
import dev.moonlet.lib.PromptLib;
import dev.moonlet.lib.StringLib;
import dev.moonlet.lib.TaskLib;
import dev.moonlet.lib.TableLib;
import dev.moonlet.lib.Utf8Lib;
import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.AwaitFuture;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Scheduler;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Task;
import dev.moonlet.vm.Values;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A Lua instance for Java programs: its globals, its libraries, loading code, and running it.
 *
 * <pre>{@code
 * Lua lua = new Lua();
 * lua.run("function greet(name) return 'hello, ' .. name end");
 * Object[] r = lua.call(lua.get("greet"), "moon");
 * Lua.toJava(r[0]);                            // "hello, moon"
 * }</pre>
 *
 * <p>Scripts run in slices: {@link #start} gives an {@link Executor} whose
 * {@link Executor#step(long) step(fuel)} does about {@code fuel} units of work and returns,
 * whatever the script does, so a program can time-slice scripts, cancel them (by not stepping
 * any more), or run many on one thread. {@link #call} and {@link #run} simply step until the
 * script is done: use them for code you trust to finish.
 *
 * <p>Values crossing the boundary are plain Java objects: {@code null} (nil), {@link Boolean},
 * {@link Long} (integers), {@link Double} (floats), {@link LuaString}, {@link LuaTable},
 * {@link LuaFunction}, {@link dev.moonlet.vm.Coroutine} and {@link dev.moonlet.value.Userdata}.
 * {@link #toLua} and {@link #toJava} convert the common Java types.
 *
 * <p>An instance belongs to one thread at a time; separate instances share nothing and may
 * run on different threads.
 */
public final class Lua {
    /** The fuel {@link #call} gives each step. */
    private static final long FUEL_PER_STEP = 1_000_000;

    private final Instance instance = new Instance();

    /**
     * A new instance with every standard library that Moonlet has so far open: the basic
     * functions, {@code package}, {@code coroutine}, {@code string}, {@code table},
     * {@code math}, {@code utf8}, {@code os}, {@code io} and {@code debug}, and Moonlet's
     * {@code prompt}, {@code effect} and {@code task}.
     *
     * <pre>{@code
     * Lua lua = new Lua();
     * lua.run("print(_VERSION)");   // Lua 5.4
     * }</pre>
     */
    public Lua() {
        this(Sandbox.trusted());
    }

    /**
     * A new instance with what {@code sandbox} allows of the standard library open, and
     * nothing else: see {@link Sandbox} for the profiles.
     *
     * <pre>{@code
     * Lua lua = new Lua(Sandbox.untrusted());
     * lua.run("return os.exit");   // [null]
     * }</pre>
     */
    public Lua(Sandbox sandbox) {
        BaseLib.open(instance);
        PackageLib.open(instance);
        CoroutineLib.open(instance);
        PromptLib.open(instance);
        EffectLib.open(instance);
        StringLib.open(instance);
        TableLib.open(instance);
        MathLib.open(instance);
        Utf8Lib.open(instance);
        OsLib.open(instance);
        IoLib.open(instance);
        DebugLib.open(instance);
        TaskLib.open(instance);
        sandbox.apply(instance);
    }

    /**
     * The instance underneath, for what this facade does not cover (executors of your own,
     * the registry, type metatables).
     *
     * <pre>{@code
     * Executor ex = new Executor(lua.instance(), fn);
     * }</pre>
     */
    public Instance instance() {
        return instance;
    }

    /**
     * Compiles {@code code} into a function without running it.
     *
     * <pre>{@code
     * LuaFunction f = lua.load("return 6 * 7", "=answer");
     * lua.call(f);   // [42]
     * }</pre>
     *
     * @param chunkName the name messages give the chunk: {@code "=name"} shows as {@code name},
     *     {@code "@file.lua"} as {@code file.lua}, anything else as {@code [string "..."]}
     * @throws LuaError the syntax error: {@code load("return * 7", "=answer")} raises
     *     {@code "answer:1: unexpected symbol near '*'"}
     */
    public LuaFunction load(String code, String chunkName) {
        return instance.load(code.getBytes(StandardCharsets.UTF_8), LuaString.of(chunkName), "t", null);
    }

    /**
     * An executor that will call {@code fn} (any callable value) with {@code args} (converted by
     * {@link #toLua}); nothing runs until you step it.
     *
     * <pre>{@code
     * Executor ex = lua.start(lua.load("while true do end", "=spin"));
     * Status s = ex.step(10_000);   // Status.Running: the loop went round about 10,000 times
     * }</pre>
     */
    public Executor start(Object fn, Object... args) {
        return new Executor(instance, fn, convertAll(args));
    }

    /**
     * Calls {@code fn} with {@code args} (converted by {@link #toLua}) as a task of this
     * instance's {@link #scheduler()} and runs the scheduler on this thread until that task
     * has ended; returns its results. Other tasks run meanwhile (those it spawns, those
     * spawned before), and those still alive stay in the scheduler. For code you trust to
     * finish: this returns only when the call does. (Called from a Java function that a
     * task called, it runs {@code fn} to its end at once, outside the scheduler.)
     *
     * <pre>{@code
     * lua.run("function add(a, b) return a + b end");
     * lua.call(lua.get("add"), 2, 3);   // [5L]
     * }</pre>
     *
     * @throws LuaError the error the call raised (its {@link LuaError#traceback()} says where),
     *     or {@code "deadlock: ..."} when the call waits for something no task will ever do, or
     *     {@code "interrupted"} when this thread was interrupted while the call waited (the
     *     call's task is aborted, and the thread stays interrupted)
     */
    public Object[] call(Object fn, Object... args) {
        Scheduler scheduler = instance.scheduler();
        if (scheduler.isRunning()) return callAlone(fn, convertAll(args));
        Task task = scheduler.spawn(fn, convertAll(args));
        Status s = scheduler.runUntil(task);
        if (s instanceof Status.Finished) return ((Status.Finished) s).values();
        if (s instanceof Status.Failed) throw ((Status.Failed) s).error();
        task.abort();
        if (Thread.currentThread().isInterrupted()) throw new LuaError("interrupted");
        throw new LuaError("deadlock: the call waits for something no task will do");
    }

    /**
     * Runs {@code fn} to its end in an executor of its own, which is not a task (the task
     * library's blocking functions raise errors in it) and lets no task run meanwhile: for
     * {@link #call} from a Java function that a task called (the scheduler is busy running
     * that task), and for {@link #close}.
     */
    private Object[] callAlone(Object fn, Object[] args) {
        return runAlone(start(fn, args));
    }

    /** Steps {@code ex} to its end on this thread (see {@link #callAlone}); its results. */
    private static Object[] runAlone(Executor ex) {
        for (;;) {
            Status s = ex.step(FUEL_PER_STEP);
            if (s instanceof Status.Finished) return ((Status.Finished) s).values();
            if (s instanceof Status.Failed) throw ((Status.Failed) s).error();
            if (s instanceof Status.Waiting) awaitQuietly(ex.awaitedFuture());
        }
    }

    /** Waits until {@code f} completes; its outcome, even a failure, is the next step's to deliver. */
    private static void awaitQuietly(CompletableFuture<?> f) {
        f.handle((value, error) -> null).join();
    }

    /**
     * Closes the instance as {@code lua_close} does: runs the finalizers ({@code __gc}) that
     * are pending, then those of every object still marked for finalization, the most recently
     * marked first, each once. An error in a finalizer becomes a warning. Afterwards nothing is
     * marked for finalization any more; the instance stays usable. No task runs meanwhile:
     * tasks still alive stay as they are, as lua.c leaves them when its main chunk fails.
     *
     * <pre>{@code
     * lua.run("setmetatable({}, {__gc = function() print('bye') end})");
     * lua.close();   // prints bye
     * }</pre>
     */
    public void close() {
        Heap heap = instance.heap();
        long limit = heap.limit();
        Executor ex;
        // The executor running the finalizers is the instance's own machinery, as lua_close's
        // stack is: a script that left its heap full must not keep the instance from closing
        // (the finalizers themselves run under the limit; their errors become warnings).
        heap.setLimit(Long.MAX_VALUE);
        try {
            ex = start(Builtin.of("close", (co, args) -> instance.collector().close()));
        } finally {
            heap.setLimit(limit);
        }
        runAlone(ex);
    }

    /**
     * Compiles and runs {@code code} (named after itself in messages, as
     * {@code luaL_dostring} does); returns its results.
     *
     * <pre>{@code
     * lua.run("x = 10");
     * lua.run("return x * 2");   // [20L]
     * }</pre>
     *
     * @throws LuaError a syntax error or the error the code raised
     */
    public Object[] run(String code) {
        return call(load(code, code));
    }

    /**
     * The scheduler of this instance's tasks: {@code task.spawn} adds to it, {@link #call}
     * runs it. Use it to spawn tasks from Java, to set the fuel slice, weights and fuel tanks,
     * or a virtual clock.
     *
     * <pre>{@code
     * Task t = lua.scheduler().spawn(lua.load("print('hi from a task')", "=t"));
     * lua.scheduler().run();
     * }</pre>
     */
    public Scheduler scheduler() {
        return instance.scheduler();
    }

    /**
     * What a Java function returns to answer "the value of this future": the calling task
     * waits without holding a Java thread (the instance's other tasks run meanwhile) and
     * resumes once the future completes, on any thread, with its value converted by
     * {@link #toLua}, or raises its exception as a Lua error.
     *
     * <pre>{@code
     * lua.register("fetch", Builtin.of("fetch", (co, args) ->
     *         Lua.await(CompletableFuture.supplyAsync(() -> download(args[0].toString())))));
     * lua.run("print(fetch('https://example.com'))");
     * }</pre>
     */
    public static Sequence await(CompletableFuture<?> future) {
        return new AwaitFuture(future.thenApply(Lua::toLua));
    }

    /**
     * The global table ({@code _G}).
     *
     * <pre>{@code
     * lua.globals().put(LuaString.of("limit"), 100L);
     * }</pre>
     */
    public LuaTable globals() {
        return instance.globals();
    }

    /**
     * Sets the global {@code name} to {@code value}, converted by {@link #toLua}.
     *
     * <pre>{@code
     * lua.set("greeting", "hi");   // a Lua string
     * lua.run("print(greeting)");  // hi
     * }</pre>
     */
    public void set(String name, Object value) {
        instance.globals().put(instance.strings().intern(name), toLua(value));
    }

    /**
     * The value of the global {@code name} (raw: no metamethods), or null.
     *
     * <pre>{@code
     * lua.run("answer = 42");
     * lua.get("answer");   // 42L
     * }</pre>
     */
    public Object get(String name) {
        return instance.globals().get(instance.strings().intern(name));
    }

    /**
     * Makes the Java function {@code fn} the global {@code name}.
     *
     * <pre>{@code
     * lua.register("twice", Builtin.of("twice", (co, args) -> 2 * Args.checkInteger(args, 0)));
     * lua.run("return twice(21)");   // [42L]
     * }</pre>
     */
    public void register(String name, Builtin fn) {
        set(name, fn);
    }

    /**
     * Keeps {@code value} alive while Java code holds it between steps; each pin needs an
     * {@link #unpin}. Values reachable only from Java are otherwise collected once the
     * instance accounts for memory.
     *
     * <pre>{@code
     * LuaTable config = (LuaTable) lua.run("return {size = 3}")[0];
     * lua.pin(config);
     * // ... later steps, other scripts ...
     * lua.unpin(config);
     * }</pre>
     */
    public void pin(Object value) {
        instance.pin(value);
    }

    /** Undoes one {@link #pin} of {@code value}. */
    public void unpin(Object value) {
        instance.unpin(value);
    }

    /**
     * Applies {@code limits} to this instance from now on (see {@link Limits} for what going
     * over each does). Memory already accounted stays; the fuel already spent counts against
     * the new fuel limit; the call depth applies to executors and coroutines made after.
     *
     * <pre>{@code
     * lua.setLimits(Limits.NONE.withMemory(Limits.parseSize("16m")).withFuel(10_000_000));
     * lua.run("return pcall(string.rep, 'x', 1e9)");   // [false, "not enough memory"]
     * }</pre>
     */
    public void setLimits(Limits limits) {
        instance.heap().setLimit(limits.memory());
        instance.heap().setMaxStringLength(limits.stringLength());
        instance.setFuelLimit(limits.fuel());
        instance.setCallDepth(limits.callDepth());
    }

    /** The limits in force ({@link Limits#NONE} unless {@link #setLimits} changed them). */
    public Limits limits() {
        return new Limits(instance.heap().limit(), instance.fuelLimit(), instance.callDepth(),
                instance.heap().maxStringLength());
    }

    /**
     * The memory the instance accounts for now, in bytes: what its last collection found live
     * plus what was allocated since. An estimate of the JVM memory its objects take, the same
     * estimate the memory limit is checked against.
     *
     * <pre>{@code
     * long before = lua.memoryUsed();
     * lua.run("big = string.rep('x', 1000000)");
     * lua.memoryUsed() - before;   // a little over 1000000
     * }</pre>
     */
    public long memoryUsed() {
        return instance.heap().used();
    }

    /** The most memory the instance has accounted for at once, in bytes (see {@link #memoryUsed}). */
    public long memoryPeak() {
        return instance.heap().peak();
    }

    /** The fuel this instance's executors have spent in total (what the fuel limit counts). */
    public long fuelSpent() {
        return instance.fuelSpent();
    }

    /**
     * Sends {@code print}'s output to {@code out} (standard output by default).
     *
     * <pre>{@code
     * ByteArrayOutputStream out = new ByteArrayOutputStream();
     * lua.setOutput(out);
     * lua.run("print('captured')");
     * out.toString();   // "captured\n"
     * }</pre>
     */
    public void setOutput(OutputStream out) {
        instance.setOutput(out);
    }

    /** Sends warnings ({@code warn}) to {@code err} (standard error by default). */
    public void setErrorOutput(OutputStream err) {
        instance.setErrorOutput(err);
    }

    /**
     * The Lua value for a Java value: a {@link String} becomes a {@link LuaString} (UTF-8),
     * {@link Integer}, {@link Short} and {@link Byte} become {@link Long}, {@link Float}
     * becomes {@link Double}; Lua values are returned as they are.
     *
     * <pre>{@code
     * Lua.toLua("text");   // LuaString "text"
     * Lua.toLua(7);        // 7L
     * }</pre>
     *
     * @throws IllegalArgumentException for other Java objects (wrap them in a
     *     {@link dev.moonlet.value.Userdata})
     */
    public static Object toLua(Object value) {
        if (value instanceof String) return LuaString.of((String) value);
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) return ((Float) value).doubleValue();
        dev.moonlet.vm.LuaType.typeName(value); // rejects anything that is not a Lua value
        return value;
    }

    /**
     * The Java value for a Lua value: a {@link LuaString} becomes a {@link String} (decoded as
     * UTF-8); everything else is returned as it is.
     *
     * <pre>{@code
     * Lua.toJava(lua.run("return 'moon'")[0]);   // "moon"
     * }</pre>
     */
    public static Object toJava(Object value) {
        return value instanceof LuaString ? value.toString() : value;
    }

    private static Object[] convertAll(Object[] args) {
        Object[] r = new Object[args.length];
        for (int i = 0; i < args.length; i++) r[i] = toLua(args[i]);
        return r;
    }
}
