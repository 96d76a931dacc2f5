package dev.moonlet.vm;

import dev.moonlet.value.Collectable;
import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import java.util.Arrays;

/**
 * A captured delimited continuation: a segment of a coroutine's frames, with their part of the
 * value stack, their open upvalues and their pending to-be-closed variables, cut out from above
 * a {@link Delimiter} and kept on the heap until it is spliced back above another (or the same)
 * delimiter, in any coroutine. The {@code prompt} and {@code effect} libraries build on it.
 *
 * <h2>Why cut and splice, and not one hidden coroutine per prompt</h2>
 * A prompt body could run on a coroutine of its own, an abort being a switch to the prompt's
 * coroutine and the continuation being the suspended coroutine. But then everything that looks
 * at "the running coroutine" would see the hidden one: {@code coroutine.yield} inside a body
 * would have to be forwarded through every hidden coroutine, {@code coroutine.running} and
 * {@code isyieldable} translated, error tracebacks and {@code xpcall} message handlers stitched
 * across coroutines, and hooks and call levels likewise. Cutting the frames out keeps a prompt
 * body on the stack of the coroutine that runs it, so all of those behave exactly as without
 * prompts; a continuation is plain data (frames and values, ready to be saved one day), and
 * cloning it is copying that data. The price is that capturing and splicing copy the
 * segment's frames and slots (work in proportion to its size, charged as fuel), and that a
 * capture cannot cross a coroutine boundary: prompts and handlers are searched for in the
 * running coroutine only.
 *
 * <h2>Invariants</h2>
 * Inside a continuation every absolute position is made relative to the segment: stack
 * indices (frame {@code func}, {@code dest}, Lua {@code base} and {@code top}, open upvalue
 * and to-be-closed indices) count from the segment's first slot, and frame indices (a message
 * handler's {@code from}) from its first frame. The open upvalues point into {@link #stack}, so
 * closures made by the captured frames keep reading and writing the captured variables while
 * the continuation waits. The top frame is the sequence that asked for the capture, in state
 * {@link SequenceFrame#YIELDED}: splicing hands it the values to return (or an error to raise).
 * A continuation is spliced at most once; afterwards it is {@linkplain #isConsumed consumed}.
 *
 * <h2>Memory</h2>
 * A continuation is an object of the instance's heap: capturing, cloning and binding charge
 * its frames, slots and bound values ({@link Heap#continuationBytes}) before making it, so a
 * script that keeps captured continuations gets {@code "not enough memory"} under a limit;
 * the collector counts the continuations it reaches (a consumed one holds nothing), so those
 * dropped are given back.
 */
public final class Continuation extends Collectable implements Traced {
    /** The function to call on the first splice when the continuation was never started; else null. */
    private Object body;
    /** Values placed before the splice's values ({@code effect.bind}). */
    private Object[] bound = Values.NONE;
    private Frame[] frames;
    private Object[] stack;
    /** The open upvalues of the segment's slots, by decreasing index (relative, pointing into {@link #stack}). */
    private Upvalue openUpvalues;
    /** The relative slots of the pending to-be-closed variables, increasing. */
    private int[] tbc;
    private boolean consumed;

    /** The heap the continuation is charged to. */
    private final Heap heap;

    private Continuation(Heap heap) {
        this.heap = heap;
    }

    /**
     * A continuation of {@code instance} that has not started: splicing it calls {@code body}
     * (any value; the call may fail then) with the splice's values.
     *
     * @throws LuaError {@code "not enough memory"}
     */
    public static Continuation of(Instance instance, Object body) {
        instance.heap().charge(Heap.continuationBytes(0, 0, 0));
        Continuation k = new Continuation(instance.heap());
        k.body = body;
        k.frames = new Frame[0];
        k.stack = Values.NONE;
        k.tbc = new int[0];
        return k;
    }

    /** Whether the continuation was spliced (resumed), bound, or discarded already. */
    public boolean isConsumed() {
        return consumed;
    }

    /** Whether the continuation holds frames (false until its body is first called). */
    public boolean isStarted() {
        return body == null;
    }

    /**
     * {@code effect.bind}: a continuation that is this one with {@code values} placed before
     * whatever it is resumed with (partial application); this one is consumed.
     *
     * @throws LuaError "continuation already consumed"
     */
    public Continuation bind(Object[] values) {
        checkNotConsumed();
        heap.charge(Heap.continuationBytes(0, 0, bound.length + values.length));
        Continuation k = takeOver();
        Object[] all = Arrays.copyOf(k.bound, k.bound.length + values.length);
        System.arraycopy(values, 0, all, k.bound.length, values.length);
        k.bound = all;
        return k;
    }

    /** A continuation holding all of this one's state; this one is consumed. */
    private Continuation takeOver() {
        checkNotConsumed();
        Continuation k = new Continuation(heap);
        k.body = body;
        k.bound = bound;
        k.frames = frames;
        k.stack = stack;
        k.openUpvalues = openUpvalues;
        k.tbc = tbc;
        release();
        return k;
    }

