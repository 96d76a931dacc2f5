package dev.moonlet.lib;

import dev.moonlet.compiler.BinaryChunk;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.ArgumentError;
import dev.moonlet.vm.Arithmetic;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Closure;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.LuaType;
import dev.moonlet.vm.MetaEvent;
import dev.moonlet.vm.Values;

/**
 * The {@code string} library (manual §6.4), as lstrlib.c, and the metatable of strings: its
 * {@code __index} is the library, so {@code ("x"):rep(3)} works, and its arithmetic
 * metamethods convert numeric strings ({@code "10" + 1} is 11).
 *
 * <p>Every builtin is bounded. Pattern matching ({@link PatternMatcher}), {@code format}
 * ({@link StringFormat}), {@code pack} ({@link StringPack}), {@code gsub}
 * ({@link StringGsub}) and the byte-for-byte builtins ({@link StringBytes}) charge fuel for
 * their work and pause part-way when it runs out; the others do work proportional to an
 * argument the script already holds, and charge for it.
 *
 * <pre>{@code
 * StringLib.open(instance);   // global string, package.loaded.string, the string metatable
 * }</pre>
 */
public final class StringLib {
    private static final String NAME = "string";
    /** lstrlib's MAXSIZE: the longest result {@code rep} and {@code packsize} accept. */
    static final long MAX_SIZE = Integer.MAX_VALUE;

    private StringLib() {}

    /** Opens the library in {@code instance}: the global {@code string}, {@code package.loaded.string} and the string metatable. */
    public static void open(Instance instance) {
        LuaTable string = new LuaTable(instance.heap());
        Library.define(instance, string, NAME, Function.values());
        instance.setTypeMetatable(NAME, metatable(instance, string));
        Library.install(instance, NAME, string);
    }

