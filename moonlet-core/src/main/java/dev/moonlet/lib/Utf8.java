package dev.moonlet.lib;

/**
 * UTF-8 as lua5.4's utf8 library reads and writes it: sequences of up to six bytes for values
 * up to {@code 0x7FFFFFFF}; in strict mode only code points up to {@code 0x10FFFF} that are not
 * surrogates. Positions are 0-based; a byte past the end of the string reads as 0, like the
 * terminating zero of a C string.
 *
 * <pre>{@code
 * long r = Utf8.decode("é".getBytes(UTF_8), 0, true);
 * Utf8.code(r);   // 0xE9
 * Utf8.next(r);   // 2
 * }</pre>
 */
public final class Utf8 {
    /** What {@link #decode} answers for an invalid sequence. */
    public static final long INVALID = -1;
    /** The largest value a sequence can encode. */
    public static final long MAX_UTF = 0x7FFFFFFFL;
    private static final long MAX_UNICODE = 0x10FFFF;
    /**
     * The least value of a sequence with as many continuation bytes as the index (shorter
     * encodings are overlong); the first rejects a lone continuation byte.
     */
    private static final long[] LIMITS = {Long.MAX_VALUE, 0x80, 0x800, 0x10000, 0x200000, 0x4000000};

    private Utf8() {}

    /** Whether {@code b} is a continuation byte ({@code 10xxxxxx}). */
    public static boolean isContinuation(int b) {
        return (b & 0xC0) == 0x80;
    }

    /** The byte at {@code i} (0..255), or 0 past the end. */
    public static int byteAt(byte[] s, int i) {
        return i < s.length ? s[i] & 0xFF : 0;
    }

    /**
     * Decodes the sequence starting at {@code s[i]}: {@link #INVALID}, or the value and the
     * position after the sequence packed in a long (read them with {@link #code} and
     * {@link #next}).
     */
    public static long decode(byte[] s, int i, boolean strict) {
        int c = byteAt(s, i);
        long res;
        int count = 0;
        if (c < 0x80) {
            res = c;
        } else {
            res = 0;
            for (; (c & 0x40) != 0; c <<= 1) { // one continuation byte per leading 1 bit
                int cc = byteAt(s, i + ++count);
                if (!isContinuation(cc)) return INVALID;
                res = (res << 6) | (cc & 0x3F);
            }
            res |= (long) (c & 0x7F) << (count * 5); // the first byte's own bits
            if (count > 5 || res > MAX_UTF || res < LIMITS[count]) return INVALID;
        }
        if (strict && (res > MAX_UNICODE || (res >= 0xD800 && res <= 0xDFFF))) return INVALID;
        return ((long) (i + count + 1) << 32) | res;
    }

    /** The value of a successful {@link #decode}. */
    public static long code(long decoded) {
        return decoded & 0xFFFFFFFFL;
    }

    /** The position after the sequence of a successful {@link #decode}. */
    public static int next(long decoded) {
        return (int) (decoded >>> 32);
    }

    /** The number of bytes (1..6) of the encoding of {@code x} ({@code 0 <= x <= MAX_UTF}). */
    public static int length(long x) {
        if (x < 0x80) return 1;
        int n = 1;
        for (int maxFirst = 0x3F; x > maxFirst; maxFirst >>= 1) { // one more continuation byte
            n++;
            x >>= 6;
        }
        return n;
    }

    /**
     * Writes the encoding of {@code x} ({@code 0 <= x <= MAX_UTF}) into {@code out} at
     * {@code n}, as lobject.c's luaO_utf8esc; answers the position after it.
     */
    public static int encode(long x, byte[] out, int n) {
        int end = n + length(x);
        if (x < 0x80) {
            out[n] = (byte) x;
            return end;
        }
        int p = end;
        int maxFirst = 0x3F; // the largest value that still fits in the first byte
        do {
            out[--p] = (byte) (0x80 | (x & 0x3F));
            x >>= 6;
            maxFirst >>= 1;
        } while (x > maxFirst);
        out[--p] = (byte) ((~maxFirst << 1) | x);
        return end;
    }
}
