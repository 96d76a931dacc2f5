package dev.moonlet.value;

import java.nio.charset.StandardCharsets;

/**
 * Lua's number semantics: string to number conversion, number to string conversion, and the
 * arithmetic and comparison rules where integers ({@link Long}) and floats ({@link Double})
 * meet, all as PUC-Rio Lua 5.4 defines them (lobject.c and lvm.c).
 *
 * <pre>{@code
 * LuaNumber.parse(LuaString.of(" 0x10 "));   // 16L
 * LuaNumber.parse(LuaString.of("1e2"));      // 100.0
 * LuaNumber.toLuaString(1e15);               // "1e+15"
 * LuaNumber.imod(-5, 3);                     // 1
 * }</pre>
 */
public final class LuaNumber {
    /** 2^63 as a double: the first float above every long. */
    private static final double TWO_63 = 0x1p63;

    private LuaNumber() {}

    // ---------------------------------------------------------------- string -> number

    /** {@link #parse(byte[], int, int)} of the whole string. */
    public static Object parse(LuaString s) {
        byte[] b = s.rawBytes();
        return parse(b, 0, b.length);
    }

    /**
     * Converts the numeral in {@code b[off, off+len)} as Lua's {@code tonumber} and lexer do:
     * optional surrounding whitespace, an optional sign, then a decimal or hexadecimal integer
     * or float. A decimal integer that overflows becomes a float; a hexadecimal integer wraps
     * around modulo 2^64. {@code inf}, {@code nan}, empty text, junk and embedded zeros are
     * rejected.
     *
     * @return a {@link Long}, a {@link Double}, or null if the text is not a numeral
     */
    public static Object parse(byte[] b, int off, int len) {
        int end = off + len;
        int start = skipSpace(b, off, end);
        int stop = end;
        while (stop > start && isSpace(b[stop - 1])) stop--;
        if (start == stop) return null;
        Object r = parseInteger(b, start, stop);
        return r != null ? r : parseFloat(b, start, stop);
    }

    /** Whether {@code c} is a space as C's {@code isspace} in the C locale. */
    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int skipSpace(byte[] b, int i, int end) {
        while (i < end && isSpace(b[i])) i++;
        return i;
    }

