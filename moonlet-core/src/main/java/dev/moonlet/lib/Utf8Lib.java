package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Values;
import java.util.Arrays;

/**
 * The {@code utf8} library (manual §6.5), as lutf8lib.c of Lua 5.4.7. Functions that scan a
 * string charge fuel in proportion to the bytes they read.
 */
public final class Utf8Lib {
    private static final String NAME = "utf8";
    /** The pattern matching one UTF-8 sequence ({@code utf8.charpattern}). */
    private static final byte[] CHAR_PATTERN = {'[', 0, '-', 0x7F, (byte) 0xC2, '-', (byte) 0xFD, ']',
        '[', (byte) 0x80, '-', (byte) 0xBF, ']', '*'};
    /** Bytes scanned per unit of fuel. */
    private static final int BYTES_PER_FUEL = 16;
    private static final Builtin STRICT_ITERATOR = Builtin.of("utf8.codes.next", Iterator.STRICT);
    private static final Builtin LAX_ITERATOR = Builtin.of("utf8.codes.nextlax", Iterator.LAX);

    private Utf8Lib() {}

    /** Opens the library in {@code instance}: the global {@code utf8} and {@code package.loaded.utf8}. */
    public static void open(Instance instance) {
        LuaTable utf8 = new LuaTable(instance.heap());
        Library.define(instance, utf8, NAME, Function.values());
        Library.set(instance, utf8, "charpattern", LuaString.copyOf(CHAR_PATTERN));
        Library.install(instance, NAME, utf8);
    }

