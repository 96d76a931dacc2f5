package dev.moonlet.vm;

import dev.moonlet.compiler.BinaryChunk;
import dev.moonlet.compiler.Compiler;
import dev.moonlet.compiler.Proto;
import dev.moonlet.syntax.Parser;
import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.StringPool;
import dev.moonlet.value.Userdata;
import java.io.OutputStream;

/**
 * The state of one Lua instance, shared by all its coroutines and executors (PUC-Rio's
 * {@code global_State}): the string pool, the registry (with {@code _LOADED}, the loaded
 * modules, and {@code _G}), the globals, the metatables of the types other than tables and
 * userdata, where {@code print} and warnings go, and the values pinned by Java code.
 *
 * <p>Instances share no mutable state with each other; an instance is used by one Java thread
 * at a time. Several executors may run on one instance (in turns, on that thread): they share
 * its globals.
 *
 * <pre>{@code
 * Instance lua = new Instance();
 * Closure chunk = lua.load("return 1 + 2".getBytes(), LuaString.of("=demo"), "t", null);
 * Status s = new Executor(lua, chunk).step(1_000_000);   // Finished([3])
 * }</pre>
 */
public final class Instance {
    /** The registry key of the loaded-modules table. */
    public static final LuaString LOADED_KEY = LuaString.of("_LOADED");
    /** The registry key of the globals table. */
    public static final LuaString GLOBALS_KEY = LuaString.of("_G");
    /** The registry key of the table of pinned values (value → pin count). */
    private static final LuaString PINNED_KEY = LuaString.of("_PINNED");

    private static final String[] TYPE_NAMES = {"nil", "boolean", "number", "string", "function", "thread"};

    private final Heap heap = new Heap();
    private final StringPool strings = new StringPool();
    private final LuaTable registry = new LuaTable(heap);
    private final LuaTable globals = new LuaTable(heap);
    private final LuaTable loaded = new LuaTable(heap);
    private final LuaTable pinned = new LuaTable(heap);
    /** Metatables of nil, booleans, numbers, strings, functions and threads (TYPE_NAMES order). */
    private final LuaTable[] typeMetatables = new LuaTable[TYPE_NAMES.length];
    private final Collector collector;
    private OutputStream output = System.out;
    private OutputStream errorOutput = System.err;
    private boolean warningsOn;
    private boolean warningContinues;
    private int callDepth = Integer.MAX_VALUE;
    private long fuelLimit = Long.MAX_VALUE;
    private long fuelSpent;
    private Scheduler scheduler;
    int compileThreshold = Jit.THRESHOLD;

    /** A fresh instance with empty globals (the {@code lib} layer opens the libraries). */
    public Instance() {
        registry.put(LOADED_KEY, loaded);
        registry.put(GLOBALS_KEY, globals);
        registry.put(PINNED_KEY, pinned);
        collector = new Collector(this);
    }

    /** The collector of this instance: marking, weak tables, finalizers, {@code collectgarbage}. */
    public Collector collector() {
        return collector;
    }

    /**
     * Marks the roots this instance holds: the registry, its main tables, the type metatables,
     * and what its live tasks hold outside their executors (handles, waiting messages).
     */
    void traceRoots(Marker m) {
        m.mark(registry);
        m.mark(globals);
        m.mark(loaded);
        m.mark(pinned);
        for (LuaTable mt : typeMetatables) m.mark(mt);
        if (scheduler != null) scheduler.trace(m);
    }

    /** The memory this instance accounts for, and its limit. */
    public Heap heap() {
        return heap;
    }

    /** The scheduler of this instance's tasks ({@code task.spawn}), made on first use. */
    public Scheduler scheduler() {
        if (scheduler == null) scheduler = new Scheduler(this);
        return scheduler;
    }

    /** The interned short strings of this instance. */
    public StringPool strings() {
        return strings;
    }

    /** The registry table. */
    public LuaTable registry() {
        return registry;
    }

    /** The global table ({@code _G}). */
    public LuaTable globals() {
        return globals;
    }

    /** The loaded-modules table ({@code package.loaded}, the registry's {@code _LOADED}). */
    public LuaTable loaded() {
        return loaded;
    }

    // ------------------------------------------------------------------ limits

    /** The fewest frames {@link #setCallDepth} accepts: room for a call, a pcall and a handler. */
    public static final int MIN_CALL_DEPTH = 8;

    /**
     * The most frames (Lua functions and builtins waiting for calls) a coroutine of this
     * instance may have; {@link Integer#MAX_VALUE} (the default) leaves only Lua's own limit of
     * a million stack slots. A deeper call raises Lua's {@code "stack overflow"}.
     */
    public int callDepth() {
        return callDepth;
    }

