package dev.moonlet.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Lua string: an immutable sequence of bytes. Lua strings are 8-bit clean (they may hold
 * embedded zeros and any byte); {@code #"é"} is 2. Convert to {@link String} only at the edge
 * of the API, where {@link #toString()} decodes the bytes as UTF-8.
 *
 * <p>Short strings created by an instance are interned in its {@link StringPool}, so that
 * table lookups with constant keys usually succeed on the identity test in {@link #equals}.
 * Equality never depends on interning: two strings with the same bytes are always equal.
 *
 * <pre>{@code
 * LuaString s = LuaString.of("héllo");
 * s.length();          // 6
 * s.toString();        // "héllo"
 * }</pre>
 */
public final class LuaString extends Collectable implements Comparable<LuaString> {
    /** The empty string. */
    public static final LuaString EMPTY = new LuaString(new byte[0]);

    private final byte[] bytes;
    private int hash;

    private LuaString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The UTF-8 bytes of {@code s} as a Lua string. */
    public static LuaString of(String s) {
        return new LuaString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A Lua string holding a copy of {@code bytes}. */
    public static LuaString copyOf(byte[] bytes) {
        return new LuaString(bytes.clone());
    }

    /** A Lua string holding a copy of {@code len} bytes of {@code bytes} from {@code off}. */
    public static LuaString copyOf(byte[] bytes, int off, int len) {
        return new LuaString(Arrays.copyOfRange(bytes, off, off + len));
    }

    /**
     * A Lua string that takes ownership of {@code bytes}: the caller must never change the
     * array afterwards.
     */
    public static LuaString wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new LuaString(bytes);
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** The byte at {@code i} (0-based) as an unsigned value 0..255. */
    public int byteAt(int i) {
        return bytes[i] & 0xFF;
    }

    /** A fresh copy of the bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Copies the bytes into {@code dst} at {@code off}. */
    public void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
    }

    /**
     * The bytes themselves, for code in this runtime that reads them in bulk (the lexer, the
     * pattern matcher). Never modify the array.
     */
    public byte[] rawBytes() {
        return bytes;
    }

    /** The substring of bytes {@code [from, to)} (0-based, half-open). */
    public LuaString substring(int from, int to) {
        if (from == 0 && to == bytes.length) return this;
        return wrap(Arrays.copyOfRange(bytes, from, to));
    }

    /** {@code this .. other}. */
    public LuaString concat(LuaString other) {
        if (other.bytes.length == 0) return this;
        if (bytes.length == 0) return other;
        byte[] r = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
        System.arraycopy(other.bytes, 0, r, bytes.length, other.bytes.length);
        return new LuaString(r);
    }

    /** Whether the string starts with the two bytes {@code "__"} (a metamethod-like key). */
    public boolean isDunder() {
        return bytes.length >= 2 && bytes[0] == '_' && bytes[1] == '_';
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = hashOf(bytes, 0, bytes.length);
            hash = h;
        }
        return h;
    }

    /** The hash {@link #hashCode()} gives a string with these bytes (keyed: see {@link HashKey}). */
    static int hashOf(byte[] b, int off, int len) {
        return HashKey.ofBytes(b, off, len);
    }

    /** Whether this string holds exactly {@code len} bytes equal to {@code b[off..]}. */
    boolean contentEquals(byte[] b, int off, int len) {
        return Arrays.equals(bytes, 0, bytes.length, b, off, off + len);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof LuaString)) return false;
        LuaString s = (LuaString) o;
        if (s.bytes.length != bytes.length) return false;
        if (hash != 0 && s.hash != 0 && hash != s.hash) return false;
        return Arrays.equals(bytes, s.bytes);
    }

    /** Byte-wise unsigned comparison, as Lua's {@code <} on strings in the C locale. */
    @Override
    public int compareTo(LuaString o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    /** The bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