    /** The iterators {@code codes} returns, strict or lax. */
    private enum Iterator implements Builtin.Body {
        STRICT, LAX;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return this == STRICT ? nextStrict(co, args) : nextLax(co, args);
        }
    }

    /** The functions of {@code utf8}, each named as its constant in lower case (see {@link Library#define}). */
    private enum Function implements Builtin.Body {
        CHAR, CODEPOINT, CODES, LEN, OFFSET;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case CHAR -> Utf8Lib.char_(co, args);
                case CODEPOINT -> Utf8Lib.codepoint(co, args);
                case CODES -> Utf8Lib.codes(co, args);
                case LEN -> Utf8Lib.len(co, args);
                case OFFSET -> Utf8Lib.offset(co, args);
            };
        }
    }

    /** {@code utf8.char(...)}: the concatenated encodings of the arguments ({@code char} is a Java keyword). */
    public static Object char_(Coroutine co, Object[] args) {
        int total = 0;
        for (int i = 0; i < args.length; i++) {
            long code = Args.checkInteger(args, i);
            if (Long.compareUnsigned(code, Utf8.MAX_UTF) > 0) throw Args.error(i, "value out of range");
            total += Utf8.length(code);
        }
        byte[] out = co.instance().heap().allocateString(total);
        int n = 0;
        for (int i = 0; i < args.length; i++) n = Utf8.encode(Args.checkInteger(args, i), out, n);
        return LuaString.wrap(out);
    }

    /**
     * {@code utf8.codepoint(s [, i [, j [, lax]]])}: the code points of the characters that
     * start in {@code s[i..j]}.
     */
    public static Object codepoint(Coroutine co, Object[] args) {
        byte[] s = Args.checkString(args, 0).rawBytes();
        long posi = relativePosition(Args.optInteger(args, 1, 1), s.length);
        long pose = relativePosition(Args.optInteger(args, 2, posi), s.length);
        boolean strict = !Args.toBoolean(args, 3);
        if (posi < 1) throw Args.error(1, "out of bounds");
        if (pose > s.length) throw Args.error(2, "out of bounds");
        if (posi > pose) return Values.NONE;
        if (pose - posi + 1 >= Library.MAX_RESULTS) throw Library.error(co, "stack overflow (string slice too long)");
        co.fuel().consume((pose - posi) / BYTES_PER_FUEL + 1);
        Object[] codes = new Object[(int) (pose - posi) + 1];
        int n = 0;
        for (int p = (int) posi - 1; p < pose; ) {
            long d = Utf8.decode(s, p, strict);
            if (d == Utf8.INVALID) throw Library.error(co, "invalid UTF-8 code");
            codes[n++] = Utf8.code(d);
            p = Utf8.next(d);
        }
        return n == codes.length ? codes : Arrays.copyOf(codes, n);
    }

    /**
     * {@code utf8.len(s [, i [, j [, lax]]])}: the number of characters that start in
     * {@code s[i..j]}, or fail and the position of the first invalid byte.
     */
    public static Object len(Coroutine co, Object[] args) {
        byte[] s = Args.checkString(args, 0).rawBytes();
        long posi = relativePosition(Args.optInteger(args, 1, 1), s.length);
        long posj = relativePosition(Args.optInteger(args, 2, -1), s.length);
        boolean strict = !Args.toBoolean(args, 3);
        if (posi < 1 || --posi > s.length) throw Args.error(1, "initial position out of bounds");
        if (--posj >= s.length) throw Args.error(2, "final position out of bounds");
        co.fuel().consume(Math.max(0, posj - posi) / BYTES_PER_FUEL + 1);
        long n = 0;
        for (int p = (int) posi; p <= posj; n++) {
            long d = Utf8.decode(s, p, strict);
            if (d == Utf8.INVALID) return new Object[] {null, (long) p + 1};
            p = Utf8.next(d);
        }
        return n;
    }

    /**
     * {@code utf8.offset(s, n [, i])}: the position where the n-th character counting from
     * position i starts (n = 0: the start of the character containing byte i), or fail.
     */
    public static Object offset(Coroutine co, Object[] args) {
        byte[] s = Args.checkString(args, 0).rawBytes();
        long n = Args.checkInteger(args, 1);
        long posi = relativePosition(Args.optInteger(args, 2, n >= 0 ? 1 : s.length + 1L), s.length);
        if (posi < 1 || --posi > s.length) throw Args.error(2, "position out of bounds");
        int p = (int) posi;
        if (n == 0) {
            while (p > 0 && Utf8.isContinuation(Utf8.byteAt(s, p))) p--;
            return (long) p + 1;
        }
        if (Utf8.isContinuation(Utf8.byteAt(s, p))) throw Library.error(co, "initial position is a continuation byte");
        co.fuel().consume(s.length / BYTES_PER_FUEL + 1);
        if (n < 0) {
            for (; n < 0 && p > 0; n++) {
                do p--; while (p > 0 && Utf8.isContinuation(Utf8.byteAt(s, p)));
            }
        } else {
            for (n--; n > 0 && p < s.length; n--) {
                do p++; while (Utf8.isContinuation(Utf8.byteAt(s, p)));
            }
        }
        return n == 0 ? (Object) ((long) p + 1) : null;
    }

    /**
     * {@code utf8.codes(s [, lax])}: the iterator triple of a generic {@code for} over
     * {@code s}'s characters, giving each one's position and code point.
     */
    public static Object codes(Coroutine co, Object[] args) {
        boolean lax = Args.toBoolean(args, 1);
        LuaString s = Args.checkString(args, 0);
        if (Utf8.isContinuation(Utf8.byteAt(s.rawBytes(), 0))) throw Args.error(0, "invalid UTF-8 code");
        return new Object[] {lax ? LAX_ITERATOR : STRICT_ITERATOR, args[0], 0L};
    }

    private static Object nextStrict(Coroutine co, Object[] args) {
        return nextCode(co, args, true);
    }

    private static Object nextLax(Coroutine co, Object[] args) {
        return nextCode(co, args, false);
    }

    /** One step of {@code utf8.codes}: the character after the one at the control position. */
    private static Object nextCode(Coroutine co, Object[] args, boolean strict) {
        byte[] s = Args.checkString(args, 0).rawBytes();
        Long control = Args.toInteger(Args.arg(args, 1));
        long n = control == null ? 0 : control;
        if (Long.compareUnsigned(n, s.length) < 0) {
            long start = n;
            while (Utf8.isContinuation(Utf8.byteAt(s, (int) n))) n++;
            co.fuel().consume((n - start) / BYTES_PER_FUEL);
        }
        if (Long.compareUnsigned(n, s.length) >= 0) return Values.NONE; // also a negative n
        long d = Utf8.decode(s, (int) n, strict);
        if (d == Utf8.INVALID || Utf8.isContinuation(Utf8.byteAt(s, Utf8.next(d)))) {
            throw Library.error(co, "invalid UTF-8 code");
        }
        return new Object[] {n + 1, Utf8.code(d)};
    }

    /** A string position counted from the end when negative (0 when before the start). */
    private static long relativePosition(long pos, int len) {
        if (pos >= 0) return pos;
        if (pos < -(long) len) return 0;
        return len + pos + 1;
    }
}
