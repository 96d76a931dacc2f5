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
import dev.moonlet.vm.LuaType;
import dev.moonlet.vm.Scheduler;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Task;
import dev.moonlet.vm.Values;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Lua instance (under the {@link #PROFILE untrusted profile}) and the evaluations running
 * on it, one per console at most: the live REPL's machine has the console {@code live} and is
 * replaced on every edit; the paired machine has {@code left} and {@code right}, which share
 * its globals.
 *
 * <p>Evaluations run as tasks of the instance's {@link Scheduler}, so the {@code task} library
 * works as in the {@code moonlet} command: the code of an evaluation is a task, and the tasks
 * it spawns belong to the same {@link Evaluation} (its {@linkplain Task#group() group}): they
 * print to its console, spend its fuel budget, and are stopped with it (by the console's stop
 * button, a new run on the console, or the budget running out). The evaluation's result is
 * shown when its code's task ends; tasks it spawned may go on after that, still printing to
 * its console.
 *
 * <p>An instance is confined to one thread at a time, so a machine is the unit the
 * {@link Stepper} schedules: each {@link #turn} runs one turn of the scheduler (one slice of
 * one task). A machine whose tasks all sleep asks to be woken at the next timer; one whose
 * tasks wait for a Java future is woken when it completes; one whose tasks wait for messages
 * only costs nothing until a command comes (on the live REPL, where no other code can ever
 * send them one, its evaluation ends as a deadlock, as the command reports it). Other threads never touch the instance; they send
 * commands ({@link #start}, {@link #stop}, {@link #close}) that the next turn carries out.
 *
 * <p>Everything an evaluation does is reported to the session's page as events tagged with
 * the console and the run: {@code start}, {@code output} (coalesced per slice), and one of
 * {@code result} (the values, formatted by {@code tostring}), {@code error} (message and
 * traceback), {@code limit} ({@code not enough memory}, {@code out of fuel}) or
 * {@code stopped}. A spawned task that fails with nobody joining it writes
 * {@code task N failed: ...} to the console, as the command does on its error output.
 */
final class Machine {
    /** {@link #turn} answers this when the machine has nothing to run until a command (or a future) wakes it. */
    static final long IDLE = -1;
    /** {@link #turn} answers this when the machine wants another turn at once. */
    static final long AGAIN = 0;
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
    private final Scheduler scheduler = lua.scheduler();
    private final LuaFunction format;
    private final Map<String, ConsoleOutput> outputs = new LinkedHashMap<>();
    /** The latest run started on each console; its output events carry it. */
    private final Map<String, Long> runs = new HashMap<>();
    /** The evaluation of each console, until a new run or a stop replaces it (its tasks may outlive its result). */
    private final Map<String, Evaluation> evaluations = new LinkedHashMap<>();
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Set (on any thread) when a Java future a task waits for completes. */
    private final AtomicBoolean futureCompleted = new AtomicBoolean();
    /** Whether the last turn wrote output: the next waits for the session's output budget. */
    private boolean wroteOutput;
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
        lua.setOutput(new Router());
        scheduler.setFailureHandler(this::taskFailed);
        scheduler.setWakeListener(() -> {
            futureCompleted.set(true);
            wake();
        });
    }

    // ------------------------------------------------------------------ commands (any thread)

    /**
     * Starts {@code code} in {@code language} on {@code console}, stopping the evaluation
     * there (and every task it spawned), with at most {@code fuelBudget} fuel and the
     * instance's memory limited to {@code memoryLimit} bytes.
     */
    void start(String console, long run, Language language, String code, long fuelBudget, long memoryLimit) {
        submit(() -> begin(console, run, language, code, fuelBudget, memoryLimit));
    }

    /** Stops the evaluation on {@code console} and the tasks it spawned, if any run; the page hears {@code stopped}. */
    void stop(String console) {
        submit(() -> {
            Evaluation e = evaluations.remove(console);
            if (e == null) return;
            boolean wasRunning = e.isRunning();
            if (abortTasks(e) > 0 || wasRunning) end(e, Json.object().put("type", "stopped"));
        });
    }

    /** Drops every evaluation; the machine will not run again. */
    void close() {
        submit(() -> {
            evaluations.clear();
            closed = true;
        });
    }

    private void submit(Runnable command) {
        commands.add(command);
        wake();
    }

    /** Puts the machine in the stepper's queue unless it is there already (or running). */
    void wake() {
        if (scheduled.compareAndSet(false, true)) stepper.schedule(this);
    }

    /**
     * Called by the stepper after a turn that did not answer {@link #AGAIN}: the next command,
     * future or {@link #wake} puts the machine in the queue again.
     */
    void park() {
        scheduled.set(false);
        if (!commands.isEmpty() || futureCompleted.get()) wake();
    }

    // ------------------------------------------------------------------ turns (stepper thread)

    /**
     * Carries out the commands received, then runs one turn of the scheduler: a slice of at
     * most {@code slice} fuel of the next ready task. Answers when the machine wants its next
     * turn: {@link #AGAIN}, {@link #IDLE}, or a number of milliseconds after which to
     * {@linkplain #wake wake} it (its tasks sleep, or wait for output budget).
     */
    long turn(long slice) {
        for (Runnable c; (c = commands.poll()) != null; ) c.run();
        if (closed) return IDLE;
        if (wroteOutput && !session.mayWrite()) {
            return Math.min(MAX_WAIT_MILLIS, Math.max(1, session.budget().millisUntilAvailable()));
        }
        futureCompleted.set(false);
        scheduler.setSlice(sliceFor(slice));
        long before = scheduler.fuelUsed();
        Scheduler.Progress p = scheduler.run(1);
        long used = scheduler.fuelUsed() - before;
        Task last = scheduler.lastTurn();
        if (used > 0 && last != null && last.group() instanceof Evaluation) ((Evaluation) last.group()).fuelUsed += used;
        wroteOutput = sendOutput() > 0;
        if (settle()) return AGAIN;
        if (p == Scheduler.Progress.DONE && outputs.size() == 1) endDeadlocked();
        switch (p) {
            case READY:
                return AGAIN;
            case SLEEPING:
                long nanos = scheduler.nextDeadline() - scheduler.clock().nanoTime();
                return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1);
            default:
                return IDLE;
        }
    }

    /**
     * The fuel of the next turn: {@code slice}, or less so that no running evaluation goes
     * past its budget (the task having the turn may be any of them).
     */
    private long sliceFor(long slice) {
        long s = slice;
        for (Evaluation e : evaluations.values()) {
            if (e.isRunning()) s = Math.min(s, e.fuelLeft());
        }
        return Math.max(1, s);
    }

    /**
     * Ends every evaluation with an internal error: {@code problem} escaped a turn, which is a
     * bug in Moonlet (or the JVM ran out of memory); the machine will not run again.
     */
    void crash(Throwable problem) {
        for (Evaluation e : evaluations.values()) {
            end(e, Json.object().put("type", "error").put("message", "internal error: " + problem).put("traceback", ""));
        }
        evaluations.clear();
        closed = true;
    }

    private void begin(String console, long run, Language language, String code, long fuelBudget, long memoryLimit) {
        if (closed) return;
        Evaluation old = evaluations.remove(console);
        if (old != null) abortTasks(old);
        ConsoleOutput out = outputs.get(console);
        out.discard();
        runs.put(console, run);
        lua.instance().heap().setLimit(memoryLimit);
        Evaluation e = new Evaluation(out, run, language, fuelBudget);
        post(e, Json.object().put("type", "start"));
        try {
            e.main = language.spawn(lua, code);
        } catch (LuaError syntax) {
            post(e, errorEvent(syntax, language).put("fuel", 0));
            return;
        }
        e.main.setGroup(e);
        evaluations.put(console, e);
    }

    /**
     * Looks at what the last turn changed: evaluations whose code or formatting has ended
     * (a task may end in another's turn, killed), and those past their fuel budget. Answers
     * whether it spawned a task to format results.
     */
    private boolean settle() {
        boolean spawned = false;
        for (Evaluation e : new ArrayList<>(evaluations.values())) {
            if (e.main != null && e.main.state() == Task.State.DEAD) {
                Status s = e.main.outcome();
                e.main = null;
                if (s instanceof Status.Finished) {
                    spawned |= finished(e, ((Status.Finished) s).values());
                } else {
                    failed(e, ((Status.Failed) s).error());
                }
            } else if (e.formatter != null && e.formatter.state() == Task.State.DEAD) {
                Status s = e.formatter.outcome();
                e.formatter = null;
                if (s instanceof Status.Finished) {
                    showResult(e, ((Status.Finished) s).values(), true);
                } else {
                    failed(e, ((Status.Failed) s).error());
                }
            }
            if (e.fuelLeft() <= 0 && evaluations.get(e.output.console) == e) {
                evaluations.remove(e.output.console);
                abortTasks(e);
                end(e, limitEvent(OUT_OF_FUEL));
            }
        }
        return spawned;
    }

    /**
     * No task can run any more on a machine with one console: an evaluation still running
     * waits for something no task will ever do (nothing else can reach its instance, as the
     * other side of the paired consoles can). It ends as the command ends such a chunk.
     */
    private void endDeadlocked() {
        for (Evaluation e : new ArrayList<>(evaluations.values())) {
            Task waiting = e.main != null ? e.main : e.formatter;
            if (waiting == null || waiting.waitingFor() == null) continue;
            String message = "deadlock: the code waits in " + waiting.waitingFor().description() + " and no task can wake it";
            evaluations.remove(e.output.console);
            abortTasks(e);
            end(e, Json.object().put("type", "error").put("message", message).put("traceback", ""));
        }
    }

    /**
     * The code returned {@code values}: show them as {@code tostring} would. Nil, booleans,
     * numbers and strings without a {@code __tostring} metamethod are written here; any other
     * value needs Lua's {@code tostring} (an address, a metamethod), so a task of the
     * evaluation formats them first. Answers whether it spawned that task.
     */
    private boolean finished(Evaluation e, Object[] values) {
        for (Object v : values) {
            if (plainText(v) == null) {
                e.formatter = scheduler.spawn(format, values);
                e.formatter.setGroup(e);
                return true;
            }
        }
        showResult(e, values, false);
        return false;
    }

    /** Posts the result event; {@code formatted} values are strings {@code tostring} made. */
    private void showResult(Evaluation e, Object[] values, boolean formatted) {
        List<String> shown = new ArrayList<>(values.length);
        for (Object v : values) shown.add(formatted ? v.toString() : plainText(v));
        end(e, Json.object().put("type", "result").put("values", shown));
    }

    /** The code (or the formatting of its results) failed with {@code error}. */
    private void failed(Evaluation e, LuaError error) {
        end(e, Heap.NOT_ENOUGH_MEMORY.equals(error.value()) ? limitEvent(Heap.NOT_ENOUGH_MEMORY) : errorEvent(error, e.language));
    }

    /**
     * A task failed with nobody joining it: a task an evaluation spawned writes
     * {@code task N failed: ...} to its console (the code's own task reports through its
     * evaluation's end instead).
     */
    private void taskFailed(Task t) {
        if (!(t.group() instanceof Evaluation)) return;
        Evaluation e = (Evaluation) t.group();
        if (t == e.main || t == e.formatter) return;
        LuaError error = ((Status.Failed) t.outcome()).error();
        StringBuilder b = new StringBuilder("task ").append(t.id()).append(" failed: ").append(messageOf(error));
        if (error.traceback() != null && e.language.showsTraceback()) b.append('\n').append(error.traceback());
        byte[] text = b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        e.output.write(text, 0, text.length);
    }

    /** Aborts every task of {@code e} (no {@code __close} handler runs: it is stopped); answers how many. */
    private int abortTasks(Evaluation e) {
        int n = 0;
        for (Task t : scheduler.tasks()) {
            if (t.group() == e) {
                t.abort();
                n++;
            }
        }
        e.main = null;
        e.formatter = null;
        return n;
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

    /** Sends what the consoles received during the turn; answers how many characters. */
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

    /** Posts an event of evaluation {@code e}. */
    private void post(Evaluation e, Json event) {
        post(e.output.console, e.run, event);
    }

    /** Posts the event that ends evaluation {@code e} (or its tasks), with the fuel it used. */
    private void end(Evaluation e, Json event) {
        post(e, event.put("fuel", e.fuelUsed));
    }

    private void post(String console, long run, Json event) {
        session.outbox().post(Json.object().put("console", console).put("run", run).merge(event));
    }

    private static Json limitEvent(LuaString message) {
        return Json.object().put("type", "limit").put("message", message.toString());
    }

    /** The event for an error: its message as {@code lua} shows it, and its traceback if the language shows one. */
    private static Json errorEvent(LuaError e, Language language) {
        String traceback = e.traceback() == null || !language.showsTraceback() ? "" : e.traceback();
        return Json.object().put("type", "error").put("message", messageOf(e)).put("traceback", traceback);
    }

    /** An error's message as {@code lua} shows it. */
    private static String messageOf(LuaError e) {
        Object v = e.value();
        return v instanceof LuaString || v instanceof Long || v instanceof Double
                ? e.getMessage()
                : "(error object is a " + LuaType.typeName(v) + " value)";
    }

    /** {@code write(console, text)}: the host function behind {@code print_left} and {@code print_right}. */
    private Object write(Coroutine co, Object[] args) {
        LuaString console = Args.checkString(args, 0);
        LuaString text = Args.checkString(args, 1);
        ConsoleOutput out = outputs.get(console.toString());
        if (out == null) throw new LuaError("no console '" + console + "'");
        co.fuel().consume(text.length() / 64 + 1);
        out.attach(co.fuel());
        out.write(text.rawBytes(), 0, text.length());
        return Values.NONE;
    }

    /**
     * The instance's output ({@code print}, {@code io.write}): goes to the console of the
     * evaluation whose task has the turn. Output of no evaluation's task is dropped.
     */
    private final class Router extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Task t = scheduler.current();
            if (t == null || !(t.group() instanceof Evaluation)) return;
            ConsoleOutput out = ((Evaluation) t.group()).output;
            out.attach(t.executor().fuel());
            out.write(b, off, len);
        }
    }
}