    /** The functions of {@code string}, each named as its constant in lower case (see {@link Library#define}). */
    private enum Function implements Builtin.Body {
        BYTE, CHAR, DUMP, FIND, FORMAT, GMATCH, GSUB, LEN, LOWER, MATCH, REP, REVERSE, SUB, UPPER, PACK,
        PACKSIZE, UNPACK;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case BYTE -> StringLib.byte_(co, args);
                case CHAR -> StringLib.char_(co, args);
                case DUMP -> StringLib.dump(co, args);
                case FIND -> StringSearch.find(co, args);
                case FORMAT -> StringFormat.format(co, args);
                case GMATCH -> StringSearch.gmatch(co, args);
                case GSUB -> StringGsub.gsub(co, args);
                case LEN -> StringLib.len(co, args);
                case LOWER -> StringBytes.lower(co, args);
                case MATCH -> StringSearch.match(co, args);
                case REP -> StringBytes.rep(co, args);
                case REVERSE -> StringBytes.reverse(co, args);
                case SUB -> StringLib.sub(co, args);
                case UPPER -> StringBytes.upper(co, args);
                case PACK -> StringPack.pack(co, args);
                case PACKSIZE -> StringPack.packsize(co, args);
                case UNPACK -> StringPack.unpack(co, args);
            };
        }
    }


    /** The metatable of strings: lstrlib's createmetatable. */
    private static LuaTable metatable(Instance instance, LuaTable string) {
        LuaTable mt = new LuaTable(instance.heap());
        for (Metamethod m : Metamethod.values()) mt.put(m.event.key, Builtin.of("string." + m.event.key, m));
        Library.set(instance, mt, "__index", string);
        return mt;
    }

    /** The arithmetic metamethods of strings, each for its event. */
    private enum Metamethod implements Builtin.Body {
        ADD(MetaEvent.ADD), SUB(MetaEvent.SUB), MUL(MetaEvent.MUL), MOD(MetaEvent.MOD), POW(MetaEvent.POW),
        DIV(MetaEvent.DIV), IDIV(MetaEvent.IDIV), UNM(MetaEvent.UNM);

        private final MetaEvent event;

        Metamethod(MetaEvent event) {
            this.event = event;
        }

        @Override
        public Object call(Coroutine co, Object[] args) {
            return arith(co, args, event);
        }
    }

    // ---------------------------------------------------------------- positions

    /**
     * lstrlib's posrelatI: a start position given by the script (negative counts from the
     * end) as a 1-based position, clipped to {@code [1, inf)}.
     */
    static long startPosition(long pos, long len) {
        if (pos > 0) return pos;
        if (pos == 0) return 1;
        if (pos < -len) return 1;
        return len + pos + 1;
    }

    /** lstrlib's getendpos: an end position as a 1-based position, clipped to {@code [0, len]}. */
    static long endPosition(long pos, long len) {
        if (pos > len) return len;
        if (pos >= 0) return pos;
        if (pos < -len) return 0;
        return len + pos + 1;
    }

    // ---------------------------------------------------------------- builtins

    /** {@code string.len(s)}. */
    static Object len(Coroutine co, Object[] args) {
        return (long) Args.checkString(args, 0).length();
    }

    /** {@code string.sub(s, i [, j])}. */
    static Object sub(Coroutine co, Object[] args) {
        LuaString s = Args.checkString(args, 0);
        long l = s.length();
        long start = startPosition(Args.checkInteger(args, 1), l);
        long end = endPosition(Args.optInteger(args, 2, -1), l);
        if (start > end) return LuaString.EMPTY;
        co.fuel().consume((end - start) >> 4);
        co.instance().heap().chargeString(end - start + 1);
        return s.substring((int) start - 1, (int) end);
    }

    /** {@code string.byte(s [, i [, j]])}: the codes of the bytes {@code s[i..j]}. */
    static Object byte_(Coroutine co, Object[] args) {
        LuaString s = Args.checkString(args, 0);
        long l = s.length();
        long pi = Args.optInteger(args, 1, 1);
        long posi = startPosition(pi, l);
        long pose = endPosition(Args.optInteger(args, 2, pi), l);
        if (posi > pose) return Values.NONE;
        if (pose - posi >= Library.MAX_RESULTS) throw Library.error(co, "stack overflow (string slice too long)");
        int n = (int) (pose - posi) + 1;
        co.fuel().consume(n);
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) r[i] = (long) s.byteAt((int) posi - 1 + i);
        return r;
    }

    /** {@code string.char(...)}: the string of the given byte codes. */
    static Object char_(Coroutine co, Object[] args) {
        byte[] b = co.instance().heap().allocateString(args.length);
        for (int i = 0; i < args.length; i++) {
            long c = Args.checkInteger(args, i);
            if (Long.compareUnsigned(c, 255) > 0) throw new ArgumentError(i + 1, "value out of range");
            b[i] = (byte) c;
        }
        co.fuel().consume(args.length);
        return LuaString.wrap(b);
    }

    /**
     * {@code string.dump(f [, strip])}: a Lua function as a binary chunk that {@code load}
     * reads back ({@link BinaryChunk}); builtins cannot be dumped.
     */
    static Object dump(Coroutine co, Object[] args) {
        Object f = Args.checkType(args, 0, "function");
        if (!(f instanceof Closure)) throw Library.error(co, "unable to dump given function");
        byte[] chunk = BinaryChunk.dump(((Closure) f).proto, Args.toBoolean(args, 1));
        co.fuel().consume(chunk.length / 16 + 1);
        // Charged after the dump, whose size is known only then; the function it copies is
        // already charged (load charges a chunk in proportion to its size), so the dump is
        // at most a small multiple of memory the script holds.
        co.instance().heap().chargeString(chunk.length);
        return LuaString.wrap(chunk);
    }

    // ---------------------------------------------------------------- metamethods

    /**
     * An arithmetic metamethod of strings (lstrlib's {@code arith}): both operands converted
     * to numbers, or else the other operand's metamethod, or else an error.
     */
    private static Object arith(Coroutine co, Object[] args, MetaEvent op) {
        Object a = Args.arg(args, 0);
        Object b = Args.arg(args, 1);
        Object x = toNumber(a);
        Object y = toNumber(b);
        if (x != null && y != null) {
            return op == MetaEvent.UNM ? Arithmetic.unm(x) : Arithmetic.arith(op, x, y);
        }
        Object tm = b instanceof LuaString ? null : op.in(co.instance().metatableOf(b));
        if (tm == null) {
            throw Library.error(co, "attempt to " + op.shortName + " a '" + LuaType.typeName(a)
                    + "' with a '" + LuaType.typeName(b) + "'");
        }
        return new TailCall(tm, a, b);
    }

    /** lstrlib's tonum: a number, or a string that is entirely a numeral; else null. */
    private static Object toNumber(Object v) {
        return v instanceof LuaString || v instanceof Long || v instanceof Double ? Arithmetic.toNumber(v) : null;
    }

    /** A sequence that only tail-calls a metamethod. */
    private static final class TailCall implements dev.moonlet.vm.Sequence {
        @Override
        public void trace(Marker m) {
            m.mark(function);
            m.mark(a);
            m.mark(b);
        }

        private final Object function;
        private final Object a;
        private final Object b;

        TailCall(Object function, Object a, Object b) {
            this.function = function;
            this.a = a;
            this.b = b;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            return new Action.TailCall(function, new Object[] {a, b});
        }
    }
}