    private void checkNotConsumed() {
        if (consumed) throw new LuaError("continuation already consumed");
    }

    private void release() {
        consumed = true;
        body = null;
        bound = Values.NONE;
        frames = null;
        stack = null;
        openUpvalues = null;
        tbc = null;
    }

    /**
     * A copy that can be resumed independently of this one (multi-shot): its frames are copies
     * of these, its slots a copy of these slots. Variables that closures captured before the
     * capture stay those closures' variables (the originals); the copy's frames start with
     * their values.
     *
     * @throws CopyRefused "continuation already consumed"; or, naming the frame, when a frame
     *     is a builtin whose state cannot be copied, or when a to-be-closed variable is pending
     *     (it would be closed once per copy)
     * @throws LuaError "not enough memory" for the copy
     */
    public Continuation copy() {
        if (consumed) throw new CopyRefused("continuation already consumed");
        if (tbc.length > 0) {
            throw new CopyRefused("cannot clone a continuation with a pending to-be-closed variable");
        }
        heap.charge(bytes());
        Continuation k = new Continuation(heap);
        k.body = body;
        k.bound = bound.clone();
        k.stack = stack.clone();
        k.tbc = tbc;
        k.frames = new Frame[frames.length];
        for (int i = 0; i < frames.length; i++) {
            Frame copy = copyOf(frames[i]);
            if (copy == null) {
                throw new CopyRefused("cannot clone a continuation through '" + nameOf(frames[i])
                        + "' (its frame cannot be copied)");
            }
            k.frames[i] = copy;
        }
        return k;
    }

    /** Why {@link #copy} cannot copy a continuation (as opposed to the memory for it lacking). */
    public static final class CopyRefused extends LuaError {
        CopyRefused(String message) {
            super(message);
        }
    }

    private static Frame copyOf(Frame f) {
        if (f instanceof LuaFrame) return ((LuaFrame) f).copy();
        return ((SequenceFrame) f).copy();
    }

    /** How a frame that cannot be copied is named in the error: its builtin, or the machinery it is. */
    private static String nameOf(Frame f) {
        Object fn = f.function();
        if (fn instanceof Builtin) return ((Builtin) fn).name();
        Sequence s = ((SequenceFrame) f).sequence;
        if (s instanceof HookCall) return "a hook call";
        if (s instanceof HandlerCall) return "a message handler call";
        if (s instanceof Unwinder) return "__close handlers of an error";
        return "?";
    }

    /**
     * {@code prompt.discard}, {@code effect.discard}: abandons the continuation, closing its
     * open upvalues and calling the {@code __close} handlers of its pending to-be-closed
     * variables (innermost first, with no error), as {@link Coroutine#close()} does for a
     * coroutine. The result is a sequence for the caller's executor to run, which answers
     * {@code true}, or {@code false} and the error a handler raised. Discarding a consumed
     * continuation does nothing and answers {@code true}.
     */
    public Sequence discard(Instance instance) {
        Object[] pending = Values.NONE;
        if (!consumed) {
            pending = new Object[tbc.length];
            for (int i = 0; i < pending.length; i++) pending[i] = stack[tbc[tbc.length - 1 - i]];
            for (Upvalue u = openUpvalues; u != null; ) {
                Upvalue next = u.next;
                u.close();
                u = next;
            }
            release();
        }
        return new Closing(instance, pending, null, null);
    }

    /**
     * Marks what the continuation holds, for the collector: its body or its frames, slots and
     * open upvalues, and its bound values. Captured frames do not run, and stores through the
     * open upvalues have the upvalue barrier, so a continuation changes only by being
     * consumed, which drops what it held.
     */
    @Override
    public void trace(Marker m) {
        if (consumed) return;
        m.mark(body);
        m.markAll(bound);
        m.markAll(stack);
        for (Frame f : frames) f.trace(m);
        for (Upvalue u = openUpvalues; u != null; u = u.next) m.mark(u);
    }

    // ------------------------------------------------------------------ the executor's side

    /**
     * The values a splice hands over: the bound ones, then {@code values}. The continuation is
     * consumed by {@link #takeBody} or {@link #splice}, which must follow.
     *
     * @throws LuaError "continuation already consumed"
     */
    Object[] valuesFor(Object[] values) {
        checkNotConsumed();
        if (bound.length == 0) return values;
        Object[] all = Arrays.copyOf(bound, bound.length + values.length);
        System.arraycopy(values, 0, all, bound.length, values.length);
        return all;
    }

    /** Consumes a continuation that has not started: its body, whose call's frames will be its frames. */
    Object takeBody() {
        Object b = body;
        release();
        return b;
    }

