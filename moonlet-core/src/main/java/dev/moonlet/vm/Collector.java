package dev.moonlet.vm;

import dev.moonlet.value.Collectable;
import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.StringPool;
import java.lang.ref.WeakReference;
import java.util.ArrayList;

/**
 * The collector of one instance (DESIGN.md, "Memory"). The JVM frees memory; the collector
 * finds what a script can still reach, so that the instance's {@link Heap} counts only that,
 * and gives Lua's own semantics deterministically: weak tables lose the entries whose
 * referents became unreachable, objects marked for finalization get their {@code __gc} called,
 * {@code collectgarbage} works as the manual says.
 *
 * <h2>A cycle</h2>
 * A cycle starts when the bytes charged since the last one pass the pause (by default, when
 * the accounted size has doubled, and at least {@value #MIN_PAUSE_BYTES} bytes). It marks from
 * the roots: the registry (globals, loaded modules, values pinned by Java code), the
 * metatables of the basic types, every live {@link Executor}'s coroutines and values, and the
 * objects waiting for finalization. Marking is incremental: at safe points between frames
 * ({@link #safePoint}), an executor does a slice of marking work in proportion to what was
 * allocated since the last slice, charged to its fuel. A write barrier (see
 * {@link Heap#beginMarking}) keeps stores into traversed tables from hiding objects. The
 * atomic phase, run at once at a safe point, traverses the roots, coroutines and touched
 * tables again, converges ephemerons, clears weak tables, separates and resurrects
 * unreachable objects marked for finalization, forgets unmarked interned strings and settles
 * the heap to the live size found.
 *
 * <h2>Memory limit</h2>
 * When a charge would pass the heap's limit, the heap calls {@link #reclaimNow}: a full mark at
 * once that only counts (it may run in the middle of an instruction, where Java locals hold
 * values the mark cannot see, so it changes nothing a script can observe); the atomic phase
 * then runs at the next safe point.
 *
 * <h2>Finalizers</h2>
 * They run in Lua, in the executor: at a safe point, one pending finalizer at a time is called
 * on the running coroutine by a hidden frame ({@link FinalizerCall}); and
 * {@code collectgarbage("collect")} and {@link #close} run them all.
 */
public final class Collector implements Heap.Reclaimer {
    /** The least allocation between cycles, so that small scripts do not collect constantly. */
    static final long MIN_PAUSE_BYTES = 1 << 20;
    /** Bytes charged between two slices of an incremental mark. */
    private static final long SLICE_STRIDE = 16 << 10;
    /** The least marking work of a slice or an explicit step, in bytes traversed. */
    private static final long MIN_WORK = 8 << 10;
    /** Bytes traversed per unit of fuel charged to the executor that marks. */
    static final long WORK_PER_FUEL = 32;

    private final Instance instance;
    private final Heap heap;
    private final StringPool strings;
    private final Marking marking;
    private final Finalizers finalizers;
    private final ArrayList<WeakReference<Executor>> executors = new ArrayList<>();

    private int epoch;
    private boolean underWay;
    /** {@link Heap#chargedSinceSettle()} when the cycle under way began, and at its last slice. */
    private long chargedAtStart;
    private long chargedAtSlice;
    /** The {@link Heap#chargedSinceSettle()} at which {@link #safePoint} has work to do. */
    private long nextCheck = MIN_PAUSE_BYTES;
    /** The pause threshold of the next cycle, in bytes charged since the last settle. */
    private long cycleDue = MIN_PAUSE_BYTES;
    /** The frame running a finalizer on some coroutine, if any: finalizers do not nest. */
    private FinalizerCall finalizing;
    private Coroutine finalizingOn;

    private boolean running = true;
    /** The standalone {@code lua} switches its state to generational mode: so does every instance. */
    private boolean generational = true;
    private int pause = 200;
    private int stepMultiplier = 100;

    Collector(Instance instance) {
        this.instance = instance;
        this.heap = instance.heap();
        this.strings = instance.strings();
        this.marking = new Marking(heap);
        this.finalizers = new Finalizers(instance);
        heap.setReclaimer(this);
    }

    // ------------------------------------------------------------------ settings

    /** Whether automatic collection is on ({@code collectgarbage("isrunning")}). */
    public boolean isRunning() {
        return running;
    }

    /**
     * Turns automatic collection off ({@code "stop"}) or back on ({@code "restart"}). When
     * off, the memory limit still makes the collector count, and explicit cycles still run.
     */
    public void setRunning(boolean on) {
        running = on;
        updateCheck();
    }

    /**
     * Whether the mode is generational. Moonlet has one, incremental, collector; the mode only
     * changes what {@code collectgarbage("step")} answers (a generational step is a whole
     * cycle that answers false, as lua 5.4's young collections do).
     */
    public boolean isGenerational() {
        return generational;
    }