    /**
     * Sets the call depth (at least {@link #MIN_CALL_DEPTH}) of the coroutines made from now
     * on, including the main coroutines of executors made from now on.
     */
    public void setCallDepth(int frames) {
        if (frames < MIN_CALL_DEPTH) {
            throw new IllegalArgumentException("call depth must be at least " + MIN_CALL_DEPTH + ": " + frames);
        }
        this.callDepth = frames;
    }

    /**
     * The total fuel every executor of this instance may spend, over all their steps;
     * {@link Long#MAX_VALUE} (the default) for no limit. See {@link Executor#step}.
     */
    public long fuelLimit() {
        return fuelLimit;
    }

    /** Sets the total fuel the instance may spend from now on (counting what it spent already). */
    public void setFuelLimit(long units) {
        if (units <= 0) throw new IllegalArgumentException("fuel limit must be positive: " + units);
        this.fuelLimit = units;
    }

    /**
     * How many times the interpreter enters a function's frames before it compiles the
     * function to JVM bytecode (the default is 1,000, or the system property
     * {@code moonlet.jit}: a number, or {@code off}). 0 compiles every function the first
     * time it runs; {@link Integer#MAX_VALUE} never compiles. Compiled code behaves exactly
     * as interpreted code does; only speed differs.
     */
    public int compileThreshold() {
        return compileThreshold;
    }

    /** Sets {@link #compileThreshold()}. */
    public void setCompileThreshold(int entries) {
        if (entries < 0) throw new IllegalArgumentException("negative compile threshold " + entries);
        compileThreshold = entries;
    }

    /** The fuel the instance's executors have spent so far. */
    public long fuelSpent() {
        return fuelSpent;
    }

    /** What is left of the {@linkplain #fuelLimit() fuel limit}; never negative. */
    long fuelLeft() {
        return Math.max(0, fuelLimit - fuelSpent);
    }

    /** Counts {@code units} spent by a step. */
    void spendFuel(long units) {
        fuelSpent += Math.max(0, units);
    }

    // ------------------------------------------------------------------ metatables

    private static int typeIndex(Object v) {
        if (v == null) return 0;
        if (v instanceof Boolean) return 1;
        if (v instanceof Long || v instanceof Double) return 2;
        if (v instanceof LuaString) return 3;
        if (v instanceof LuaFunction) return 4;
        if (v instanceof Coroutine) return 5;
        return -1;
    }

    private static int typeIndex(String typeName) {
        for (int i = 0; i < TYPE_NAMES.length; i++) {
            if (TYPE_NAMES[i].equals(typeName)) return i;
        }
        throw new IllegalArgumentException("no shared metatable for type " + typeName);
    }

    /** The metatable of {@code v}: its own for tables and userdata, else its type's; or null. */
    public LuaTable metatableOf(Object v) {
        if (v instanceof LuaTable) return ((LuaTable) v).metatable();
        if (v instanceof LuaString) return typeMetatables[3];
        if (v instanceof Userdata) return ((Userdata) v).metatable();
        return typeMetatables[typeIndex(v)];
    }

    /**
     * Sets the metatable shared by all values of type {@code typeName} ({@code "string"},
     * {@code "number"}, {@code "boolean"}, {@code "nil"}, {@code "function"} or
     * {@code "thread"}); null removes it. This is what {@code debug.setmetatable} does for
     * values other than tables and userdata.
     */
    public void setTypeMetatable(String typeName, LuaTable mt) {
        typeMetatables[typeIndex(typeName)] = mt;
    }

    /** The metatable shared by values of type {@code typeName}, or null (see {@link #setTypeMetatable}). */
    public LuaTable typeMetatable(String typeName) {
        return typeMetatables[typeIndex(typeName)];
    }

    // ------------------------------------------------------------------ output

    /** Where {@code print} and {@code io.write} to standard output write. */
    public OutputStream output() {
        return output;
    }

    /** Sets where {@code print} writes. */
    public void setOutput(OutputStream out) {
        this.output = out;
    }

    /** Where warnings and standard error output go. */
    public OutputStream errorOutput() {
        return errorOutput;
    }

    /** Sets where warnings go. */
    public void setErrorOutput(OutputStream err) {
        this.errorOutput = err;
    }

    /** Whether warnings are shown ({@code warn("@on")}); off at first, as in {@code lua}. */
    public boolean warningsOn() {
        return warningsOn;
    }

    /** Turns warnings on or off, as the control messages {@code "@on"} and {@code "@off"} do. */
    public void setWarningsOn(boolean on) {
        this.warningsOn = on;
    }

