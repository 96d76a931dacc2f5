package dev.moonlet.vm;

import dev.moonlet.syntax.ChunkId;
import dev.moonlet.value.Collectable;
import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.util.Arrays;

/**
 * A Lua thread (the value {@code coroutine.create} returns): a value stack, a stack of heap
 * frames and a status. Coroutines never hold a Java thread: an {@link Executor} runs whichever
 * coroutine is current, and switches between them on resume, yield and yield-to.
 *
 * <p>The value stack holds the registers of every active Lua function, each frame's part
 * starting at its function slot ({@link Frame#func}). It grows on demand up to
 * {@value #MAX_STACK} slots (Lua's {@code LUAI_MAXSTACK}); beyond that a call raises
 * {@code "stack overflow"}, and while that error is being handled a little more room is
 * allowed, as in Lua.
 */
public final class Coroutine extends Collectable {
    /** The status of a coroutine, as {@code coroutine.status} names it. */
    public enum State {
        /** Created and not started, or stopped in a yield. */
        SUSPENDED("suspended"),
        /** Running now. */
        RUNNING("running"),
        /** Active but not running: it resumed another coroutine. */
        NORMAL("normal"),
        /** Finished its body, or died with an error, or was closed. */
        DEAD("dead");

        private final String luaName;

        State(String luaName) {
            this.luaName = luaName;
        }

        /** The name {@code coroutine.status} returns. */
        public String luaName() {
            return luaName;
        }
    }

    /** The most stack slots a coroutine may use (LUAI_MAXSTACK). */
    static final int MAX_STACK = 1_000_000;
    /** Extra slots allowed while a stack overflow is being handled (as Lua's ERRORSTACKSIZE). */
    static final int ERROR_STACK_EXTRA = 200;
    /** Extra frames allowed while a too deep call is being handled (a message handler's). */
    static final int ERROR_FRAMES_EXTRA = 50;
    /**
     * The most builtins that may be suspended at once in a chain of coroutines (sequence
     * frames plus resumes), as Lua's LUAI_MAXCCALLS: beyond it a call raises
     * {@code "C stack overflow"}, like Lua's limit on nested C calls. Lua-to-Lua calls and
     * metamethod calls do not count.
     */
    static final int MAX_NESTED_BUILTINS = 200;

    private final Instance instance;
    private final boolean main;
    State state = State.SUSPENDED;
    /** The executor running this coroutine, or the one it is active in; null when idle. */
    Executor executor;
    /** The coroutine that resumed this one and will get its yields (null if none). */
    Coroutine resumer;
    /** The body to call on the first resume (any value: calling it may fail). */
    Object body;
    /** Whether the body has been called (until then the coroutine has no frames). */
    boolean started;
    /** The error this coroutine died with, until {@link #close()} has run its handlers. */
    LuaError deathError;

    Object[] stack = new Object[32];
    int stackLimit = MAX_STACK;
    Frame[] frames = new Frame[8];
    int frameCount;
    /** The most frames this coroutine may have: its instance's call depth when it was made. */
    private final int callDepth;
    /** {@link #callDepth}, or a little more while a stack overflow is being handled. */
    private int frameLimit;
    /** Open upvalues, by decreasing stack index. */
    Upvalue openUpvalues;
    /** Stack indices of the pending to-be-closed variables, increasing. */
    int[] tbc = new int[4];
    int tbcCount;
    /** Suspended builtins of the coroutines that resumed this one (see MAX_NESTED_BUILTINS). */
    int inheritedBuiltins;
    /** Sequence frames on this coroutine's frame stack that count as builtins ({@link #countsAsBuiltin}). */
    int sequenceFrames;

    /**
     * The builtin running directly (not as a sequence) on this coroutine, or null; it is the
     * function at level 0 while it runs, called from the top frame.
     */
    Builtin activeBuiltin;
    /** The stack slot {@link #activeBuiltin} was called from. */
    int activeFunc;
    /** Whether {@link #activeBuiltin} was called by a tail call. */
    boolean activeTail;

    /**
     * The events the debug hook wants ({@link Hooks} mask bits), 0 when there is no hook: the
     * interpreter's one test for hooks, so that they cost nothing when off.
     */
    int hookMask;
    /** The hook and its tracing state, once {@code debug.sethook} has been used on this coroutine. */
    Hooks hooks;

    /**
     * A coroutine of {@code instance}, charged to its heap with its first stack and frames.
     *
     * @throws dev.moonlet.value.LuaError {@code "not enough memory"} when they do not fit
     */
    Coroutine(Instance instance, boolean main) {
        instance.heap().charge(Heap.coroutineBytes(stack.length, frames.length));
        this.instance = instance;
        this.main = main;
        this.callDepth = instance.callDepth();
        this.frameLimit = callDepth;
    }

