package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Closure;
import dev.moonlet.vm.Comparison;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.ForStep;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.LuaType;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Values;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The basic functions (manual §6.1), as lbaselib.c: {@code print}, {@code pcall},
 * {@code load}, {@code setmetatable} and the rest, plus {@code _G} and {@code _VERSION}.
 *
 * <p>The functions that may call Lua code are sequences, so that the code they call may yield
 * and never holds the Java stack: {@code pcall} and {@code xpcall} ({@link ProtectedCall}),
 * {@code print} and {@code tostring} when a {@code __tostring} metamethod applies
 * ({@link Printer}), {@code load} with a reader function ({@link ChunkLoader.Reader}),
 * {@code dofile}, {@code pairs} with {@code __pairs}, and the {@code ipairs} iterator when
 * {@code __index} applies.
 *
 * <pre>{@code
 * Instance instance = new Instance();
 * BaseLib.open(instance);   // the globals print, pcall, ..., _G, _VERSION
 * }</pre>
 */
public final class BaseLib {
    private static final LuaString VERSION = LuaString.of("Lua 5.4");
    private static final LuaString METATABLE = LuaString.of("__metatable");
    private static final LuaString PAIRS = LuaString.of("__pairs");
    private static final LuaString ASSERTION_FAILED = LuaString.of("assertion failed!");
    private static final LuaString DEFAULT_READER_NAME = LuaString.of("=(load)");
    private static final LuaString ANY_MODE = LuaString.of("bt");
    private static final LuaString STDIN_NAME = LuaString.of("=stdin");
    /** {@code type}'s results, made once (Lua strings are immutable, so sharing them is safe). */
    private static final Map<String, LuaString> TYPE_NAMES = new HashMap<>();

    static {
        for (String n : new String[] {"nil", "boolean", "number", "string", "table", "function", "thread", "userdata"}) {
            TYPE_NAMES.put(n, LuaString.of(n));
        }
    }

    /** {@code ipairs}' iterator: not a global, one for every instance (it holds no state). */
    private static final Builtin IPAIRS_ITERATOR = iterator("ipairs_iterator", ForStep.IPAIRS, Iterator.IPAIRS);
    private static final Builtin NEXT = iterator("next", ForStep.NEXT, Iterator.NEXT);

    private BaseLib() {}

    /** Opens the basic functions in {@code instance}: its globals, and {@code package.loaded._G}. */
    public static void open(Instance instance) {
        LuaTable g = instance.globals();
        for (Function f : Function.values()) {
            // The base functions are named as themselves, with no library prefix.
            String name = Library.luaName(f);
            Library.set(instance, g, name, Builtin.of(name, f));
        }
        Library.set(instance, g, "next", NEXT);
        Library.set(instance, g, "_G", g);
        Library.set(instance, g, "_VERSION", VERSION);
        Library.set(instance, instance.loaded(), "_G", g);
    }