    /** The value 0..15 of a hex digit, or -1. */
    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        int l = c | 0x20;
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }

    private static boolean isHexPrefix(byte[] b, int i, int end) {
        return i + 1 < end && b[i] == '0' && (b[i + 1] | 0x20) == 'x';
    }

    /** An integer numeral filling {@code [i, end)} exactly (no spaces), as lobject.c l_str2int. */
    private static Long parseInteger(byte[] b, int i, int end) {
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') neg = b[i++] == '-';
        long a = 0;
        int first = i;
        if (isHexPrefix(b, i, end)) {
            first = i += 2;
            for (int d; i < end && (d = hexDigit(b[i])) >= 0; i++) a = a * 16 + d;
        } else {
            // A decimal numeral that does not fit a long is a float: fail here.
            long maxBy10 = Long.MAX_VALUE / 10;
            int maxLastDigit = (int) (Long.MAX_VALUE % 10) + (neg ? 1 : 0);
            for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
                int d = b[i] - '0';
                if (a >= maxBy10 && (a > maxBy10 || d > maxLastDigit)) return null;
                a = a * 10 + d;
            }
        }
        if (i == first || i != end) return null;
        return neg ? -a : a;
    }

    /** A float numeral filling {@code [i, end)} exactly, as C's strtod without inf and nan. */
    private static Double parseFloat(byte[] b, int i, int end) {
        int start = i;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') neg = b[i++] == '-';
        if (isHexPrefix(b, i, end)) {
            double v = parseHexFloat(b, i + 2, end);
            if (Double.isNaN(v)) return null;
            return neg ? -v : v;
        }
        int digits = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') { i++; digits++; }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') { i++; digits++; }
        }
        if (digits == 0) return null;
        if (i < end && (b[i] | 0x20) == 'e') {
            i++;
            if (i < end && (b[i] == '-' || b[i] == '+')) i++;
            int expStart = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') i++;
            if (i == expStart) return null;
        }
        if (i != end) return null;
        // The text is now a plain ASCII decimal numeral, which Java rounds correctly.
        return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    }

    /**
     * The exact value, rounded to nearest-even, of the hex float digits in {@code [i, end)}
     * (after "0x"), or NaN if the text is malformed. At most 15 significant hex digits are
     * kept in a long; later nonzero digits only set a sticky bit, which is all rounding needs.
     */
    private static double parseHexFloat(byte[] b, int i, int end) {
        long m = 0;
        boolean sticky = false;
        long exp = 0;
        int digits = 0;
        boolean dot = false;
        for (; i < end; i++) {
            int d = hexDigit(b[i]);
            if (d < 0) {
                if (b[i] != '.' || dot) break;
                dot = true;
                continue;
            }
            digits++;
            if ((m >>> 56) == 0) {
                m = m * 16 + d;
                if (dot) exp -= 4;
            } else {
                sticky |= d != 0;
                if (!dot) exp += 4;
            }
        }
        if (digits == 0) return Double.NaN;
        if (i < end && (b[i] | 0x20) == 'p') {
            i++;
            boolean eneg = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) eneg = b[i++] == '-';
            int expStart = i;
            long e = 0;
            // Clamp: any exponent this large already overflows or underflows.
            for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
                e = Math.min(e * 10 + b[i] - '0', 1 << 20);
            }
            if (i == expStart) return Double.NaN;
            exp += eneg ? -e : e;
        }
        if (i != end) return Double.NaN;
        return scaleRounded(m, sticky, exp);
    }

    /**
     * {@code (m + ε) * 2^exp} rounded to the nearest double (ties to even), where ε is a
     * positive amount below one unit of m if {@code sticky}, else zero.
     */
    private static double scaleRounded(long m, boolean sticky, long exp) {
        if (m == 0) return 0.0;
        int bits = 64 - Long.numberOfLeadingZeros(m);
        long top = bits - 1 + exp; // the binary exponent of the leading bit
        if (top > 1023) return Double.POSITIVE_INFINITY;
        // Bits of m to keep: 53 for a normal result, fewer for a subnormal one.
        long keep = top >= -1022 ? 53 : 53 - (-1022 - top);
        if (keep < 0) return 0.0;
        int drop = (int) (bits - keep);
        if (drop > 0) {
            // drop <= bits <= 60: m holds at most 15 hex digits.
            long half = 1L << (drop - 1);
            long rest = m & ((1L << drop) - 1);
            long kept = m >>> drop;
            boolean up = rest > half || (rest == half && (sticky || (kept & 1) != 0));
            m = up ? kept + 1 : kept;
            exp += drop;
        }
        // m <= 2^53 and the result is representable, so scalb is exact (or overflows to inf).
        return Math.scalb((double) m, (int) exp);
    }

    // ---------------------------------------------------------------- arithmetic

    /** Integer floor division {@code a // b} (wraps for MIN // -1); the caller rejects b == 0. */
    public static long idiv(long a, long b) {
        return Math.floorDiv(a, b);
    }

    /** Integer modulo {@code a % b}, with the sign of b; the caller rejects b == 0. */
    public static long imod(long a, long b) {
        return Math.floorMod(a, b);
    }

    /** Float floor division {@code a // b}: {@code floor(a / b)}. */
    public static double idiv(double a, double b) {
        return Math.floor(a / b);
    }

    /**
     * Float modulo {@code a % b}: C's fmod (Java's {@code %} on doubles), moved into b's sign
     * when the remainder is nonzero and of the other sign. So {@code 5 % -inf} is -inf and
     * {@code -5 % inf} is inf, as in lua5.4.
     */
    public static double fmod(double a, double b) {
        double m = a % b;
        if (m > 0 ? b < 0 : (m < 0 && b > 0)) m += b;
        return m;
    }

    /**
     * {@code x << n}: shifts left for positive n, logically right for negative n; a shift of
     * 64 or more bits either way gives 0.
     */
    public static long shiftLeft(long x, long n) {
        if (n < 0) return n <= -64 ? 0 : x >>> -n;
        return n >= 64 ? 0 : x << n;
    }

    // ---------------------------------------------------------------- float -> integer

    /** Whether {@code d} has an exact integer value (so Lua converts it to that integer). */
    public static boolean isInteger(double d) {
        // The range test also rejects NaN and the infinities.
        return inRange(d) && d == Math.floor(d);
    }

    /** The integer equal to {@code d}, or null if d is not integral or out of range. */
    public static Long floatToInteger(double d) {
        return isInteger(d) ? (long) d : null;
    }

    /** {@code floor(d)} as an integer, or null if it is out of range or d is NaN. */
    public static Long floorToInteger(double d) {
        double f = Math.floor(d);
        return inRange(f) ? (long) f : null;
    }

    /** {@code ceil(d)} as an integer, or null if it is out of range or d is NaN. */
    public static Long ceilToInteger(double d) {
        double c = Math.ceil(d);
        return inRange(c) ? (long) c : null;
    }

    // ---------------------------------------------------------------- mixed comparisons

    /** Whether {@code i} converts to a double exactly: {@code -2^53 <= i <= 2^53}. */
    private static boolean fitsDouble(long i) {
        return i >= -(1L << 53) && i <= (1L << 53);
    }

    /** Whether {@code -2^63 <= f < 2^63} (false for NaN): an integral f then fits a long. */
    private static boolean inRange(double f) {
        return f >= -TWO_63 && f < TWO_63;
    }

    /** {@code i == f} exactly (no rounding of i), as Lua's {@code ==} on an integer and a float. */
    public static boolean eq(long i, double f) {
        return isInteger(f) && (long) f == i;
    }

    // For a large i (not exact as a double) the comparisons below compare with floor(f) or
    // ceil(f) as integers; when that is out of range, f is beyond every long (or NaN) and its
    // sign decides (NaN compares false).

    /** {@code i < f} exactly: {@code i < ceil(f)}. */
    public static boolean lt(long i, double f) {
        if (fitsDouble(i)) return i < f;
        double c = Math.ceil(f);
        return inRange(c) ? i < (long) c : f > 0;
    }

    /** {@code i <= f} exactly: {@code i <= floor(f)}. */
    public static boolean le(long i, double f) {
        if (fitsDouble(i)) return i <= f;
        double fl = Math.floor(f);
        return inRange(fl) ? i <= (long) fl : f > 0;
    }

    /** {@code f < i} exactly: {@code floor(f) < i}. */
    public static boolean lt(double f, long i) {
        if (fitsDouble(i)) return f < i;
        double fl = Math.floor(f);
        return inRange(fl) ? (long) fl < i : f < 0;
    }

    /** {@code f <= i} exactly: {@code ceil(f) <= i}. */
    public static boolean le(double f, long i) {
        if (fitsDouble(i)) return f <= i;
        double c = Math.ceil(f);
        return inRange(c) ? (long) c <= i : f < 0;
    }

    // ---------------------------------------------------------------- number -> string

    /** What Lua's {@code tostring} gives for an integer. */
    public static LuaString toLuaString(long i) {
        return LuaString.wrap(asciiBytes(Long.toString(i)));
    }

    /**
     * What Lua's {@code tostring} gives for a float: C's {@code "%.14g"}, plus {@code ".0"} when
     * that looks like an integer. Examples: {@code 1.0}, {@code 1e+15}, {@code -0.0},
     * {@code 0.1}, {@code 3.1415926535898}, {@code inf}, {@code -nan}.
     */
    public static LuaString toLuaString(double d) {
        // Fast path: a nonzero integral float of at most 14 digits prints as itself plus ".0".
        if (d != 0 && Math.abs(d) < 1e14 && d == Math.rint(d)) {
            return LuaString.wrap(asciiBytes((long) d + ".0"));
        }
        String s = NumberFormat.format(d, 'g', 14, false);
        if (looksLikeInteger(s)) s = s + ".0";
        return LuaString.wrap(asciiBytes(s));
    }

    private static boolean looksLikeInteger(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '-' && (c < '0' || c > '9')) return false;
        }
        return true;
    }

    private static byte[] asciiBytes(String s) {
        byte[] r = new byte[s.length()];
        for (int i = 0; i < r.length; i++) r[i] = (byte) s.charAt(i);
        return r;
    }
}