    /** What the continuation is charged and counted as ({@link Heap#continuationBytes}); nothing once consumed. */
    long bytes() {
        return consumed ? 0 : Heap.continuationBytes(frames.length, stack.length, bound.length);
    }

    /** The number of frames and slots the continuation holds: the work of cutting or splicing it. */
    int size() {
        return frames.length + stack.length;
    }

    /**
     * Cuts out the frames of {@code co} above index {@code delimiter} (a delimiter's sequence
     * frame, which becomes the top), with their slots, open upvalues and to-be-closed variables.
     */
    static Continuation cut(Coroutine co, int delimiter) {
        int first = delimiter + 1;
        int base = co.frames[first].func;
        int end = base;
        for (int i = first; i < co.frameCount; i++) end = Math.max(end, slotsEnd(co.frames[i]));
        end = Math.min(end, co.stack.length);

        // Charged before anything moves: refused, the frames stay where they are.
        Heap heap = co.instance().heap();
        heap.charge(Heap.continuationBytes(co.frameCount - first, end - base, 0));
        Continuation k = new Continuation(heap);
        // Boxed, so that the cut-out slots need no numeric lane (see Unboxed).
        k.stack = co.values(base, end - base);
        k.frames = Arrays.copyOfRange(co.frames, first, co.frameCount);
        for (Frame f : k.frames) relocate(f, -base, -first);
        for (int i = co.frameCount - 1; i >= first; i--) {
            if (Coroutine.countsAsBuiltin(co.frames[i])) co.sequenceFrames--;
            co.frames[i] = null;
        }
        co.frameCount = first;

        Upvalue last = null;
        Upvalue u = co.openUpvalues;
        while (u != null && u.index >= base) {
            u.slots = k.stack;
            u.index -= base;
            last = u;
            u = u.next;
        }
        if (last != null) {
            k.openUpvalues = co.openUpvalues;
            last.next = null;
            co.openUpvalues = u;
        }

        int n = co.tbcCount;
        while (n > 0 && co.tbc[n - 1] >= base) n--;
        k.tbc = new int[co.tbcCount - n];
        for (int i = 0; i < k.tbc.length; i++) k.tbc[i] = co.tbc[n + i] - base;
        co.tbcCount = n;

        Arrays.fill(co.stack, base, end, null);
        return k;
    }

    /** The end of the slots frame {@code f} may use. */
    private static int slotsEnd(Frame f) {
        if (f instanceof LuaFrame) {
            LuaFrame lf = (LuaFrame) f;
            return Math.max(lf.top, lf.base + lf.proto().maxStackSize);
        }
        return f.func + 1;
    }

    /** Moves frame {@code f} by {@code slots} stack slots and {@code indices} frame indices. */
    private static void relocate(Frame f, int slots, int indices) {
        f.func += slots;
        f.dest += slots;
        if (f instanceof LuaFrame) {
            LuaFrame lf = (LuaFrame) f;
            lf.base += slots;
            lf.top += slots;
        } else if (((SequenceFrame) f).sequence instanceof HandlerCall) {
            ((HandlerCall) ((SequenceFrame) f).sequence).from += indices;
        }
    }

    /**
     * Splices the frames back on top of {@code co}, whose top frame {@code below} (a delimiter)
     * becomes the frame they return to, and hands the capturing frame {@code values}, or
     * {@code error} to raise when it is not null; consumes the continuation. It must have
     * started. When the stack or the memory has no room for the frames, the error leaves it
     * unconsumed.
     */
    void splice(Coroutine co, SequenceFrame below, Object[] values, LuaError error) {
        int base = below.func + 1;
        int first = co.frameCount;
        co.ensureStack(base + stack.length + 1);
        if (co.frames.length < first + frames.length + 1) {
            int n = Math.max(co.frames.length * 2, first + frames.length + 1);
            heap.charge(Heap.frameBytes(n) - Heap.frameBytes(co.frames.length));
            co.frames = Arrays.copyOf(co.frames, n);
        }
        System.arraycopy(stack, 0, co.stack, base, stack.length);
        for (Frame f : frames) {
            relocate(f, base, first);
            co.frames[co.frameCount++] = f;
            if (Coroutine.countsAsBuiltin(f)) co.sequenceFrames++;
        }

        if (openUpvalues != null) {
            Upvalue last = null;
            for (Upvalue u = openUpvalues; u != null; u = u.next) {
                u.slots = co.stack;
                u.lane = co.lane;
                u.index += base;
                last = u;
            }
            last.next = co.openUpvalues;
            co.openUpvalues = openUpvalues;
        }
        for (int slot : tbc) co.addTbc(slot + base);

        SequenceFrame top = (SequenceFrame) co.top();
        if (error != null) {
            top.error = error;
            top.state = SequenceFrame.FAILED;
        } else {
            top.results = values;
            top.state = SequenceFrame.READY;
        }
        release();
    }
}