    /**
     * A new suspended coroutine whose body is {@code function} (any value; calling it happens
     * on the first resume, and fails then if it is not callable).
     */
    public static Coroutine create(Instance instance, Object function) {
        Coroutine co = new Coroutine(instance, false);
        co.body = function;
        return co;
    }

    /** The instance this coroutine belongs to. */
    public Instance instance() {
        return instance;
    }

    /** The status: suspended, running, normal or dead. */
    public State state() {
        return state;
    }

    /** The fuel of the executor running this coroutine (valid while it runs). */
    public Fuel fuel() {
        return executor.fuel();
    }

    /** The executor this coroutine is active in, or null when it is suspended or dead. */
    public Executor executor() {
        return executor;
    }

    /** Whether this is an executor's main coroutine (which cannot yield). */
    public boolean isMain() {
        return main;
    }

    /**
     * The number of frames on this coroutine's stack. What walks them all (as
     * {@link #isYieldable()} does) costs work in proportion, which builtins charge as fuel.
     */
    public int depth() {
        return frameCount;
    }

    /**
     * Whether code running in this coroutine may yield as Lua reports it
     * ({@code coroutine.isyieldable}): false in a main coroutine, and false while a builtin on
     * this coroutine's frames is making a call that may not yield directly
     * ({@link Sequence#callsMayYield}), as inside a {@code string.gsub} callback. Moonlet is more
     * lenient than that answer: a Lua function called by such a builtin may still yield; only
     * a yielding builtin called directly by it is refused.
     */
    public boolean isYieldable() {
        if (main) return false;
        for (int i = 0; i < frameCount; i++) {
            if (frames[i] instanceof SequenceFrame) {
                SequenceFrame sf = (SequenceFrame) frames[i];
                // A frame that yielded is the yield itself, not a call made through it.
                if (sf.state == SequenceFrame.YIELDED) continue;
                if (sf.sequence != null && !sf.sequence.callsMayYield()) return false;
            }
        }
        return true;
    }

    /**
     * Whether the coroutine died with an error whose pending {@code __close} handlers have not
     * run yet (they run when it is closed); the error is {@link #deathError()}.
     */
    public boolean diedWithError() {
        return deathError != null;
    }

    /** The error the coroutine died with, or null. */
    public LuaError deathError() {
        return deathError;
    }

    /**
     * {@code coroutine.close}: a sequence that kills this suspended or dead coroutine, closing
     * its open upvalues and calling its pending {@code __close} handlers (from the innermost
     * out, each with the current error or nil), then returns {@code true}, or
     * {@code false, err} when the coroutine had died with an error or a handler raised one
     * (a handler's error replaces the previous one). The handlers run as calls made by the
     * sequence, in the caller's coroutine; meanwhile this coroutine's status is running (as in
     * Lua, where they run on it), so closing it again from a handler is an error. It must be
     * run by the caller's executor: return it from a builtin, or drive it from another
     * sequence by forwarding polls (and errors) to it.
     *
     * @throws LuaError {@code "cannot close a running coroutine"} or
     *     {@code "cannot close a normal coroutine"}
     */
    public Sequence close() {
        if (state == State.RUNNING) throw new LuaError("cannot close a running coroutine");
        if (state == State.NORMAL) throw new LuaError("cannot close a normal coroutine");
        Object[] pending = pendingCloseValues(0);
        LuaError error = deathError;
        closeUpvalues(0);
        tbcCount = 0;
        clearFrames(0);
        body = null;
        started = true;
        deathError = null;
        // As in Lua, where the handlers run on the coroutine being closed, it counts as
        // running until they are done (closing it again from one of them is an error).
        state = pending.length > 0 ? State.RUNNING : State.DEAD;
        return new Closing(instance, pending, error, this);
    }

    // ------------------------------------------------------------------ levels

    /**
     * The frame index of call level {@code level} (0 = the running function), skipping hidden
     * frames; -2 when the level is the directly running builtin; -1 when there is no such level.
     */
    int frameIndexOfLevel(int level) {
        if (activeBuiltin != null) {
            if (level == 0) return -2;
            level--;
        }
        for (int i = frameCount - 1; i >= 0; i--) {
            if (isHidden(frames[i])) continue;
            if (level-- == 0) return i;
        }
        return -1;
    }