    /**
     * Emits one piece of a warning, as lauxlib's warning function does: a message is the
     * concatenation of pieces up to one with {@code toContinue} false; a one-piece message
     * starting with {@code '@'} is a control message ({@code "@on"}, {@code "@off"}).
     * Shown messages go to {@link #errorOutput()} as {@code "Lua warning: " + msg + "\n"}.
     */
    public void warn(LuaString piece, boolean toContinue) {
        byte[] b = piece.rawBytes();
        if (!warningContinues && !toContinue && b.length > 0 && b[0] == '@') {
            if (piece.equals(LuaString.of("@on"))) warningsOn = true;
            else if (piece.equals(LuaString.of("@off"))) warningsOn = false;
            return;
        }
        if (warningsOn) {
            try {
                if (!warningContinues) errorOutput.write("Lua warning: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                errorOutput.write(b);
                if (!toContinue) {
                    errorOutput.write('\n');
                    errorOutput.flush();
                }
            } catch (java.io.IOException e) {
                // A failing warning sink must not fail the script: warnings are advisory.
            }
        }
        warningContinues = toContinue;
    }

    // ------------------------------------------------------------------ loading

    /**
     * Compiles a chunk into a function whose first upvalue ({@code _ENV}) is {@code env}, or
     * the globals when {@code env} is null.
     *
     * @param source the chunk's text
     * @param chunkName the name messages show, as {@code load} takes it ({@code "=stdin"},
     *     {@code "@file.lua"}, or source text)
     * @param mode {@code "t"}, {@code "b"} or {@code "bt"}: which kinds of chunk are accepted
     * @throws LuaError with the syntax error message, or
     *     {@code "attempt to load a text chunk (mode is 'b')"}, or {@code "not enough memory"}
     *     (a chunk is charged in proportion to its source while it compiles, then as the
     *     functions made from it, {@link #protoBytes})
     */
    public Closure load(byte[] source, LuaString chunkName, String mode, Object env) {
        long compiling = Heap.chunkBytes(source.length);
        heap.charge(compiling);
        Proto p;
        try {
            boolean binary = source.length > 0 && source[0] == 0x1B;
            if (binary && mode.indexOf('b') < 0) {
                throw new LuaError("attempt to load a binary chunk (mode is '" + mode + "')");
            }
            if (!binary && mode.indexOf('t') < 0) {
                throw new LuaError("attempt to load a text chunk (mode is '" + mode + "')");
            }
            p = binary ? BinaryChunk.undump(source, chunkName, strings)
                    : Compiler.compile(Parser.parse(source, chunkName), strings);
        } finally {
            heap.release(compiling);
        }
        heap.charge(treeBytes(p));
        return closure(p, env == null ? globals : env);
    }

    /**
     * What prototype {@code p} is charged (not counting its children), and what the collector
     * should count for it when it finds it live, so that the two agree.
     */
    public static long protoBytes(Proto p) {
        return Heap.protoBytes(p.code.length, p.constants.length) + Jit.codeBytes(p);
    }

    /** {@link #protoBytes} of {@code p} and every prototype nested in it (as deep as the parser allows). */
    private static long treeBytes(Proto p) {
        long n = protoBytes(p);
        for (Proto child : p.protos) n += treeBytes(child);
        return n;
    }

    /** A closure of main-chunk prototype {@code p} whose upvalues are closed, the first holding {@code env}. */
    public Closure closure(Proto p, Object env) {
        heap.charge(Heap.closureBytes(p.upvalues.length) + Heap.UPVALUE_BYTES * p.upvalues.length);
        Upvalue[] upvalues = new Upvalue[p.upvalues.length];
        for (int i = 0; i < upvalues.length; i++) upvalues[i] = Upvalue.closed(i == 0 ? env : null);
        return new Closure(p, upvalues);
    }

    // ------------------------------------------------------------------ pinning

    /**
     * Keeps {@code v} alive while Java code holds it between steps (values reachable only
     * from Java are otherwise collected: removed from weak tables, finalized). Pins are counted:
     * each {@code pin} needs one {@link #unpin}. Values that are not collected (nil,
     * booleans, numbers) are ignored.
     */
    public void pin(Object v) {
        if (!collectable(v)) return;
        Object count = pinned.get(v);
        pinned.put(v, count == null ? 1L : (Long) count + 1);
    }

    /** Undoes one {@link #pin} of {@code v}. */
    public void unpin(Object v) {
        if (!collectable(v)) return;
        Object count = pinned.get(v);
        if (count == null) return;
        long n = (Long) count - 1;
        pinned.put(v, n == 0 ? null : (Object) n);
    }

    private static boolean collectable(Object v) {
        return !(v == null || v instanceof Boolean || v instanceof Long || v instanceof Double);
    }
}
