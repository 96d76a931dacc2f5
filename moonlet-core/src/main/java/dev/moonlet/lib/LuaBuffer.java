package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaString;
import java.util.Arrays;

/**
 * A growing byte string, as lauxlib's {@code luaL_Buffer}: the string library builds its
 * results in one ({@code format}, {@code gsub}, {@code pack}, {@code table.concat},
 * {@code io.read}). Its bytes are charged to the instance's {@link Heap} before each growth,
 * as a string of the buffer's capacity, and the array it outgrew is given back (it never
 * escapes), so a runaway result fails with {@code "not enough memory"} (or
 * {@code "string length overflow"} past the instance's longest string) before the JVM is asked.
 *
 * <pre>{@code
 * LuaBuffer b = new LuaBuffer(co.instance().heap(), 16);
 * b.append('[').append(LuaString.of("x")).append(']');
 * b.toLuaString();   // "[x]"
 * }</pre>
 */
final class LuaBuffer {
    private final Heap heap;
    private byte[] bytes;
    private int length;

    /** An empty buffer charged to {@code heap}, with room for {@code capacity} bytes. */
    LuaBuffer(Heap heap, int capacity) {
        this.heap = heap;
        bytes = heap.allocateString(Math.max(capacity, 16));
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

    /**
     * The bytes so far as a Lua string; this finishes the buffer, which must not be used
     * after. A full buffer becomes the string (already charged as one); otherwise the string
     * is a charged copy and the buffer's charge is given back.
     */
    LuaString toLuaString() {
        if (length == bytes.length) return LuaString.wrap(bytes);
        heap.chargeString(length);
        LuaString s = LuaString.copyOf(bytes, 0, length);
        heap.release(Heap.stringBytes(bytes.length));
        return s;
    }

    /**
     * Drops the buffer without making a string, giving its charge back (as when
     * {@code gsub} replaced nothing and returns its subject); it must not be used after.
     */
    void discard() {
        heap.release(Heap.stringBytes(bytes.length));
        bytes = null;
    }

    /** Makes room for {@code n} more bytes. */
    private void reserve(int n) {
        if (bytes.length - length >= n) return;
        long needed = (long) length + n;
        long doubled = Math.min(2L * bytes.length, heap.maxStringLength());
        byte[] grown = heap.allocateString(Math.max(needed, doubled));
        System.arraycopy(bytes, 0, grown, 0, length);
        heap.release(Heap.stringBytes(bytes.length));
        bytes = grown;
    }
}
