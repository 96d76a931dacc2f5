package dev.moonlet.vm;

import dev.moonlet.compiler.Instruction;
import dev.moonlet.compiler.OpCode;
import dev.moonlet.compiler.Proto;
import dev.moonlet.value.Collectable;
import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * The mark of one collection cycle (PUC-Rio's lgc.c propagation): which objects are reachable,
 * and how many bytes they take by {@link Heap}'s estimates.
 *
 * <p>Marking an object sets its {@link Collectable#gcMark} to the cycle's epoch and, if it
 * refers to other objects, pushes it on an explicit gray stack; {@link #propagate} pops and
 * traverses gray objects, a bounded amount of work at a time. There is no Java recursion, so a
 * list of a million tables marks on a small Java stack.
 *
 * <p>Some objects are traversed again in the atomic phase ({@link #rescan}): tables the write
 * barrier reported ({@link #touched}), and objects that change without a barrier: coroutines
 * (their stacks and frames), userdata, and tables not charged to this instance's heap. These
 * are gray again: their mark is minus the epoch.
 *
 * <p>Weak tables are not traversed strongly: a table whose metatable's {@code __mode} has
 * {@code 'v'} marks its keys only, one with {@code 'k'} (an ephemeron table) marks the value of
 * each key already marked, one with both marks nothing; each is listed for the atomic phase,
 * which {@linkplain #convergeEphemerons converges} the ephemerons and
 * {@linkplain #clearValues clears} the entries whose referents stayed unmarked.
 */
final class Marking implements Marker {
    private static final LuaString MODE = LuaString.of("__mode");
    private static final int STRONG = 0;
    private static final int WEAK_KEYS = 1;
    private static final int WEAK_VALUES = 2;

    /** The heap whose tables have a write barrier; other tables are rescanned. */
    private final Heap heap;
    private int epoch;
    /** Whether this is the atomic phase: nothing is left gray again for later. */
    private boolean atomic;
    private Object[] gray = new Object[256];
    private int grayCount;
    private final ArrayList<Collectable> grayAgain = new ArrayList<>();
    /** Weak tables found so far: by values only, by keys only (ephemerons), and by both. */
    final ArrayList<LuaTable> weakValues = new ArrayList<>();
    final ArrayList<LuaTable> ephemerons = new ArrayList<>();
    final ArrayList<LuaTable> allWeak = new ArrayList<>();
    /** The estimated size of everything marked. */
    private long liveBytes;
    /** The work done since the counter was last read (see {@link #takeWork}). */
    private long work;
    /** Whether {@link #mark} reached a new object since the flag was last cleared. */
    private boolean reachedNew;

    private final LuaTable.EntryVisitor strongEntry = (k, v) -> {
        mark(k);
        mark(v);
    };
    private final LuaTable.EntryVisitor keyOnly = (k, v) -> mark(k);
    private final LuaTable.EntryVisitor ephemeronEntry = (k, v) -> {
        if (k == null || !isCleared(k)) mark(v);
    };

    Marking(Heap heap) {
        this.heap = heap;
    }

    /** Starts marking for a cycle with epoch {@code epoch}: nothing is marked yet. */
    void begin(int epoch) {
        this.epoch = epoch;
        atomic = false;
        Arrays.fill(gray, 0, grayCount, null);
        grayCount = 0;
        grayAgain.clear();
        weakValues.clear();
        ephemerons.clear();
        allWeak.clear();
        liveBytes = 0;
        work = 0;
    }

    /** The estimated size of the objects marked so far, in bytes. */
    long liveBytes() {
        return liveBytes;
    }

    /** The work done since the last call, in bytes of objects traversed. */
    long takeWork() {
        long w = work;
        work = 0;
        return w;
    }

    /** Whether gray objects remain to traverse. */
    boolean hasGray() {
        return grayCount > 0;
    }

    boolean isMarked(Collectable c) {
        int m = c.gcMark;
        return m == epoch || m == -epoch;
    }

    /**
     * Whether {@code v}, a key or value of a weak table, counts as collected: a table,
     * function, coroutine or userdata left unmarked. Strings are values, never collected
     * from weak tables (so this marks them); numbers, booleans and plain builtins are not
     * objects.
     */
    boolean isCleared(Object v) {
        if (!(v instanceof Collectable)) return false;
        if (v instanceof LuaString) {
            mark(v);
            return false;
        }
        if (v instanceof Builtin && !(v instanceof BuiltinClosure)) return false;
        return !isMarked((Collectable) v);
    }

    // ------------------------------------------------------------------ marking

    @Override
    public void count(long bytes) {
        liveBytes += bytes;
    }

    @Override
    public void mark(Object v) {
        if (!(v instanceof Collectable)) return;
        Collectable c = (Collectable) v;
        int m = c.gcMark;
        if (m == epoch || m == -epoch) return;
        if (v instanceof LuaString) {
            c.gcMark = epoch;
            liveBytes += Heap.stringBytes(((LuaString) v).length());
            reachedNew = true;
            return;
        }
        // A plain builtin is shared (even between instances) and holds no values: not an object.
        if (v instanceof Builtin && !(v instanceof BuiltinClosure)) return;
        c.gcMark = epoch;
        long size = sizeOf(c);
        liveBytes += size;
        work += size;
        reachedNew = true;
        if (grayCount == gray.length) gray = Arrays.copyOf(gray, grayCount * 2);
        gray[grayCount++] = c;
    }

    /** {@link Heap}'s estimate of the size of {@code c}, as its allocation was charged. */
    private static long sizeOf(Collectable c) {
        if (c instanceof LuaTable) {
            LuaTable t = (LuaTable) c;
            return Heap.tableBytes(t.arraySize(), t.hashCapacity());
        }
        if (c instanceof Closure) return Heap.closureBytes(((Closure) c).upvalues.length);
        if (c instanceof Upvalue) return Heap.UPVALUE_BYTES;
        if (c instanceof Coroutine) {
            Coroutine co = (Coroutine) c;
            return Heap.coroutineBytes(co.stack.length, co.frames.length);
        }
        if (c instanceof Userdata) return Heap.USERDATA_BYTES;
        if (c instanceof Message) return Message.bytes(((Message) c).values.length);
        if (c instanceof Proto) return Instance.protoBytes((Proto) c);
        if (c instanceof BuiltinClosure) return Heap.closureBytes(((BuiltinClosure) c).upvalues().length);
        if (c instanceof Continuation) return ((Continuation) c).bytes();
        return 0;
    }

    /**
     * Traverses gray objects until they are all black or about {@code budget} bytes of
     * objects have been traversed.
     */
    void propagate(long budget) {
        long start = work;
        while (grayCount > 0 && work - start < budget) {
            Object o = gray[--grayCount];
            gray[grayCount] = null;
            traverse(o);
        }
    }

    /** Traverses every gray object. */
    void propagateAll() {
        while (grayCount > 0) {
            Object o = gray[--grayCount];
            gray[grayCount] = null;
            traverse(o);
        }
    }

    private void traverse(Object o) {
        if (o instanceof LuaTable) {
            traverseTable((LuaTable) o);
        } else if (o instanceof Closure) {
            Closure cl = (Closure) o;
            mark(cl.proto);
            for (Upvalue u : cl.upvalues) mark(u);
        } else if (o instanceof Upvalue) {
            mark(((Upvalue) o).get());
        } else if (o instanceof Proto) {
            Proto p = (Proto) o;
            mark(p.source);
            for (Object k : p.constants) mark(k);
            for (Proto child : p.protos) mark(child);
        } else if (o instanceof Coroutine) {
            keepGrayAgain((Coroutine) o);
            traverseCoroutine((Coroutine) o);
        } else if (o instanceof Userdata) {
            Userdata u = (Userdata) o;
            keepGrayAgain(u);
            mark(u.metatable());
            mark(u.userValue());
            Object payload = u.payload();
            // A payload that is an object of the heap (a continuation) is marked, so it is counted once.
            if (payload instanceof Collectable) mark(payload);
            else if (payload instanceof Traced) ((Traced) payload).trace(this);
        } else if (o instanceof BuiltinClosure) {
            ((BuiltinClosure) o).trace(this);
        } else if (o instanceof Message) {
            markAll(((Message) o).values);
        } else if (o instanceof Continuation) {
            ((Continuation) o).trace(this);
        }
    }

    /** Leaves {@code c}, which changes without a write barrier, to be traversed again in the atomic phase. */
    private void keepGrayAgain(Collectable c) {
        if (atomic) return;
        c.gcMark = -epoch;
        grayAgain.add(c);
    }

    /** The write barrier: black table {@code t} was stored into; it will be traversed again. */
    void touched(LuaTable t) {
        if (t.gcMark != epoch) return;
        keepGrayAgain(t);
    }

    private void traverseTable(LuaTable t) {
        LuaTable mt = t.metatable();
        mark(mt);
        if (t.heap() != heap) keepGrayAgain(t);
        switch (weakMode(mt)) {
            case STRONG:
                t.traverse(strongEntry);
                break;
            case WEAK_VALUES:
                t.traverse(keyOnly);
                weakValues.add(t);
                break;
            case WEAK_KEYS:
                t.traverse(ephemeronEntry);
                ephemerons.add(t);
                break;
            default:
                allWeak.add(t);
                break;
        }
        work += t.arraySize() + t.hashCapacity();
    }

    /** Which parts of a table with metatable {@code mt} are weak, from its {@code __mode}. */
    private static int weakMode(LuaTable mt) {
        if (mt == null) return STRONG;
        Object mode = mt.get(MODE);
        if (!(mode instanceof LuaString)) return STRONG;
        int r = STRONG;
        for (byte b : ((LuaString) mode).rawBytes()) {
            if (b == 'k') r |= WEAK_KEYS;
            else if (b == 'v') r |= WEAK_VALUES;
        }
        return r;
    }

    /**
     * Marks what a coroutine holds: its body (until started), the coroutine it was resumed by,
     * its stack up to the top frame's registers (slots above are stale), its frames, open
     * upvalues, hook and the error it died with.
     */
    private void traverseCoroutine(Coroutine co) {
        mark(co.body);
        mark(co.resumer);
        if (co.deathError != null) mark(co.deathError.value());
        if (co.hooks != null) mark(co.hooks.function);
        mark(co.activeBuiltin);
        Object[] stack = co.stack;
        // A builtin running directly (collectgarbage, or one whose allocation reached the
        // limit) uses the stack up to its function slot, as lua's L->top says: the caller's
        // registers above it are stale.
        int top = co.activeBuiltin != null ? co.activeFunc + 1 : co.stackInUse();
        if (co.activeBuiltin == null && co.top() instanceof LuaFrame) top = liveTop((LuaFrame) co.top(), top);
        int n = Math.min(top, stack.length);
        for (int i = 0; i < n; i++) mark(stack[i]);
        for (int i = 0; i < co.frameCount; i++) co.frames[i].trace(this);
        for (Upvalue u = co.openUpvalues; u != null; u = u.next) mark(u);
        work += n + co.frameCount;
    }

    /**
     * The end of the registers the top Lua frame {@code f} still uses, {@code fullTop} unless
     * it stands at the start of a loop (the target of a backward jump, where a step that ran
     * out of fuel stops): there only the active local variables are live, and the registers
     * above hold temporaries of finished statements. Lua's collector does not see those either
     * (it runs at allocation points, with the stack top just above the register written), so
     * a loop that waits for an object to be finalized ends in both.
     */
    private static int liveTop(LuaFrame f, int fullTop) {
        Proto p = f.proto();
        // Without debug information (a stripped chunk) the active locals are unknown.
        if (p.lineInfo.length == 0 || !isLoopStart(p, f.pc)) return fullTop;
        int active = 0;
        for (Proto.LocalVarInfo v : p.locals) {
            if (v.startPc() <= f.pc && f.pc < v.endPc()) active++;
        }
        return Math.min(fullTop, f.base + active);
    }

    /** Whether instruction {@code pc} of {@code p} is the target of a backward jump. */
    private static boolean isLoopStart(Proto p, int pc) {
        int[] code = p.code;
        for (int i = pc; i < code.length; i++) {
            int op = code[i] & 0x7F;
            if (op == OpCode.JMP && i + 1 + Instruction.sj(code[i]) == pc
                    || (op == OpCode.FORLOOP || op == OpCode.TFORLOOP) && i + 1 - Instruction.bx(code[i]) == pc) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ atomic phase

    /**
     * Starts the atomic phase: everything left gray again is traversed once more, and from
     * now on nothing is left for later.
     */
    void rescan() {
        atomic = true;
        for (Collectable c : grayAgain) {
            c.gcMark = epoch;
            if (grayCount == gray.length) gray = Arrays.copyOf(gray, grayCount * 2);
            gray[grayCount++] = c;
        }
        grayAgain.clear();
    }

    /**
     * Marks the values of ephemeron entries whose keys are marked, and what they reach, until
     * no new object is reached (a value may make another entry's key reachable).
     */
    void convergeEphemerons() {
        propagateAll();
        boolean again;
        do {
            reachedNew = false;
            for (int i = 0; i < ephemerons.size(); i++) ephemerons.get(i).traverse(ephemeronEntry);
            propagateAll();
            again = reachedNew;
        } while (again);
    }

    /** Removes from the weak tables {@code tables[from..]} the entries whose value was collected. */
    void clearValues(ArrayList<LuaTable> tables, int from) {
        for (int i = from; i < tables.size(); i++) tables.get(i).clearEntries(null, this::isCleared);
    }

    /** Removes from the weak tables {@code tables} the entries whose key was collected. */
    void clearKeys(ArrayList<LuaTable> tables) {
        for (LuaTable t : tables) t.clearEntries(this::isCleared, null);
    }
}
