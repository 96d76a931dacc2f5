package dev.moonlet.vm;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a Lua function to completion in slices: each {@link #step(long)} does about the given
 * amount of work and returns. No Java recursion happens per Lua call, per metamethod, per
 * builtin calling Lua, or per coroutine switch, so any depth of Lua recursion runs within a
 * small Java stack.
 *
 * <pre>{@code
 * Executor ex = new Executor(instance, chunk);
 * Status s;
 * while ((s = ex.step(100_000)) instanceof Status.Running) {
 *     // do other work, or stop stepping to cancel the script
 * }
 * }</pre>
 *
 * <h2>The loop</h2>
 * The executor runs the current coroutine's top frame: the {@link Interpreter} for Lua frames,
 * {@link Sequence#poll} (or {@link Sequence#error}) for sequence frames, then carries out the
 * {@link Action} the sequence answered. Resume, yield and yield-to switch the current
 * coroutine; the coroutine that resumed another keeps a sequence frame waiting for it.
 * Capture cuts the frames above the nearest {@link Delimiter} that catches the request out of
 * the current coroutine as a {@link Continuation}; splice puts a continuation's frames back on
 * top of the sequence that asked for it (see {@link Action.Capture} and {@link Action.Splice}).
 *
 * <h2>Errors</h2>
 * A {@link LuaError} thrown in a step is raised at the top frame of the current coroutine:
 * <ol>
 *   <li>The executor looks below the error point for the nearest sequence that
 *       {@linkplain Sequence#catchesErrors() catches errors}. If it has a
 *       {@linkplain Sequence#messageHandler() message handler} (xpcall), the handler is called
 *       first, at the error point, with the frames that raised still on the stack (so that
 *       {@code debug.traceback} sees them); its result becomes the error value. An error in
 *       the handler calls the handler again, up to a limit, after which the error value is
 *       {@code "error in error handling"}. An error nothing catches in the main coroutine gets
 *       its traceback recorded ({@link LuaError#setTraceback}) at this point.</li>
 *   <li>Then frames are unwound down to the nearest sequence frame: open upvalues are closed
 *       and pending {@code __close} handlers run (as calls, innermost first, each receiving
 *       the error; an error in one replaces the error), and that sequence hears the error
 *       through {@link Sequence#error}. If it rethrows, unwinding goes on below it.</li>
 *   <li>An error that leaves a coroutine other than the main one kills it, leaving its frames
 *       in place (its {@code __close} handlers run when it is closed, see
 *       {@link Coroutine#close()}), and goes to the sequence that resumed it. An error that
 *       leaves the main coroutine ends the execution: {@link Status.Failed}.</li>
 * </ol>
 */
public final class Executor {
    /** How many times a message handler is retried when it raises errors itself. */
    static final int MAX_HANDLER_CALLS = 200;

    private final Instance instance;
    private final Heap heap;
    private final Collector collector;
    private final Fuel fuel = new Fuel();
    private final Coroutine main;
    private Object[] startArgs;
    /** The coroutine running now. */
    private Coroutine current;
    /** Set once the main coroutine has finished or failed. */
    private Status outcome;
    /** The error being unwound whose handler (or traceback) step is done. */
    private LuaError handledError;
    /** The task this executor is, when a {@link Scheduler} runs it. */
    Task task;

    /** An executor that will call {@code function} (any callable value) with {@code args}. */
    public Executor(Instance instance, Object function, Object... args) {
        this.instance = instance;
        this.heap = instance.heap();
        this.collector = instance.collector();
        this.main = new Coroutine(instance, true);
        main.body = function;
        startArgs = args;
        current = main;
        collector.addExecutor(this);
    }

    /**
     * Marks what this executor holds for the collector: its main and running coroutines (the
     * running one leads, through the coroutines that resumed it, back to the main one), the
     * arguments it has yet to start with and the error being handled. Once it has finished or
     * failed it holds nothing: its results belong to the Java code that took them, which pins
     * them to keep them alive while other Lua code runs ({@link Instance#pin}).
     */
    void trace(Marker m) {
        if (outcome != null) return;
        m.mark(main);
        m.mark(current);
        m.markAll(startArgs);
        if (handledError != null) m.mark(handledError.value());
    }

    /** The instance this executor runs in. */
    public Instance instance() {
        return instance;
    }

    /** The fuel of the current step. */
    public Fuel fuel() {
        return fuel;
    }

    /** The coroutine the executor started with (which cannot yield). */
    public Coroutine mainCoroutine() {
        return main;
    }

    /** The task this executor is, or null when no {@link Scheduler} runs it. */
    public Task task() {
        return task;
    }

    /**
     * The future the running coroutine waits for ({@link Action.Await}), or null: what the
     * last step that reported {@link Status.Waiting} waits on.
     */
    public CompletableFuture<?> awaitedFuture() {
        Frame top = current.top();
        return top instanceof SequenceFrame && ((SequenceFrame) top).state == SequenceFrame.AWAITING
                ? ((SequenceFrame) top).future : null;
    }

    /** The coroutine running now (the main one, or one it resumed). */
    public Coroutine currentCoroutine() {
        return current;
    }

    /**
     * Runs for about {@code fuel} units of work and reports where things stand: still
     * {@link Status.Running}, {@link Status.Waiting} for a future, or done
     * ({@link Status.Finished} or {@link Status.Failed}, reported again by later steps).
     *
     * <p>The fuel of a step is taken from the instance's {@linkplain Instance#fuelLimit()
     * fuel limit}. Once that is spent, the execution ends with {@link Status.Failed} and the
     * error {@value #OUT_OF_FUEL}: at once, where it stands, as an embedder stopping a
     * script would; no {@code pcall} sees it and no {@code __close} handler runs (they would
     * need fuel). The error's traceback says where the script was.
     */
    public Status step(long fuel) {
        if (outcome != null) return outcome;
        long granted = Math.min(fuel, instance.fuelLeft());
        this.fuel.refill(granted);
        Status s;
        try {
            s = run();
        } finally {
            instance.spendFuel(granted - this.fuel.remaining);
        }
        if (s == Status.RUNNING && instance.fuelLeft() == 0) s = outOfFuel();
        return s;
    }

    /** The error of an execution whose instance spent its fuel limit. */
    public static final String OUT_OF_FUEL = "fuel limit reached";

    /** Ends the execution because the instance's fuel limit is spent (see {@link #step}). */
    private Status outOfFuel() {
        LuaError e = new LuaError(OUT_OF_FUEL);
        e.setTraceback(Traceback.of(current, null, 0).toString());
        for (Coroutine co = current; co != null; co = co.resumer) {
            co.state = Coroutine.State.DEAD;
            co.executor = null;
        }
        outcome = new Status.Failed(e);
        return outcome;
    }

    /**
     * Ends the execution between steps, where it stands, for good, but lets its pending
     * {@code __close} handlers run first (what {@code task.kill} does): the frames of the
     * running coroutine and of those that resumed it are dropped, and those coroutines
     * other than the main one are dead. The to-be-closed variables of those frames (and the
     * handlers a dropped {@code coroutine.close} or error unwinding had yet to call) are then
     * closed by the next steps, as calls on the main coroutine, innermost first, each with
     * nil as the error as {@code coroutine.close} passes; they may yield to other tasks and
     * block as any code may. The execution then fails with the error a handler raised, or
     * else with {@code reason}. Suspended coroutines the execution keeps are not closed.
     *
     * @return whether handlers are pending (step on to run them); if not, the execution has
     *     already failed with {@code reason}
     */
    boolean kill(LuaError reason) {
        if (outcome != null) return false;
        Object[] closing = dropFrames();
        if (closing.length == 0) {
            outcome = new Status.Failed(reason);
            return false;
        }
        current = main;
        handledError = null;
        main.started = true;
        main.state = Coroutine.State.RUNNING;
        main.executor = this;
        SequenceFrame sf = new SequenceFrame(null, new Killing(instance, closing, reason), SequenceFrame.NEW);
        sf.ret = Frame.RET_DISCARD;
        main.pushSequenceFrame(sf);
        return true;
    }

    /**
     * Ends the execution between steps, where it stands, at once and for good: no
     * {@code __close} handler runs (as when a host stops stepping it); it has failed with
     * {@code reason}, unless it had already ended.
     */
    void abandon(LuaError reason) {
        if (outcome != null) return;
        dropFrames();
        outcome = new Status.Failed(reason);
    }

    /**
     * Drops every frame of the running coroutine and of those that resumed it, closing their
     * upvalues; all but the main coroutine are dead. Returns the values of the to-be-closed
     * variables they left pending, and those their sequences had yet to close
     * ({@link Sequence#abandon}), innermost first.
     */
    private Object[] dropFrames() {
        ArrayList<Object> closing = new ArrayList<>();
        for (Coroutine co = current; co != null;) {
            int t = co.tbcCount;
            for (int i = co.frameCount - 1; i >= 0; i--) {
                Frame f = co.frames[i];
                while (t > 0 && co.tbc[t - 1] >= f.func) closing.add(co.value(co.tbc[--t]));
                if (f instanceof SequenceFrame && ((SequenceFrame) f).sequence != null) {
                    Collections.addAll(closing, ((SequenceFrame) f).sequence.abandon());
                }
            }
            while (t > 0) closing.add(co.value(co.tbc[--t]));
            int inUse = co.stackInUse();
            co.tbcCount = 0;
            co.closeUpvalues(0);
            co.clearFrames(0);
            co.activeBuiltin = null;
            Arrays.fill(co.stack, 0, Math.min(inUse, co.stack.length), null);
            Coroutine resumer = co.resumer;
            co.resumer = null;
            co.state = Coroutine.State.DEAD;
            co.executor = null;
            co = resumer;
        }
        main.body = null;
        startArgs = null;
        return closing.toArray();
    }

    /** The loop of {@link #step}, with the fuel of the step already given. */
    private Status run() {
        for (;;) {
            if (outcome != null) return outcome;
            if (heap.chargedSinceSettle() >= collector.nextCheck()) collector.safePoint(this, current);
            Coroutine co = current;
            Frame top = co.top();
            if (top instanceof SequenceFrame && ((SequenceFrame) top).state == SequenceFrame.AWAITING) {
                if (!((SequenceFrame) top).future.isDone()) return Status.WAITING;
                settle((SequenceFrame) top);
            }
            if (this.fuel.exhausted()) return Status.RUNNING;
            try {
                if (!co.started) {
                    start(co, startArgs);
                    startArgs = null;
                } else if (top instanceof LuaFrame) {
                    Interpreter.execute(this, co);
                } else {
                    runSequence(co, (SequenceFrame) top);
                }
            } catch (LuaError e) {
                raiseSafely(e);
            } catch (StackOverflowError e) {
                raiseSafely(new LuaError("stack overflow (in Java code)"));
            } catch (RuntimeException e) {
                raiseSafely(new UnexpectedException(e));
            }
        }
    }

    // ------------------------------------------------------------------ coroutines

    /** Calls the body of {@code co}, which has just become current, with {@code args}. */
    private void start(Coroutine co, Object[] args) {
        Object body = co.body;
        co.body = null;
        co.started = true;
        co.state = Coroutine.State.RUNNING;
        co.executor = this;
        co.ensureStack(args.length + 1);
        co.stack[0] = body;
        Values.copy(args, 0, co.stack, 1, args.length);
        Interpreter.call(co, 0, args.length, Frame.RET_ROOT, 0, -1, false);
    }

    /** The body of {@code co} returned {@code values}. */
    void coroutineReturned(Coroutine co, Object[] values) {
        co.state = Coroutine.State.DEAD;
        co.executor = null;
        if (co == main) {
            outcome = new Status.Finished(values);
            return;
        }
        Coroutine resumer = co.resumer;
        co.resumer = null;
        resumeWithResults(resumer, values);
    }

    /** Makes {@code co}, whose top frame waits for it, the running coroutine again with {@code values}. */
    private void resumeWithResults(Coroutine co, Object[] values) {
        SequenceFrame waiting = becomeCurrent(co);
        waiting.results = values;
        waiting.state = SequenceFrame.READY;
    }

    /** Makes {@code co}, whose top frame waits for it, the running coroutine again with {@code error}. */
    private void resumeWithError(Coroutine co, LuaError error) {
        SequenceFrame waiting = becomeCurrent(co);
        waiting.error = error;
        waiting.state = SequenceFrame.FAILED;
    }

    private SequenceFrame becomeCurrent(Coroutine co) {
        current = co;
        co.state = Coroutine.State.RUNNING;
        handledError = null;
        return (SequenceFrame) co.top();
    }

    /**
     * Transfers control to suspended coroutine {@code target} with {@code values}, on behalf
     * of {@code resumer} (which gets its yields and results).
     */
    private void transfer(Coroutine target, Coroutine resumer, Object[] values) {
        target.resumer = resumer;
        target.executor = this;
        target.inheritedBuiltins = resumer.nestedBuiltins() + 1;
        if (!target.started) {
            current = target;
            handledError = null;
            start(target, values);
        } else {
            resumeWithResults(target, values);
        }
    }

    // ------------------------------------------------------------------ sequences

    private void runSequence(Coroutine co, SequenceFrame sf) {
        fuel.consume(1);
        Action action;
        switch (sf.state) {
            case SequenceFrame.NEW:
                sf.state = SequenceFrame.CALLING;
                action = sf.sequence.poll(co, Values.NONE);
                break;
            case SequenceFrame.READY: {
                Object[] results = sf.results;
                sf.results = null;
                sf.state = SequenceFrame.CALLING;
                action = sf.sequence.poll(co, results);
                break;
            }
            case SequenceFrame.FAILED: {
                LuaError error = sf.error;
                sf.error = null;
                sf.state = SequenceFrame.CALLING;
                action = sf.sequence.error(co, error);
                break;
            }
            default:
                throw new IllegalStateException("sequence frame in state " + sf.state + " at the top");
        }
        perform(co, sf, action);
    }

    /**
     * Carries out what sequence frame {@code sf} (the top of {@code co}) answered. The actions
     * of every call and coroutine switch come first and each has its own small method, so
     * that this dispatch stays small enough for the JIT to inline where sequences are polled.
     */
    private void perform(Coroutine co, SequenceFrame sf, Action action) {
        if (action instanceof Action.Return) {
            returned(co, sf, ((Action.Return) action).values());
        } else if (action instanceof Action.Call) {
            Action.Call call = (Action.Call) action;
            call(co, sf, call.function(), call.args());
        } else if (action instanceof Action.Yield) {
            yielded(co, sf, ((Action.Yield) action).values());
        } else if (action instanceof Action.Resume) {
            Action.Resume resume = (Action.Resume) action;
            resumed(co, sf, resume.target(), resume.args());
        } else {
            performOther(co, sf, action);
        }
    }

    /** {@link Action.Return}: pops {@code sf} and hands {@code values} to the frame below. */
    private void returned(Coroutine co, SequenceFrame sf, Object[] values) {
        co.popFrame();
        if (sf.sequence instanceof HandlerCall) {
            handlerReturned(co, (HandlerCall) sf.sequence, values.length > 0 ? values[0] : null);
        } else if (sf.returnsForCaller) {
            Frame caller = co.top();
            co.popFrame();
            Interpreter.deliver(co, caller.ret, caller.dest, caller.wanted, values);
        } else {
            Interpreter.deliver(co, sf.ret, sf.dest, sf.wanted, values);
        }
    }

    /** {@link Action.Call}: calls {@code function} above {@code sf}, which hears its results. */
    private void call(Coroutine co, SequenceFrame sf, Object function, Object[] args) {
        int func = sf.func + 1;
        co.ensureStack(func + args.length + 1);
        co.stack[func] = function;
        Values.copy(args, 0, co.stack, func + 1, args.length);
        try {
            co.checkNestedBuiltins();
            Interpreter.call(co, func, args.length, Frame.RET_SEQUENCE, 0, -1, false);
        } catch (LuaError e) {
            // A builtin that raised is the error point; otherwise the call itself failed
            // (not callable, no stack left) and the sequence that asked for it hears it.
            if (co.activeBuiltin != null || co.top() != sf) throw e;
            raise(e, co.frameCount - 1);
        }
    }

    /** {@link Action.Yield}: suspends {@code co}, whose top is {@code sf}, answering its resumer with {@code values}. */
    private void yielded(Coroutine co, SequenceFrame sf, Object[] values) {
        checkYield(co);
        sf.state = SequenceFrame.YIELDED;
        Coroutine resumer = suspend(co);
        resumeWithResults(resumer, values);
    }

    /** {@link Action.Resume}: {@code co} (whose top is {@code sf}) resumes {@code target} with {@code args}. */
    private void resumed(Coroutine co, SequenceFrame sf, Coroutine target, Object[] args) {
        if (target.state != Coroutine.State.SUSPENDED) {
            sf.error = new LuaError(cannotResume(target));
            sf.state = SequenceFrame.FAILED;
        } else if (co.nestedBuiltins() >= Coroutine.MAX_NESTED_BUILTINS) {
            sf.error = new LuaError("C stack overflow");
            sf.state = SequenceFrame.FAILED;
        } else {
            sf.state = SequenceFrame.RESUMING;
            co.state = Coroutine.State.NORMAL;
            transfer(target, co, args);
        }
    }

    /** The actions other than calls and coroutine switches (see {@link #perform}). */
    private void performOther(Coroutine co, SequenceFrame sf, Action action) {
        if (action instanceof Action.TailCall) {
            Action.TailCall call = (Action.TailCall) action;
            Object[] args = call.args();
            int func = sf.func;
            co.ensureStack(func + args.length + 1);
            co.stack[func] = call.function();
            Values.copy(args, 0, co.stack, func + 1, args.length);
            int nargs = Interpreter.resolveCallable(co, func, args.length);
            co.popFrame();
            Frame replaced = sf;
            if (sf.returnsForCaller) {
                replaced = co.top();
                co.popFrame();
                Values.copy(co.stack, func, co.stack, replaced.func, nargs + 1);
                func = replaced.func;
            }
            Interpreter.call(co, func, nargs, replaced.ret, replaced.dest, replaced.wanted, true);
        } else if (action instanceof Action.YieldTo) {
            Action.YieldTo yt = (Action.YieldTo) action;
            checkYield(co);
            Coroutine target = yt.target();
            if (target.state != Coroutine.State.SUSPENDED) throw new LuaError(cannotResume(target));
            sf.state = SequenceFrame.YIELDED;
            Coroutine resumer = suspend(co);
            transfer(target, resumer, yt.values());
        } else if (action instanceof Action.Raise) {
            LuaError error = ((Action.Raise) action).error();
            if (sf.sequence instanceof Unwinder) {
                propagate(co, error, co.frameCount - 2);
            } else {
                raise(error, co.frameCount - 2);
            }
        } else if (action instanceof Action.Capture) {
            capture(co, sf, (Action.Capture) action);
        } else if (action instanceof Action.Splice) {
            splice(co, sf, (Action.Splice) action);
        } else if (action instanceof Action.Pause) {
            // The step loop ends the step if the fuel is spent, else polls again at once.
            sf.results = Values.NONE;
            sf.state = SequenceFrame.READY;
        } else if (action instanceof Action.Await) {
            sf.future = ((Action.Await) action).future();
            sf.state = SequenceFrame.AWAITING;
        } else {
            throw new IllegalStateException("unknown action " + action);
        }
    }

    // ------------------------------------------------------------------ continuations

    /**
     * Carries out {@link Action.Capture} for sequence frame {@code sf}, the top of {@code co}:
     * finds the delimiter that catches the request, cuts the frames above it out and lets it
     * answer what comes next.
     */
    private void capture(Coroutine co, SequenceFrame sf, Action.Capture c) {
        Action.Capture.Request request = c.request();
        int d = co.frameCount - 2;
        for (; d >= 0; d--) {
            Delimiter delimiter = delimiterAt(co, d);
            if (delimiter == null) continue;
            Delimiter.Verdict v = delimiter.delimits(request);
            if (v == Delimiter.Verdict.CATCH) break;
            if (v == Delimiter.Verdict.BLOCK) throw delimiter.blocked(co, request);
        }
        if (d < 0) {
            String message = caughtBeyond(co, request) ? request.crossing() : request.unhandled();
            throw new LuaError(co.where(1).concat(LuaString.of(message)));
        }
        sf.state = SequenceFrame.YIELDED;
        SequenceFrame below = (SequenceFrame) co.frames[d];
        Continuation k = Continuation.cut(co, d);
        fuel.consume(k.size());
        Action next = below.sequence instanceof HookedBuiltin
                ? ((HookedBuiltin) below.sequence).captured(co, k, request, c.values())
                : ((Delimiter) below.sequence).captured(co, k, request, c.values());
        perform(co, below, next);
    }

    /** The delimiter whose frame is at index {@code i} of {@code co} (under call hooks too), or null. */
    private static Delimiter delimiterAt(Coroutine co, int i) {
        Frame f = co.frames[i];
        if (!(f instanceof SequenceFrame)) return null;
        Sequence s = ((SequenceFrame) f).sequence;
        if (s instanceof HookedBuiltin) return ((HookedBuiltin) s).delimiter();
        return s instanceof Delimiter ? (Delimiter) s : null;
    }

    /** Whether a coroutine that (transitively) resumed {@code co} has a delimiter catching {@code request}. */
    private static boolean caughtBeyond(Coroutine co, Action.Capture.Request request) {
        for (Coroutine r = co.resumer; r != null; r = r.resumer) {
            for (int i = r.frameCount - 1; i >= 0; i--) {
                Delimiter delimiter = delimiterAt(r, i);
                if (delimiter == null) continue;
                Delimiter.Verdict v = delimiter.delimits(request);
                if (v == Delimiter.Verdict.CATCH) return true;
                if (v == Delimiter.Verdict.BLOCK) return false;
            }
        }
        return false;
    }

    /** Carries out {@link Action.Splice} for sequence frame {@code sf}, the top of {@code co}. */
    private void splice(Coroutine co, SequenceFrame sf, Action.Splice s) {
        Continuation k = s.continuation();
        Object[] values = k.valuesFor(s.values());
        if (!k.isStarted()) {
            Object body = k.takeBody();
            if (s.error() != null) throw s.error();
            call(co, sf, body, values);
            return;
        }
        fuel.consume(k.size());
        k.splice(co, sf, values, s.error());
    }

    /**
     * Refuses a yield asked for by the sequence at the top of {@code co} when {@code co} is the
     * main coroutine, or when the builtin yielding was called directly by a sequence whose
     * calls may not yield ({@link Sequence#callsMayYield}).
     */
    private static void checkYield(Coroutine co) {
        if (co.isMain()) throw new LuaError("attempt to yield from outside a coroutine");
        Frame caller = co.frameCount >= 2 ? co.frames[co.frameCount - 2] : null;
        if (caller instanceof SequenceFrame && ((SequenceFrame) caller).sequence != null
                && !((SequenceFrame) caller).sequence.callsMayYield()) {
            throw new LuaError("attempt to yield across a C-call boundary");
        }
    }

    private static String cannotResume(Coroutine target) {
        return target.state == Coroutine.State.DEAD ? "cannot resume dead coroutine"
                : "cannot resume non-suspended coroutine";
    }

    /** Suspends the running coroutine {@code co}, answering its resumer. */
    private static Coroutine suspend(Coroutine co) {
        Coroutine resumer = co.resumer;
        co.resumer = null;
        co.executor = null;
        co.state = Coroutine.State.SUSPENDED;
        return resumer;
    }

    /** Turns the outcome of an awaited future into results or an error for its frame. */
    private static void settle(SequenceFrame sf) {
        CompletableFuture<?> future = sf.future;
        sf.future = null;
        try {
            sf.results = new Object[] {future.join()};
            sf.state = SequenceFrame.READY;
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            sf.error = cause instanceof LuaError ? (LuaError) cause
                    : new LuaError(cause.getMessage() != null ? cause.getMessage() : cause.toString());
            sf.state = SequenceFrame.FAILED;
        }
    }

    // ------------------------------------------------------------------ errors

    /**
     * Raises {@code e}, thrown while running the top frame of the current coroutine, which is
     * the error point: a builtin that was running directly gets a frame first, and only the
     * frames below the error point may catch the error. Raising may itself fail (a sequence's
     * error method throwing, say): that is raised in turn.
     */
    private void raiseSafely(LuaError e) {
        for (int attempts = 0; e != null; attempts++) {
            if (attempts == MAX_HANDLER_CALLS) {
                // Raising keeps failing (a bug): end the execution rather than loop.
                current.state = Coroutine.State.DEAD;
                outcome = new Status.Failed(e);
                return;
            }
            try {
                Coroutine co = current;
                if (co.activeBuiltin != null) materializeActiveBuiltin(co);
                raise(e, co.frameCount - 2);
                e = null;
            } catch (LuaError again) {
                e = again;
            } catch (StackOverflowError again) {
                e = new LuaError("stack overflow (in Java code)");
            } catch (RuntimeException again) {
                e = new UnexpectedException(again);
            }
        }
    }

    /**
     * Raises {@code e} at the top frame of the current coroutine, the frames up to index
     * {@code from} being the ones that may catch it: completes argument errors, runs the
     * message handler or records the traceback, then unwinds (see the class comment).
     */
    private void raise(LuaError e, int from) {
        Coroutine co = current;
        if (e instanceof ArgumentError) e = RuntimeErrors.completeArgumentError(co, (ArgumentError) e);
        if (e != handledError) {
            handledError = e;
            int catcher = findCatcher(co, from);
            if (catcher < 0) {
                if (co.isMain()) e.setTraceback(Traceback.of(co, null, 0).toString());
            } else {
                Sequence s = ((SequenceFrame) co.frames[catcher]).sequence;
                Object handler = s.messageHandler();
                if (handler != null) {
                    try {
                        pushHandler(co, handler, e, from);
                        return;
                    } catch (RuntimeErrors.ErrorHandlingFailure noRoom) {
                        e = noRoom;
                        handledError = e;
                    }
                }
                if (s instanceof Unwinder && ((Unwinder) s).uncaught) {
                    e.setTraceback(Traceback.of(co, null, 0).toString());
                }
            }
        }
        propagate(co, e, from);
    }

    /** Gives the builtin that raised while running directly a frame, so that it shows in tracebacks. */
    private static void materializeActiveBuiltin(Coroutine co) {
        SequenceFrame sf = new SequenceFrame(co.activeBuiltin, null, SequenceFrame.RAISED);
        sf.func = co.activeFunc;
        sf.tail = co.activeTail;
        co.activeBuiltin = null;
        co.pushSequenceFrame(sf);
    }

    /** The nearest frame at or below {@code from} whose sequence catches errors, or -1. */
    private static int findCatcher(Coroutine co, int from) {
        for (int i = from; i >= 0; i--) {
            Frame f = co.frames[i];
            if (f instanceof SequenceFrame) {
                Sequence s = ((SequenceFrame) f).sequence;
                if (s != null && s.catchesErrors()) return i;
            }
        }
        return -1;
    }

    /** Calls message handler {@code handler} on top of the frames that raised {@code e}. */
    private static void pushHandler(Coroutine co, Object handler, LuaError e, int from) {
        int func = co.stackInUse();
        co.ensureStack(func + 1);
        co.stack[func] = null;
        SequenceFrame sf = new SequenceFrame(null, new HandlerCall(handler, e, from), SequenceFrame.NEW);
        sf.func = func;
        sf.ret = Frame.RET_DISCARD;
        co.pushSequenceFrame(sf);
    }

    /** The message handler returned {@code value}: the error goes on with that value. */
    private void handlerReturned(Coroutine co, HandlerCall call, Object value) {
        LuaError e = new LuaError(value);
        handledError = e;
        propagate(co, e, call.from);
    }

    /**
     * Unwinds the frames above index {@code from} and those below it down to the nearest
     * sequence frame, which will hear {@code e}; or kills the coroutine when there is none.
     */
    private void propagate(Coroutine co, LuaError e, int from) {
        // from is -2 when the executor's own first call fails (no frame raised it).
        int target = Math.max(from, -1);
        while (target >= 0 && !(co.frames[target] instanceof SequenceFrame
                && ((SequenceFrame) co.frames[target]).sequence != null)) {
            target--;
        }
        if (target < 0 && !co.isMain()) {
            co.state = Coroutine.State.DEAD;
            co.deathError = e;
            co.executor = null;
            Coroutine resumer = co.resumer;
            co.resumer = null;
            resumeWithError(resumer, e);
            return;
        }
        int level = target >= 0 ? co.frames[target].func + 1 : 0;
        Object[] closing = co.pendingCloseValues(level);
        co.closeUpvalues(level);
        co.clearFrames(target + 1);
        if (closing.length > 0) {
            Sequence below = target >= 0 ? ((SequenceFrame) co.frames[target]).sequence : null;
            Object handler = below != null && below.catchesErrors() ? below.messageHandler() : null;
            Unwinder u = new Unwinder(co.instance(), closing, e, handler, target < 0);
            SequenceFrame sf = new SequenceFrame(null, u, SequenceFrame.NEW);
            sf.func = level;
            sf.ret = Frame.RET_DISCARD;
            co.pushSequenceFrame(sf);
            return;
        }
        if (co.stackInUse() <= Coroutine.MAX_STACK) co.resetStackLimit();
        if (target < 0) {
            co.state = Coroutine.State.DEAD;
            co.executor = null;
            outcome = new Status.Failed(e);
            return;
        }
        SequenceFrame sf = (SequenceFrame) co.frames[target];
        sf.error = e;
        sf.state = SequenceFrame.FAILED;
    }

    /** A Java exception a builtin or the runtime let escape: a bug, reported as a Lua error. */
    static final class UnexpectedException extends LuaError {
        private final RuntimeException cause;

        UnexpectedException(RuntimeException cause) {
            super(LuaString.of("internal error: " + cause));
            this.cause = cause;
        }

        @Override
        public synchronized Throwable getCause() {
            return cause;
        }
    }
}