    /**
     * {@link #frameIndexOfLevel(int)} for a stack of {@code levels} levels (its
     * {@link #levelCount()}), walking from whichever end is nearer: a traceback of a deep stack
     * shows levels near both ends and must not walk the whole stack for each.
     */
    int frameIndexOfLevel(int level, int levels) {
        int fromBottom = levels - 1 - level;
        if (level == 0 || fromBottom >= level) return frameIndexOfLevel(level);
        for (int i = 0; i < frameCount; i++) {
            if (isHidden(frames[i])) continue;
            if (fromBottom-- == 0) return i;
        }
        return -1;
    }

    /** Whether a frame is the executor's own machinery, invisible to levels and tracebacks. */
    static boolean isHidden(Frame f) {
        return f instanceof SequenceFrame && ((SequenceFrame) f).sequence instanceof Hidden;
    }

    /** The number of call levels (visible frames plus a directly running builtin). */
    int levelCount() {
        int n = activeBuiltin != null ? 1 : 0;
        for (int i = 0; i < frameCount; i++) {
            if (!isHidden(frames[i])) n++;
        }
        return n;
    }

    /**
     * {@code luaL_where}: {@code "chunk:line: "} for the Lua function at {@code level} of the
     * call stack (0 = the running function, 1 = its caller, ...), or the empty string when that
     * function is not a Lua function or has no line information.
     */
    public LuaString where(int level) {
        int index = frameIndexOfLevel(level);
        if (index < 0 || !(frames[index] instanceof LuaFrame)) return LuaString.EMPTY;
        LuaFrame f = (LuaFrame) frames[index];
        int line = f.currentLine();
        if (line <= 0) return LuaString.EMPTY;
        LuaString id = ChunkId.of(f.proto().source);
        return RuntimeErrors.bytes(DebugNames.latin1(id) + ":" + line + ": ");
    }

    // ------------------------------------------------------------------ stack

    /**
     * Makes the stack at least {@code size} slots long, or raises "stack overflow" (or, past
     * the extra room given for handling an overflow, "error in error handling").
     */
    void ensureStack(int size) {
        if (size <= stack.length) return;
        if (size > stackLimit) {
            if (stackLimit > MAX_STACK) throw new RuntimeErrors.ErrorHandlingFailure();
            stackLimit = MAX_STACK + ERROR_STACK_EXTRA;
            throw RuntimeErrors.at(this, "stack overflow");
        }
        int n = Math.min(Math.max(size, stack.length * 2), stackLimit);
        instance.heap().charge(Heap.stackBytes(n) - Heap.stackBytes(stack.length));
        Object[] grown = Arrays.copyOf(stack, n);
        for (Upvalue u = openUpvalues; u != null; u = u.next) u.slots = grown;
        stack = grown;
    }

    /** The stack slots the frames use: up to the end of the top frame's registers. */
    int stackInUse() {
        Frame top = top();
        if (top == null) return 0;
        if (top instanceof LuaFrame) {
            LuaFrame f = (LuaFrame) top;
            return Math.max(f.top, f.base + f.proto().maxStackSize);
        }
        return top.func + 1;
    }

    /**
     * Gives the stack and the frames back their normal limits once an overflow has been dealt
     * with, shrinking them (invariant: neither array is longer than its limit, so that the
     * frame limit is checked only when the frame array is full).
     */
    void resetStackLimit() {
        if (frameLimit != callDepth && frameCount <= callDepth) {
            frameLimit = callDepth;
            if (frames.length > callDepth) {
                instance.heap().release(Heap.frameBytes(frames.length) - Heap.frameBytes(callDepth));
                frames = Arrays.copyOf(frames, callDepth);
            }
        }
        if (stackLimit == MAX_STACK) return;
        stackLimit = MAX_STACK;
        if (stack.length > MAX_STACK) {
            instance.heap().release(Heap.stackBytes(stack.length) - Heap.stackBytes(MAX_STACK));
            Object[] shrunk = Arrays.copyOf(stack, MAX_STACK);
            for (Upvalue u = openUpvalues; u != null; u = u.next) u.slots = shrunk;
            stack = shrunk;
        }
    }

    // ------------------------------------------------------------------ frames

    /** The frame at the top, or null when there is none. */
    Frame top() {
        return frameCount == 0 ? null : frames[frameCount - 1];
    }

    /** A Lua frame pushed on top, reusing the frame object left in that slot if any. */
    LuaFrame pushLuaFrame() {
        if (frameCount == frames.length) growFrames();
        Frame old = frames[frameCount];
        LuaFrame f = old instanceof LuaFrame ? (LuaFrame) old : new LuaFrame();
        frames[frameCount++] = f;
        return f;
    }