    /** Sets the mode (see {@link #isGenerational}). */
    public void setGenerational(boolean on) {
        generational = on;
    }

    /** The pause, in percent: a cycle starts when the accounted size reaches this share of the last live size. */
    public int pause() {
        return pause;
    }

    /** Sets the {@link #pause()}; it applies from the next cycle. */
    public void setPause(int percent) {
        pause = Math.max(0, percent);
    }

    /** The step multiplier, in percent: marking work per byte allocated during a cycle. */
    public int stepMultiplier() {
        return stepMultiplier;
    }

    /** Sets the {@link #stepMultiplier()}. */
    public void setStepMultiplier(int percent) {
        stepMultiplier = Math.max(0, percent);
    }

    // ------------------------------------------------------------------ registration

    /** Adds {@code ex} to the roots while Java code keeps it (it is held weakly). */
    void addExecutor(Executor ex) {
        executors.add(new WeakReference<>(ex));
    }

    /**
     * Marks {@code o} (a table or userdata just given metatable {@code mt}) for finalization if
     * {@code mt} has a {@code __gc} field, as {@code setmetatable} does in Lua 5.4.
     */
    public void checkFinalizer(Collectable o, LuaTable mt) {
        finalizers.register(o, mt);
    }

    /**
     * The forward write barrier, for stores the table barrier does not see: when a mark is
     * under way, {@code value}, just stored into an object the mark may have traversed (an
     * upvalue set by {@code debug.setupvalue}, a closure given another upvalue by
     * {@code debug.upvaluejoin}), is marked.
     */
    public void barrier(Object value) {
        if (underWay) marking.mark(value);
    }

    @Override
    public void touched(LuaTable table) {
        marking.touched(table);
    }

    // ------------------------------------------------------------------ cycles

    /** Starts a cycle: a new epoch (every object white) and the roots marked. */
    private void startCycle() {
        epoch = epoch == Integer.MAX_VALUE ? 1 : epoch + 1;
        marking.begin(epoch);
        heap.beginMarking(epoch);
        underWay = true;
        chargedAtStart = chargedAtSlice = heap.chargedSinceSettle();
        markRoots();
    }

    private void markRoots() {
        instance.traceRoots(marking);
        for (int i = executors.size() - 1; i >= 0; i--) {
            Executor ex = executors.get(i).get();
            if (ex == null) executors.remove(i);
            else ex.trace(marking);
        }
        finalizers.markPending(marking);
    }

    /** The atomic phase: ends the cycle under way (see the class comment). */
    private void finishCycle() {
        markRoots();
        marking.rescan();
        marking.convergeEphemerons();
        marking.clearValues(marking.weakValues, 0);
        marking.clearValues(marking.allWeak, 0);
        int weakBefore = marking.weakValues.size();
        int allBefore = marking.allWeak.size();
        finalizers.separate(marking, false);
        marking.convergeEphemerons();
        marking.clearKeys(marking.ephemerons);
        marking.clearKeys(marking.allWeak);
        marking.clearValues(marking.weakValues, weakBefore);
        marking.clearValues(marking.allWeak, allBefore);
        strings.retain(s -> marking.isMarked(s));
        heap.endMarking();
        underWay = false;
        long live = marking.liveBytes();
        heap.settle(live, Math.max(0, heap.chargedSinceSettle() - chargedAtStart));
        cycleDue = Math.max(MIN_PAUSE_BYTES, live / 100 * Math.max(0, pause - 100));
        marking.begin(epoch);
        updateCheck();
    }

    /**
     * {@code collectgarbage("collect")}: a whole cycle now, from the start (a cycle under way
     * is abandoned, so that what became unreachable during it is collected too). Finalizers of
     * the objects it separates wait: run them with {@link #pendingFinalizers}. Must be called
     * at a safe point: from a builtin, which holds no values but its arguments.
     */
    public void fullCycle() {
        startCycle();
        marking.propagateAll();
        finishCycle();
    }

    /**
     * {@code collectgarbage("step", kib)}: marking work for about {@code kib} KiB of allocation
     * (a basic step for 0), finishing the cycle if the work reaches its end.
     *
     * @return whether a cycle ended (always false in generational mode, where a step is a whole
     *     cycle, as lua 5.4 answers)
     */
    public boolean step(long kib) {
        if (generational) {
            fullCycle();
            return false;
        }
        if (!underWay) startCycle();
        long bytes = Math.max(0, Math.min(kib, Long.MAX_VALUE / 4096)) * 1024 + MIN_WORK;
        marking.propagate(bytes / 100 * Math.max(1, stepMultiplier));
        marking.takeWork();
        if (marking.hasGray()) return false;
        finishCycle();
        return true;
    }

