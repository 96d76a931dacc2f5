package dev.moonlet.playground;

import dev.moonlet.api.Lua;
import dev.moonlet.api.Sandbox;
import dev.moonlet.lib.Args;
import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Fuel;
import dev.moonlet.vm.LuaType;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Lua instance (under the {@link #PROFILE untrusted profile}) and the tasks running on
 * it, one per console at most: the live REPL's machine has the console {@code live} and is
 * replaced on every edit; the paired machine has {@code left} and {@code right}, which share
 * its globals.
 *
 * <p>An instance is confined to one thread at a time, so a machine is the unit the
 * {@link Stepper} schedules: each {@link #turn} runs one slice of one of its tasks, in turns.
 * A task waiting for a future (a library function that answers later) costs a look every
 * {@value #WAITING_POLL_MILLIS} ms, not a busy loop.
 * Other threads never touch the instance; they send commands ({@link #start}, {@link #stop},
 * {@link #close}) that the next turn carries out.
 *
 * <p>Everything a task does is reported to the session's page as events tagged with the
 * console and the run: {@code start}, {@code output} (coalesced per slice), and one of
 * {@code result} (the values, formatted by {@code tostring}), {@code error} (message and
 * traceback), {@code limit} ({@code not enough memory}, {@code out of fuel}) or
 * {@code stopped}.
 */
final class Machine {
    /** {@link #turn} answers this when the machine has nothing to run until a command comes. */
    static final long IDLE = -1;
    /** {@link #turn} answers this when the machine wants another turn at once. */
    static final long AGAIN = 0;
    /** How often a machine whose tasks all wait for a future (Status.Waiting) looks again. */
    private static final long WAITING_POLL_MILLIS = 10;
    /** The longest a machine whose tasks all wait for output budget sleeps before it looks again. */
    private static final long MAX_WAIT_MILLIS = 100;

    /**
     * What a visitor's code may reach: the core's untrusted profile (no files, no processes,
     * no environment, text chunks only), plus {@code io.write}, which writes to the console.
     */
    static final Sandbox PROFILE = Sandbox.untrusted().allow("io.write");

    private static final String CONSOLE_PRELUDE = Resources.text("console.lua");
    private static final LuaString OUT_OF_FUEL = LuaString.of("out of fuel");
    private static final LuaString TOSTRING = LuaString.of("__tostring");

    private final Session session;
    private final Stepper stepper;
    private final Lua lua = new Lua(PROFILE);
    private final LuaFunction format;
    private final Map<String, ConsoleOutput> outputs = new LinkedHashMap<>();
    /** The latest run started on each console; its output events carry it. */
    private final Map<String, Long> runs = new HashMap<>();
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Task> tasks = new ArrayList<>();
    /** The index of the task whose turn is next. */
    private int next;
    private boolean closed;

    /**
     * A machine with a fresh instance and the consoles {@code consoles}; with the consoles
     * {@code left} and {@code right}, its globals {@code print_left} and {@code print_right}
     * write to them.
     */
    Machine(Session session, Stepper stepper, String... consoles) {
        this.session = session;
        this.stepper = stepper;
        for (String c : consoles) outputs.put(c, new ConsoleOutput(c));
        LuaTable prelude = (LuaTable) lua.call(lua.load(CONSOLE_PRELUDE, "=console"),
                Builtin.of("console.write", this::write))[0];
        format = (LuaFunction) prelude.get(LuaString.of("format"));
        lua.pin(format);
        for (String c : consoles) {
            Object printer = prelude.get(LuaString.of("print_" + c));
            if (printer != null) lua.set("print_" + c, printer);
        }
    }

    // ------------------------------------------------------------------ commands (any thread)

    /**
     * Starts {@code code} in {@code language} on {@code console}, abandoning the task running
     * there (it is simply not stepped again), with at most {@code fuelBudget} fuel and the
     * instance's memory limited to {@code memoryLimit} bytes.
     */
    void start(String console, long run, Language language, String code, long fuelBudget, long memoryLimit) {
        submit(() -> begin(console, run, language, code, fuelBudget, memoryLimit));
    }

    /** Stops the task on {@code console}, if one runs; the page hears {@code stopped}. */
    void stop(String console) {
        submit(() -> {
            Task t = taskOn(console);
            if (t != null) end(t, Json.object().put("type", "stopped"));
        });
    }

    /** Drops every task; the machine will not run again. */
    void close() {
        submit(() -> {
            tasks.clear();
            closed = true;
        });
    }

    private void submit(Runnable command) {
        commands.add(command);
        wake();
    }

    /** Puts the machine in the stepper's queue unless it is there already (or running). */
    private void wake() {
        if (scheduled.compareAndSet(false, true)) stepper.schedule(this);
    }

    /** Called by the stepper after a turn answered {@link #IDLE}: the next command wakes the machine. */
    void park() {
        scheduled.set(false);
        if (!commands.isEmpty()) wake();
    }

    // ------------------------------------------------------------------ turns (stepper thread)

    /**
     * Carries out the commands received, then runs one slice of at most {@code slice} fuel of
     * the next task that may run. Answers when the machine wants its next turn: {@link #AGAIN},
     * {@link #IDLE}, or a number of milliseconds to wait (every task waits for output budget).
     */
    long turn(long slice) {
        for (Runnable c; (c = commands.poll()) != null; ) c.run();
        if (closed || tasks.isEmpty()) return IDLE;
        Task t = nextRunnable();
        if (t == null) return Math.min(MAX_WAIT_MILLIS, Math.max(1, session.budget().millisUntilAvailable()));
        step(t, slice);
        if (tasks.isEmpty()) return IDLE;
        for (Task other : tasks) {
            if (!other.waiting) return AGAIN;
        }
        return WAITING_POLL_MILLIS;
    }

    /**
     * Ends every task with an internal error: {@code problem} escaped a step, which is a bug in
     * Moonlet (or the JVM ran out of memory); the machine will not run again.
     */
    void crash(Throwable problem) {
        for (Task t : new ArrayList<>(tasks)) {
            end(t, Json.object().put("type", "error").put("message", "internal error: " + problem).put("traceback", ""));
        }
        closed = true;
    }

    private void begin(String console, long run, Language language, String code, long fuelBudget, long memoryLimit) {
        if (closed) return;
        Task old = taskOn(console);
        if (old != null) tasks.remove(old);
        ConsoleOutput out = outputs.get(console);
        out.discard();
        runs.put(console, run);
        lua.instance().heap().setLimit(memoryLimit);
        post(console, run, Json.object().put("type", "start"));
        Executor ex;
        try {
            ex = language.start(lua, code);
        } catch (LuaError syntax) {
            post(console, run, errorEvent(syntax, language).put("fuel", 0));
            return;
        }
        tasks.add(new Task(out, run, language, fuelBudget, ex));
    }

    /** The next task in turn that may run: one that wrote no output last time, or any while output budget remains. */
    private Task nextRunnable() {
        boolean mayWrite = session.mayWrite();
        int n = tasks.size();
        for (int i = 0; i < n; i++) {
            int k = (next + i) % n;
            Task t = tasks.get(k);
            if (!t.wroteOutput || mayWrite) {
                next = (k + 1) % n;
                return t;
            }
        }
        return null;
    }

    private void step(Task t, long slice) {
        Fuel fuel = t.executor.fuel();
        for (ConsoleOutput o : outputs.values()) o.attach(fuel);
        lua.setOutput(t.output);
        long given = t.nextSlice(slice);
        Status s = t.executor.step(given);
        t.fuelUsed += given - fuel.remaining();
        t.wroteOutput = sendOutput() > 0;
        t.waiting = s instanceof Status.Waiting;
        if (s instanceof Status.Finished) {
            finished(t, ((Status.Finished) s).values());
        } else if (s instanceof Status.Failed) {
            LuaError e = ((Status.Failed) s).error();
            end(t, Heap.NOT_ENOUGH_MEMORY.equals(e.value()) ? limitEvent(Heap.NOT_ENOUGH_MEMORY) : errorEvent(e, t.language));
        } else if (t.fuelUsed >= t.fuelBudget) {
            end(t, limitEvent(OUT_OF_FUEL));
        }
    }

    /**
     * The code returned {@code values}: show them as {@code tostring} would. Nil, booleans,
     * numbers and strings without a {@code __tostring} metamethod are written here; any other
     * value needs Lua's {@code tostring} (an address, a metamethod), so a formatter runs first,
     * as a further step of the task.
     */
    private void finished(Task t, Object[] values) {
        List<String> shown = new ArrayList<>(values.length);
        for (Object v : values) {
            String text = t.formatting ? v.toString() : plainText(v);
            if (text == null) {
                t.formatting = true;
                t.executor = lua.start(format, values);
                return;
            }
            shown.add(text);
        }
        end(t, Json.object().put("type", "result").put("values", shown));
    }

    /** What {@code tostring(v)} gives when Java can tell without running Lua, else null. */
    private String plainText(Object v) {
        if (v == null) return "nil";
        if (v instanceof Boolean) return v.toString();
        if (v instanceof Long) return LuaNumber.toLuaString((long) (Long) v).toString();
        if (v instanceof Double) return LuaNumber.toLuaString((double) (Double) v).toString();
        if (!(v instanceof LuaString)) return null;
        LuaTable mt = lua.instance().metatableOf(v);
        return mt == null || mt.get(TOSTRING) == null ? v.toString() : null;
    }

    /** Removes {@code t} and tells the page how it ended. */
    private void end(Task t, Json event) {
        tasks.remove(t);
        post(t.output.console, t.run, event.put("fuel", t.fuelUsed));
    }

    /** Sends what the consoles received during the slice; answers how many characters. */
    private long sendOutput() {
        long sent = 0;
        for (ConsoleOutput o : outputs.values()) {
            if (o.isEmpty()) continue;
            String text = o.take();
            if (text.isEmpty()) continue;
            post(o.console, runs.getOrDefault(o.console, 0L), Json.object().put("type", "output").put("text", text));
            sent += text.length();
        }
        if (sent > 0) session.budget().spend(sent);
        return sent;
    }

    private Task taskOn(String console) {
        for (Task t : tasks) {
            if (t.output.console.equals(console)) return t;
        }
        return null;
    }

    private void post(String console, long run, Json event) {
        session.outbox().post(Json.object().put("console", console).put("run", run).merge(event));
    }

    private static Json limitEvent(LuaString message) {
        return Json.object().put("type", "limit").put("message", message.toString());
    }

    /** The event for an error: its message as {@code lua} shows it, and its traceback if the language shows one. */
    private static Json errorEvent(LuaError e, Language language) {
        Object v = e.value();
        String message = v instanceof LuaString || v instanceof Long || v instanceof Double
                ? e.getMessage()
                : "(error object is a " + LuaType.typeName(v) + " value)";
        String traceback = e.traceback() == null || !language.showsTraceback() ? "" : e.traceback();
        return Json.object().put("type", "error").put("message", message).put("traceback", traceback);
    }

    /** {@code write(console, text)}: the host function behind {@code print_left} and {@code print_right}. */
    private Object write(Coroutine co, Object[] args) {
        LuaString console = Args.checkString(args, 0);
        LuaString text = Args.checkString(args, 1);
        ConsoleOutput out = outputs.get(console.toString());
        if (out == null) throw new LuaError("no console '" + console + "'");
        co.fuel().consume(text.length() / 64 + 1);
        out.write(text.rawBytes(), 0, text.length());
        return Values.NONE;
    }
}
