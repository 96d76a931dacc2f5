package dev.moonlet.value;

import java.util.function.Predicate;

/**
 * The interned short strings of one instance. Interning is an optimisation only: it makes
 * equal short strings usually the same object, so table lookups with constant keys succeed on
 * the identity test. Each instance owns its own pool (instances share no mutable state).
 *
 * <p>The pool is a cache with a fixed-capacity open table per bucket array; entries are
 * replaced when the pool grows past its capacity, so it never holds strings a script could
 * use to exhaust memory.
 */
public final class StringPool {
    /** Strings at most this long are interned. */
    public static final int MAX_SHORT = 40;

    private LuaString[] slots = new LuaString[1024];
    private int count;

    /** The pooled string with these bytes, creating it if needed (short strings only). */
    public LuaString intern(byte[] b, int off, int len) {
        if (len > MAX_SHORT) return LuaString.copyOf(b, off, len);
        int h = LuaString.hashOf(b, off, len);
        LuaString[] t = slots;
        int mask = t.length - 1;
        for (int i = h & mask, probes = 0; probes < 8; i = (i + 1) & mask, probes++) {
            LuaString s = t[i];
            if (s == null) {
                s = LuaString.copyOf(b, off, len);
                t[i] = s;
                if (++count > t.length / 2) grow();
                return s;
            }
            if (s.hashCode() == h && s.contentEquals(b, off, len)) return s;
        }
        // A long probe run: replace the home slot (the pool is a cache, never a leak).
        LuaString s = LuaString.copyOf(b, off, len);
        t[h & mask] = s;
        return s;
    }

    /** The pooled string equal to {@code s}, adding {@code s} itself if it is short and new. */
    public LuaString intern(LuaString s) {
        int len = s.length();
        if (len > MAX_SHORT) return s;
        byte[] b = s.rawBytes();
        int h = s.hashCode();
        LuaString[] t = slots;
        int mask = t.length - 1;
        for (int i = h & mask, probes = 0; probes < 8; i = (i + 1) & mask, probes++) {
            LuaString p = t[i];
            if (p == null) {
                t[i] = s;
                if (++count > t.length / 2) grow();
                return s;
            }
            if (p == s || (p.hashCode() == h && p.contentEquals(b, 0, len))) return p;
        }
        t[h & mask] = s;
        return s;
    }

    /** The pooled string for a Java string (UTF-8). */
    public LuaString intern(String s) {
        return intern(LuaString.of(s));
    }

    /**
     * Keeps only the strings {@code live} accepts (the collector drops those it did not mark),
     * so that the pool holds no string only it refers to.
     */
    public void retain(Predicate<LuaString> live) {
        rebuild(slots.length, live);
    }

    private void grow() {
        if (slots.length >= (1 << 20)) {
            // Past a million entries the pool restarts: interning is only an optimisation.
            slots = new LuaString[slots.length];
            count = 0;
            return;
        }
        rebuild(slots.length * 2, s -> true);
    }

    /** Moves the strings {@code keep} accepts into a new slot array of {@code length}. */
    private void rebuild(int length, Predicate<LuaString> keep) {
        LuaString[] old = slots;
        slots = new LuaString[length];
        count = 0;
        int mask = length - 1;
        for (LuaString s : old) {
            if (s == null || !keep.test(s)) continue;
            int i = s.hashCode() & mask;
            while (slots[i] != null) i = (i + 1) & mask;
            slots[i] = s;
            count++;
        }
    }
}
