package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.util.Arrays;

/**
 * A growing byte string, as lauxlib's {@code luaL_Buffer}: the string library builds its
 * results in one ({@code format}, {@code gsub}, {@code pack}, {@code rep}).
 *
 * <pre>{@code
 * LuaBuffer b = new LuaBuffer(16);
 * b.append('[').append(LuaString.of("x")).append(']');
 * b.toLuaString();   // "[x]"
 * }</pre>
 */
final class LuaBuffer {
    /** The longest string a buffer builds (Lua's MAXSIZE, the most a Java array may hold). */
    static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private byte[] bytes;
    private int length;

    /** An empty buffer with room for {@code capacity} bytes. */
    LuaBuffer(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    /** The number of bytes so far. */
    int length() {
        return length;
    }

    /** Appends the byte {@code b} (its low 8 bits). */
    LuaBuffer append(int b) {
        reserve(1);
        bytes[length++] = (byte) b;
        return this;
    }

    /** Appends {@code len} bytes of {@code b} from {@code off}. */
    LuaBuffer append(byte[] b, int off, int len) {
        reserve(len);
        System.arraycopy(b, off, bytes, length, len);
        length += len;
        return this;
    }

    /** Appends the bytes of {@code s}. */
    LuaBuffer append(LuaString s) {
        return append(s.rawBytes(), 0, s.length());
    }

    /** Appends {@code s}, whose characters must all be below 256 (ASCII text, Latin-1 bytes). */
    LuaBuffer append(String s) {
        int n = s.length();
        reserve(n);
        for (int i = 0; i < n; i++) bytes[length++] = (byte) s.charAt(i);
        return this;
    }

    /** Appends {@code n} copies of the byte {@code b}. */
    LuaBuffer repeat(int b, int n) {
        reserve(n);
        Arrays.fill(bytes, length, length + n, (byte) b);
        length += n;
        return this;
    }

    /** The bytes so far as a Lua string (the buffer may go on growing). */
    LuaString toLuaString() {
        // A full array can be shared: the next append replaces it.
        return length == bytes.length ? LuaString.wrap(bytes) : LuaString.copyOf(bytes, 0, length);
    }

    /** Makes room for {@code n} more bytes. */
    private void reserve(int n) {
        if (bytes.length - length >= n) return;
        if (n > MAX_SIZE - length) throw new LuaError("not enough memory");
        byte[] grown = allocate(Math.min(Math.max((long) length + n, 2L * bytes.length), MAX_SIZE));
        System.arraycopy(bytes, 0, grown, 0, length);
        bytes = grown;
    }

    /**
     * A new array of {@code n} bytes for a string result, or the Lua error {@code not enough
     * memory} when the JVM cannot give it. (The instance's memory limit is meant to refuse
     * such requests first; this is the backstop that keeps an OutOfMemoryError from escaping.)
     */
    static byte[] allocate(long n) {
        if (n > MAX_SIZE) throw new LuaError("not enough memory");
        try {
            return new byte[(int) n];
        } catch (OutOfMemoryError e) {
            throw new LuaError("not enough memory");
        }
    }
}
