package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Fuel;

/**
 * The builtins that build a string of known length byte by byte: {@code string.upper},
 * {@code string.lower}, {@code string.reverse} and {@code string.rep}. The result is filled
 * in chunks as large as the fuel allows (one unit per 16 bytes), pausing between chunks, so
 * even a string of hundreds of megabytes never holds a step for long.
 */
final class StringBytes extends InlineSequence {
    /** The fewest bytes a chunk fills, so that each poll makes progress. */
    private static final int MIN_CHUNK = 256;

    private enum Kind { UPPER, LOWER, REVERSE, REP }

    private final Kind kind;
    /** The source bytes; for REP, one period of the result: the string then the separator. */
    private final byte[] src;
    private final byte[] out;
    /** The bytes of {@link #out} filled so far. */
    private int filled;

    /** Charges the result of {@code length} bytes to {@code co}'s instance before allocating it. */
    private StringBytes(Coroutine co, Kind kind, byte[] src, long length) {
        this.kind = kind;
        this.src = src;
        this.out = co.instance().heap().allocateString(length);
    }

    /** {@code string.upper(s)}: ASCII letters to upper case (the C locale). */
    static Object upper(Coroutine co, Object[] args) {
        return transform(co, Kind.UPPER, Args.checkString(args, 0));
    }

    /** {@code string.lower(s)}: ASCII letters to lower case (the C locale). */
    static Object lower(Coroutine co, Object[] args) {
        return transform(co, Kind.LOWER, Args.checkString(args, 0));
    }

    /** {@code string.reverse(s)}. */
    static Object reverse(Coroutine co, Object[] args) {
        return transform(co, Kind.REVERSE, Args.checkString(args, 0));
    }

    private static Object transform(Coroutine co, Kind kind, LuaString s) {
        if (s.length() == 0) return s;
        return new StringBytes(co, kind, s.rawBytes(), s.length()).start(co);
    }

    /** {@code string.rep(s, n [, sep])}: n copies of s separated by sep. */
    static Object rep(Coroutine co, Object[] args) {
        LuaString s = Args.checkString(args, 0);
        long n = Args.checkInteger(args, 1);
        LuaString sep = Args.optString(args, 2, LuaString.EMPTY);
        if (n <= 0) return LuaString.EMPTY;
        long l = s.length();
        long lsep = sep.length();
        if (l + lsep > StringLib.MAX_SIZE / n) throw Library.error(co, "resulting string too large");
        long total = n * l + (n - 1) * lsep;
        if (total == 0) return LuaString.EMPTY;
        if (n == 1) return s;
        return new StringBytes(co, Kind.REP, s.concat(sep).rawBytes(), total).start(co);
    }

    @Override
    protected Action advance(Coroutine co, Object[] results) {
        Fuel fuel = co.fuel();
        while (true) {
            long allowed = Math.max(MIN_CHUNK, Math.min(fuel.remaining(), Integer.MAX_VALUE) * 16);
            int chunk = (int) Math.min(out.length - filled, allowed);
            fill(chunk);
            fuel.consume(1 + (chunk >> 4));
            if (filled == out.length) return new Action.Return(new Object[] {LuaString.wrap(out)});
            if (fuel.exhausted()) return pause();
        }
    }

    /** Fills the next {@code n} bytes of the result (at most n for REP). */
    private void fill(int n) {
        int end = filled + n;
        switch (kind) {
            case UPPER -> {
                for (int i = filled; i < end; i++) {
                    byte c = src[i];
                    out[i] = c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
                }
            }
            case LOWER -> {
                for (int i = filled; i < end; i++) {
                    byte c = src[i];
                    out[i] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
                }
            }
            case REVERSE -> {
                for (int i = filled; i < end; i++) out[i] = src[src.length - 1 - i];
            }
            default -> {
                fillPeriodic(n);
                return;
            }
        }
        filled = end;
    }

    /**
     * REP: the result is its period repeated (cut short of the last separator). The first
     * period is copied from {@link #src}; after that the filled part is itself periodic, so
     * the next bytes are a copy of an earlier stretch, which doubles the filled part per copy.
     */
    private void fillPeriodic(int n) {
        int period = src.length;
        int c;
        if (filled < period) {
            c = Math.min(n, Math.min(period, out.length) - filled);
            System.arraycopy(src, filled, out, filled, c);
        } else {
            c = Math.min(n, filled / period * period);
            System.arraycopy(out, filled % period, out, filled, c);
        }
        filled += c;
    }
}