    /** The heap's emergency: counts what is reachable now (see the class comment). */
    @Override
    public void reclaimNow() {
        startCycle();
        marking.convergeEphemerons();
        marking.takeWork();
        heap.settle(marking.liveBytes(), 0);
        chargedAtStart = chargedAtSlice = 0;
        // The atomic phase finishes this cycle at the next safe point.
        nextCheck = Long.MIN_VALUE;
    }

    /**
     * The executor's safe point, between frames, when the heap's charges since the last
     * settle reach {@link #nextCheck()}: does a slice of the cycle (starting one when due), and
     * starts a pending finalizer on {@code co}, the running coroutine.
     */
    void safePoint(Executor ex, Coroutine co) {
        long charged = heap.chargedSinceSettle();
        if (underWay || running && charged >= cycleDue) {
            if (!underWay) startCycle();
            long allocated = Math.max(0, charged - chargedAtSlice);
            chargedAtSlice = charged;
            marking.propagate(Math.max(MIN_WORK, allocated / 50 * Math.max(1, stepMultiplier)));
            if (!marking.hasGray()) finishCycle();
            ex.fuel().consume(marking.takeWork() / WORK_PER_FUEL);
        }
        if (running && finalizers.hasPending() && canFinalizeOn(co)) startFinalizer(co);
        updateCheck();
    }

    /** The value of {@link Heap#chargedSinceSettle()} from which {@link #safePoint} has work. */
    long nextCheck() {
        return nextCheck;
    }

    private void updateCheck() {
        if (running && finalizers.hasPending()) {
            nextCheck = Long.MIN_VALUE;
        } else if (underWay) {
            nextCheck = chargedAtSlice + SLICE_STRIDE;
        } else {
            nextCheck = running ? cycleDue : Long.MAX_VALUE;
        }
    }

    // ------------------------------------------------------------------ finalizers

    /**
     * Whether a finalizer is running in {@code co} or one of the coroutines that resumed it,
     * where lua 5.4 keeps the collector from being re-entered ({@code collectgarbage} answers
     * fail).
     */
    public boolean inFinalizer(Coroutine co) {
        for (Coroutine c = co; c != null; c = c.resumer) {
            for (int i = c.frameCount - 1; i >= 0; i--) {
                if (c.frames[i] instanceof SequenceFrame
                        && ((SequenceFrame) c.frames[i]).sequence instanceof RunFinalizers
                        && ((RunFinalizers) ((SequenceFrame) c.frames[i]).sequence).isCalling()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a finalizer may start on {@code co} now: no other one is running, and {@code co} is at a frame boundary. */
    private boolean canFinalizeOn(Coroutine co) {
        if (finalizing != null) {
            Coroutine.State s = finalizingOn.state;
            // A finalizer that yielded and was left suspended (or killed) does not hold up the rest.
            if (s != Coroutine.State.SUSPENDED && s != Coroutine.State.DEAD) return false;
            finalizing = null;
            finalizingOn = null;
        }
        Frame top = co.top();
        return co.started && co.state == Coroutine.State.RUNNING && top != null && co.activeBuiltin == null
                && !(top instanceof SequenceFrame && ((SequenceFrame) top).state == SequenceFrame.AWAITING);
    }

    /** Pushes a hidden frame on {@code co} that runs the next pending finalizer. */
    private void startFinalizer(Coroutine co) {
        int func = co.stackInUse();
        if (func + 1 > co.stack.length && func + 1 > Coroutine.MAX_STACK) return;
        co.ensureStack(func + 1);
        co.stack[func] = null;
        FinalizerCall call = new FinalizerCall(this, finalizers);
        SequenceFrame sf = new SequenceFrame(null, call, SequenceFrame.NEW);
        sf.func = func;
        sf.ret = Frame.RET_DISCARD;
        co.pushSequenceFrame(sf);
        finalizing = call;
        finalizingOn = co;
    }

    /** {@code call} has run its finalizer. */
    void finalizerDone(FinalizerCall call) {
        if (finalizing == call) {
            finalizing = null;
            finalizingOn = null;
        }
    }

    /**
     * A sequence that runs every pending finalizer (those that become pending meanwhile
     * included), then returns {@code result}: what {@code collectgarbage("collect")} answers
     * after {@link #fullCycle}.
     */
    public Sequence pendingFinalizers(Object result) {
        return new RunFinalizers(finalizers, -1, result);
    }

    /**
     * What closing the instance does ({@code lua_close}): a sequence that runs the pending
     * finalizers, then those of every object still marked for finalization, the most recently
     * marked first; afterwards no object is marked any more. Run it in an executor of this
     * instance (see {@code Lua.close}).
     */
    public Sequence close() {
        finalizers.closeAll();
        return new RunFinalizers(finalizers, -1, null);
    }
}