    /** The basic functions but {@code next}, each named as its constant in lower case (see {@link Library#define}). */
    private enum Function implements Builtin.Body {
        ASSERT, COLLECTGARBAGE, DOFILE, ERROR, GETMETATABLE, IPAIRS, LOAD, LOADFILE, PAIRS, PCALL, PRINT,
        RAWEQUAL, RAWGET, RAWLEN, RAWSET, SELECT, SETMETATABLE, TONUMBER, TOSTRING, TYPE, WARN, XPCALL;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case ASSERT -> BaseLib.assert_(co, args);
                case COLLECTGARBAGE -> BaseLib.collectgarbage(co, args);
                case DOFILE -> BaseLib.dofile(co, args);
                case ERROR -> BaseLib.error(co, args);
                case GETMETATABLE -> BaseLib.getmetatable(co, args);
                case IPAIRS -> BaseLib.ipairs(co, args);
                case LOAD -> BaseLib.load(co, args);
                case LOADFILE -> BaseLib.loadfile(co, args);
                case PAIRS -> BaseLib.pairs(co, args);
                case PCALL -> BaseLib.pcall(co, args);
                case PRINT -> BaseLib.print(co, args);
                case RAWEQUAL -> BaseLib.rawequal(co, args);
                case RAWGET -> BaseLib.rawget(co, args);
                case RAWLEN -> BaseLib.rawlen(co, args);
                case RAWSET -> BaseLib.rawset(co, args);
                case SELECT -> BaseLib.select(co, args);
                case SETMETATABLE -> BaseLib.setmetatable(co, args);
                case TONUMBER -> BaseLib.tonumber(co, args);
                case TOSTRING -> BaseLib.tostring(co, args);
                case TYPE -> BaseLib.type(co, args);
                case WARN -> BaseLib.warn(co, args);
                case XPCALL -> BaseLib.xpcall(co, args);
            };
        }
    }

    /** The iterators {@code pairs} and {@code ipairs} return: {@code next} (a global too) and ipairs' own. */
    private enum Iterator implements Builtin.Body {
        NEXT, IPAIRS;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case NEXT -> BaseLib.next(co, args);
                case IPAIRS -> BaseLib.ipairsIterator(co, args);
            };
        }
    }

    // ------------------------------------------------------------------ errors

    /** {@code assert(v [, message])}: all arguments when {@code v} is true, else raises the message. */
    public static Object assert_(Coroutine co, Object[] args) {
        if (Args.toBoolean(args, 0)) return args;
        Args.checkAny(args, 0);
        Object message = args.length > 1 ? args[1] : ASSERTION_FAILED;
        throw raise(co, message, 1);
    }

    /**
     * {@code error(message [, level])}: raises {@code message}; a string gets the position of
     * the function at {@code level} (1, the default, is the caller of {@code error}; 0 adds
     * nothing). Other values are raised untouched.
     */
    public static Object error(Coroutine co, Object[] args) {
        long level = Args.optInteger(args, 1, 1);
        throw raise(co, Args.arg(args, 0), level);
    }

    private static LuaError raise(Coroutine co, Object value, long level) {
        if (value instanceof LuaString && level > 0) {
            value = co.where((int) Math.min(level, Integer.MAX_VALUE)).concat((LuaString) value);
        }
        return new LuaError(value);
    }

    /** {@code pcall(f, ...)}: {@code true} and the results of {@code f(...)}, or {@code false} and the error. */
    public static Object pcall(Coroutine co, Object[] args) {
        Object f = Args.checkAny(args, 0);
        return new ProtectedCall(f, Arrays.copyOfRange(args, 1, args.length), null);
    }

    /** {@code xpcall(f, handler, ...)}: as {@code pcall}, the error value going through {@code handler} first. */
    public static Object xpcall(Coroutine co, Object[] args) {
        Object handler = Args.checkType(args, 1, "function");
        return new ProtectedCall(args[0], Arrays.copyOfRange(args, 2, args.length), handler);
    }

    // ------------------------------------------------------------------ output

    /** {@code print(...)}: see {@link Printer}. */
    public static Object print(Coroutine co, Object[] args) {
        return Printer.print(co, args);
    }

    /** {@code warn(msg1, ...)}: one warning made of the pieces; {@code "@on"} and {@code "@off"} control them. */
    public static Object warn(Coroutine co, Object[] args) {
        LuaString[] pieces = new LuaString[Math.max(args.length, 1)];
        for (int i = 0; i < pieces.length; i++) pieces[i] = Args.checkString(args, i);
        for (int i = 0; i < pieces.length; i++) co.instance().warn(pieces[i], i < pieces.length - 1);
        return Values.NONE;
    }

    // ------------------------------------------------------------------ conversions

    /** {@code tostring(v)}: see {@link ToString}. */
    public static Object tostring(Coroutine co, Object[] args) {
        Object v = Args.checkAny(args, 0);
        Object text = ToString.of(co.instance(), v);
        if (text instanceof Action.Call) return new ToStringCall((Action.Call) text);
        // A new string (a number's text, or a name and an address) is charged once made: it is
        // at most a few dozen bytes longer than a string the script already holds.
        if (text != v) co.instance().heap().charge(Heap.stringBytes(((LuaString) text).length()));
        return text;
    }

    /** {@code tostring}'s sequence when {@code __tostring} must be called. */
    private static final class ToStringCall extends SingleCall {
        ToStringCall(Action.Call call) {
            super(call);
        }

        @Override
        Object[] finish(Coroutine co, Object[] results) {
            return new Object[] {ToString.checkResult(co, results)};
        }
    }

    /**
     * {@code tonumber(v [, base])}: a number, a numeric string converted (hexadecimal and
     * floats included), or with a base 2..36 a string of digits in that base; else fail (nil).
     */
    public static Object tonumber(Coroutine co, Object[] args) {
        if (Args.isNoneOrNil(args, 1)) {
            Object v = Args.checkAny(args, 0);
            if (v instanceof Long || v instanceof Double) return v;
            return v instanceof LuaString ? LuaNumber.parse((LuaString) v) : null;
        }
        long base = Args.checkInteger(args, 1);
        LuaString s = (LuaString) Args.checkType(args, 0, "string");
        if (base < 2 || base > 36) throw Args.error(1, "base out of range");
        return parseInteger(s.rawBytes(), (int) base);
    }

    /**
     * The integer written in {@code base} in {@code b}: optional surrounding spaces, an
     * optional sign, one or more digits (letters for 10 and up); wraps around on overflow as
     * lbaselib's {@code l_str2int}. Null if the text is not such a numeral.
     */
    private static Long parseInteger(byte[] b, int base) {
        int i = skipSpaces(b, 0);
        boolean negative = i < b.length && b[i] == '-';
        if (i < b.length && (b[i] == '-' || b[i] == '+')) i++;
        long n = 0;
        int digits = 0;
        for (; i < b.length && digitValue(b[i]) >= 0; i++, digits++) {
            int d = digitValue(b[i]);
            if (d >= base) return null;
            n = n * base + d;
        }
        if (digits == 0 || skipSpaces(b, i) != b.length) return null;
        return negative ? -n : n;
    }

    /** The value of an ASCII digit or letter ({@code isalnum} in the C locale), or -1. */
    private static int digitValue(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        int upper = c & ~0x20;
        return upper >= 'A' && upper <= 'Z' ? upper - 'A' + 10 : -1;
    }

    private static int skipSpaces(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) i++;
        return i;
    }

    /** {@code type(v)}: the name of the type of {@code v}. */
    public static Object type(Coroutine co, Object[] args) {
        return TYPE_NAMES.get(LuaType.typeName(Args.checkAny(args, 0)));
    }

    // ------------------------------------------------------------------ metatables and raw access

    /** {@code getmetatable(v)}: the metatable's {@code __metatable} field if it has one, else the metatable. */
    public static Object getmetatable(Coroutine co, Object[] args) {
        LuaTable mt = co.instance().metatableOf(Args.checkAny(args, 0));
        if (mt == null) return null;
        Object protectedValue = mt.get(METATABLE);
        return protectedValue != null ? protectedValue : mt;
    }

    /** {@code setmetatable(t, mt)}: sets or (with nil) removes the metatable of table {@code t}; returns {@code t}. */
    public static Object setmetatable(Coroutine co, Object[] args) {
        LuaTable t = Args.checkTable(args, 0);
        Object mt = Args.arg(args, 1);
        if (args.length < 2 || !(mt == null || mt instanceof LuaTable)) throw Args.typeError(args, 1, "nil or table");
        if (t.metatable() != null && t.metatable().get(METATABLE) != null) {
            throw Library.error(co, "cannot change a protected metatable");
        }
        t.setMetatable((LuaTable) mt);
        co.instance().collector().checkFinalizer(t, (LuaTable) mt);
        return t;
    }

    /** {@code rawequal(a, b)}: equality without {@code __eq}. */
    public static Object rawequal(Coroutine co, Object[] args) {
        Args.checkAny(args, 0);
        Args.checkAny(args, 1);
        return Comparison.rawEquals(args[0], args[1]);
    }

    /** {@code rawlen(v)}: the length of a table or string without {@code __len}. */
    public static Object rawlen(Coroutine co, Object[] args) {
        Object v = Args.arg(args, 0);
        if (v instanceof LuaTable) return ((LuaTable) v).length();
        if (v instanceof LuaString) return (long) ((LuaString) v).length();
        throw Args.typeError(args, 0, "table or string");
    }

    /** {@code rawget(t, k)}: {@code t[k]} without {@code __index}. */
    public static Object rawget(Coroutine co, Object[] args) {
        LuaTable t = Args.checkTable(args, 0);
        return t.get(Args.checkAny(args, 1));
    }

    /** {@code rawset(t, k, v)}: {@code t[k] = v} without {@code __newindex}; returns {@code t}. */
    public static Object rawset(Coroutine co, Object[] args) {
        LuaTable t = Args.checkTable(args, 0);
        Args.checkAny(args, 1);
        Args.checkAny(args, 2);
        t.put(args[1], args[2]);
        return t;
    }

    // ------------------------------------------------------------------ traversal

    /** A builtin that generic {@code for} loops may step in place as {@code step} says. */
    private static Builtin iterator(String name, ForStep step, Builtin.Body body) {
        return new Builtin(name) {
            @Override
            public Object call(Coroutine co, Object[] args) {
                return body.call(co, args);
            }

            @Override
            public ForStep forStep() {
                return step;
            }
        };
    }

    /** {@code next(t [, k])}: the entry after key {@code k} (the first for nil), or nil at the end. */
    public static Object next(Coroutine co, Object[] args) {
        LuaTable t = Args.checkTable(args, 0);
        int start = t.traversalStart(Args.arg(args, 1));
        int i = t.nextIndexFrom(start);
        co.fuel().consume(t.skipCost(start, i));
        return i < 0 ? null : new Object[] {t.keyAt(i), t.valueAt(i)};
    }

    /** {@code pairs(t)}: {@code next, t, nil}, or the first three results of {@code t}'s {@code __pairs}. */
    public static Object pairs(Coroutine co, Object[] args) {
        Object t = Args.checkAny(args, 0);
        LuaTable mt = co.instance().metatableOf(t);
        Object tm = mt == null ? null : mt.get(PAIRS);
        if (tm == null) return new Object[] {NEXT, t, null};
        return new ThreeResults(new Action.Call(tm, new Object[] {t}));
    }

    /** {@code pairs}' sequence: calls {@code __pairs} and returns exactly three of its results. */
    private static final class ThreeResults extends SingleCall {
        ThreeResults(Action.Call call) {
            super(call);
        }

        @Override
        Object[] finish(Coroutine co, Object[] results) {
            return Arrays.copyOf(results, 3);
        }

        @Override
        public boolean callsMayYield() {
            return true;
        }
    }

    /** {@code ipairs(t)}: an iterator over {@code t[1], t[2], ...} up to the first nil, honouring {@code __index}. */
    public static Object ipairs(Coroutine co, Object[] args) {
        return new Object[] {IPAIRS_ITERATOR, Args.checkAny(args, 0), 0L};
    }

    /** The iterator {@code ipairs} returns: {@code i + 1, t[i + 1]}, or nil when that is nil. */
    private static Object ipairsIterator(Coroutine co, Object[] args) {
        long i = Args.checkInteger(args, 1) + 1;
        Object v = Metamethods.index(co.instance(), co.fuel(), args[0], i);
        if (v instanceof Action.Call) return new IndexCall((Action.Call) v, i);
        return v == null ? null : new Object[] {i, v};
    }

    /** The {@code ipairs} iterator's sequence when {@code __index} must be called for {@code t[i]}. */
    private static final class IndexCall extends SingleCall {
        private final long i;

        IndexCall(Action.Call call, long i) {
            super(call);
            this.i = i;
        }

        @Override
        Object[] finish(Coroutine co, Object[] results) {
            Object v = results.length > 0 ? results[0] : null;
            return v == null ? new Object[] {null} : new Object[] {i, v};
        }
    }

    /**
     * {@code select(n, ...)}: the arguments after the {@code n}th (counting from the end when
     * negative), or with {@code '#'} their number.
     */
    public static Object select(Coroutine co, Object[] args) {
        long n = args.length;
        Object first = Args.arg(args, 0);
        if (first instanceof LuaString && ((LuaString) first).length() > 0 && ((LuaString) first).byteAt(0) == '#') {
            return n - 1;
        }
        long i = Args.checkInteger(args, 0);
        if (i < 0) i = n + i;
        else if (i > n) i = n;
        if (i < 1) throw Args.error(0, "index out of range");
        return i == n ? Values.NONE : Arrays.copyOfRange(args, (int) i, (int) n);
    }

    // ------------------------------------------------------------------ loading

    /**
     * {@code load(chunk [, chunkname [, mode [, env]]])}: compiles a string, or the pieces a
     * reader function returns; the chunk, or fail and the message.
     */
    public static Object load(Coroutine co, Object[] args) {
        Object chunk = Args.arg(args, 0);
        String mode = Args.optString(args, 2, ANY_MODE).toString();
        boolean hasEnv = args.length > 3;
        Object env = Args.arg(args, 3);
        if (chunk instanceof LuaString || chunk instanceof Long || chunk instanceof Double) {
            LuaString source = Args.checkString(args, 0);
            LuaString name = Args.optString(args, 1, source);
            try {
                return ChunkLoader.compile(co, source.rawBytes(), name, mode, hasEnv, env);
            } catch (LuaError e) {
                return ChunkLoader.failure(e);
            }
        }
        LuaString name = Args.optString(args, 1, DEFAULT_READER_NAME);
        Args.checkType(args, 0, "function");
        return new ChunkLoader.Reader(chunk, name, mode, hasEnv, env);
    }

    /** {@code loadfile([filename [, mode [, env]]])}: {@code load} of a file's contents (standard input when nil). */
    public static Object loadfile(Coroutine co, Object[] args) {
        LuaString file = Args.optString(args, 0, null);
        String mode = Args.optString(args, 1, ANY_MODE).toString();
        try {
            return loadFile(co, file, mode, args.length > 2, Args.arg(args, 2));
        } catch (LuaError e) {
            return ChunkLoader.failure(e);
        }
    }

    /** {@code dofile([filename])}: runs a file (standard input when nil) and returns its results; errors propagate. */
    public static Object dofile(Coroutine co, Object[] args) {
        Closure chunk = loadFile(co, Args.optString(args, 0, null), "bt", false, null);
        return new TailCallOf(chunk);
    }

    private static Closure loadFile(Coroutine co, LuaString file, String mode, boolean hasEnv, Object env) {
        if (file == null) return ChunkLoader.compile(co, ChunkLoader.readFile(null, co.instance().heap()), STDIN_NAME, mode, hasEnv, env);
        String name = FileName.of(file);
        byte[] source = ChunkLoader.readFile(FileName.decoded(name), co.instance().heap());
        return ChunkLoader.compile(co, source, FileName.toLua("@" + name), mode, hasEnv, env);
    }

    /** {@code dofile}'s sequence: the builtin's results are those of the chunk. */
    private static final class TailCallOf implements Sequence {
        @Override
        public void trace(Marker m) {
            m.mark(function);
        }

        private final Object function;

        TailCallOf(Object function) {
            this.function = function;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            return new Action.TailCall(function, Values.NONE);
        }

        @Override
        public boolean callsMayYield() {
            return true;
        }
    }

    // ------------------------------------------------------------------ collector

    /** {@code collectgarbage([opt [, ...]])}: see {@link CollectorControl}. */
    public static Object collectgarbage(Coroutine co, Object[] args) {
        return CollectorControl.collectgarbage(co, args);
    }
}
