package dev.moonlet.syntax;

import dev.moonlet.value.LuaString;
import java.io.ByteArrayOutputStream;

/**
 * The short name of a chunk that prefixes its error messages and tracebacks
 * ({@code "chunkid:line: message"}), as Lua's {@code luaO_chunkid} makes it from the chunk
 * name given to {@code load}, in at most {@link #LUA_IDSIZE}{@code - 1} bytes:
 *
 * <pre>{@code
 * ChunkId.of(LuaString.of("=stdin"));         // stdin
 * ChunkId.of(LuaString.of("@scripts/a.lua")); // scripts/a.lua  (long names keep their end: ...s/a.lua)
 * ChunkId.of(LuaString.of("x = 1\ny = 2"));   // [string "x = 1..."]
 * }</pre>
 */
public final class ChunkId {
    /** The size of Lua's chunk id buffer, terminating zero included. */
    public static final int LUA_IDSIZE = 60;

    private static final byte[] RETS = {'.', '.', '.'};
    private static final byte[] PRE = {'[', 's', 't', 'r', 'i', 'n', 'g', ' ', '"'};
    private static final byte[] POS = {'"', ']'};

    private ChunkId() {}

    /**
     * The chunk id of {@code chunkName}: {@code "=name"} gives {@code name} (cut to 59 bytes),
     * {@code "@file"} gives {@code file} (long ones cut on the left, after {@code ...}), and
     * any other name is source text, shown as {@code [string "first line..."]}. Like C, it
     * stops at an embedded zero byte.
     */
    public static LuaString of(LuaString chunkName) {
        byte[] src = chunkName.rawBytes();
        int srclen = cStringLength(src);
        ByteArrayOutputStream out = new ByteArrayOutputStream(LUA_IDSIZE);
        if (srclen > 0 && src[0] == '=') {
            out.write(src, 1, Math.min(srclen - 1, LUA_IDSIZE - 1));
        } else if (srclen > 0 && src[0] == '@') {
            if (srclen <= LUA_IDSIZE) {
                out.write(src, 1, srclen - 1);
            } else {
                // Keep the end of a long file name: it is the most telling part.
                int keep = LUA_IDSIZE - RETS.length - 1;
                out.write(RETS, 0, RETS.length);
                out.write(src, srclen - keep, keep);
            }
        } else {
            writeSourceText(out, src, srclen);
        }
        return LuaString.wrap(out.toByteArray());
    }

    /** {@code [string "source"]}, cut at the first newline or to fit, then marked with "...". */
    private static void writeSourceText(ByteArrayOutputStream out, byte[] src, int srclen) {
        int room = LUA_IDSIZE - (PRE.length + RETS.length + POS.length) - 1;
        int newline = indexOf(src, srclen, (byte) '\n');
        out.write(PRE, 0, PRE.length);
        if (srclen < room && newline < 0) {
            out.write(src, 0, srclen);
        } else {
            int len = newline >= 0 ? newline : srclen;
            out.write(src, 0, Math.min(len, room));
            out.write(RETS, 0, RETS.length);
        }
        out.write(POS, 0, POS.length);
    }

    /** The length up to the first zero byte, which ends a string in C. */
    private static int cStringLength(byte[] b) {
        int zero = indexOf(b, b.length, (byte) 0);
        return zero >= 0 ? zero : b.length;
    }

    private static int indexOf(byte[] b, int len, byte c) {
        for (int i = 0; i < len; i++) {
            if (b[i] == c) return i;
        }
        return -1;
    }
}