    /** Pushes a sequence frame, counting it against {@link #MAX_NESTED_BUILTINS}. */
    void pushSequenceFrame(SequenceFrame f) {
        if (frameCount == frames.length) growFrames();
        frames[frameCount++] = f;
        if (countsAsBuiltin(f)) sequenceFrames++;
    }

    /**
     * Doubles the full frame array, never past {@link #frameLimit}; at the limit, raises
     * "stack overflow" as a too deep Lua recursion does (or, past the extra frames given for
     * handling an overflow, "error in error handling"). The array is capped at the limit, so
     * this costs pushing a frame nothing more than the test of a full array.
     */
    private void growFrames() {
        if (frameCount >= frameLimit) {
            if (frameLimit != callDepth) throw new RuntimeErrors.ErrorHandlingFailure();
            frameLimit = (int) Math.min(Integer.MAX_VALUE, (long) callDepth + ERROR_FRAMES_EXTRA);
            throw RuntimeErrors.at(this, "stack overflow");
        }
        int n = (int) Math.min(frameLimit, 2L * frames.length);
        // The frame objects that will fill the new slots are charged with them (Heap.frameBytes).
        instance.heap().charge(Heap.frameBytes(n) - Heap.frameBytes(frames.length));
        frames = Arrays.copyOf(frames, n);
    }

    /** Pops the top frame. */
    void popFrame() {
        Frame f = frames[--frameCount];
        if (f instanceof SequenceFrame) {
            if (countsAsBuiltin(f)) sequenceFrames--;
            frames[frameCount] = null;
        }
    }

    /**
     * Whether frame {@code f} counts against {@link #MAX_NESTED_BUILTINS}: a builtin's frame,
     * unless it is a {@link Delimiter} (a prompt or an effect handler), which, like a Lua
     * call, may nest as deep as the stack allows.
     */
    static boolean countsAsBuiltin(Frame f) {
        return f instanceof SequenceFrame && !(((SequenceFrame) f).sequence instanceof Delimiter);
    }

    /** Drops every frame from {@code index} up (their upvalues and tbc entries are the caller's business). */
    void clearFrames(int index) {
        while (frameCount > index) popFrame();
    }

    /** Builtins suspended in this coroutine and those that resumed it. */
    int nestedBuiltins() {
        return inheritedBuiltins + sequenceFrames;
    }

    /**
     * Raises "C stack overflow" when a builtin may not call Lua now (checked, as in Lua, when
     * a suspended builtin would call a function: the error is the caller's).
     */
    void checkNestedBuiltins() {
        int n = nestedBuiltins();
        if (n >= MAX_NESTED_BUILTINS) {
            if (n >= MAX_NESTED_BUILTINS / 10 * 11) throw new RuntimeErrors.ErrorHandlingFailure();
            throw RuntimeErrors.at(this, "C stack overflow");
        }
    }

    // ------------------------------------------------------------------ upvalues

    /** The open upvalue for stack slot {@code index}, created if needed. */
    Upvalue findUpvalue(int index) {
        Upvalue prev = null, u = openUpvalues;
        while (u != null && u.index > index) {
            prev = u;
            u = u.next;
        }
        if (u != null && u.index == index) return u;
        instance.heap().charge(Heap.UPVALUE_BYTES);
        Upvalue fresh = new Upvalue(stack, index);
        fresh.next = u;
        if (prev == null) openUpvalues = fresh;
        else prev.next = fresh;
        return fresh;
    }

    /** Closes the open upvalues of stack slots {@code level} and up. */
    void closeUpvalues(int level) {
        Upvalue u = openUpvalues;
        while (u != null && u.index >= level) {
            Upvalue next = u.next;
            u.close();
            u = next;
        }
        openUpvalues = u;
    }

    // ------------------------------------------------------------------ to-be-closed variables

    /** Registers stack slot {@code index} as a to-be-closed variable. */
    void addTbc(int index) {
        if (tbcCount == tbc.length) tbc = Arrays.copyOf(tbc, tbcCount * 2);
        tbc[tbcCount++] = index;
    }

    /** Whether a to-be-closed variable is pending at slot {@code level} or above. */
    boolean hasTbc(int level) {
        return tbcCount > 0 && tbc[tbcCount - 1] >= level;
    }

    /**
     * The values of the pending to-be-closed variables at slot {@code level} and above, the
     * innermost first, unregistering them.
     */
    Object[] pendingCloseValues(int level) {
        int n = tbcCount;
        while (n > 0 && tbc[n - 1] >= level) n--;
        Object[] values = new Object[tbcCount - n];
        for (int i = 0; i < values.length; i++) values[i] = stack[tbc[tbcCount - 1 - i]];
        tbcCount = n;
        return values;
    }
}
