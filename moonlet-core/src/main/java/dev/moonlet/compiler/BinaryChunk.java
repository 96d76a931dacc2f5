package dev.moonlet.compiler;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.StringPool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Moonlet's binary chunks: what {@code string.dump} writes and {@code load} reads back.
 *
 * <p>The header is laid out as Lua 5.4's (signature {@code "\x1bLua"}, version 0x54, format 0,
 * the check bytes {@code "\x19\x93\r\n\x1a\n"}, the sizes of an instruction, an integer and a
 * float, then the integer 0x5678 and the float 370.5), so tools that inspect headers see a
 * 5.4 chunk. The body is Moonlet's own encoding of a {@link Proto} tree: unsigned varints for
 * counts and small numbers, a byte of tag before each constant, strings as a varint of
 * length + 1 (0 for none) followed by their bytes. A nested function whose source is its
 * parent's stores none. Stripping drops the source, line information and names.
 *
 * <p>Reading checks every length against what is left, so a damaged chunk fails with lua's
 * messages ({@code truncated chunk}, {@code bad binary format (...)}), never with a Java
 * exception. It does not verify the instructions themselves: like PUC-Rio Lua, Moonlet trusts
 * binary chunks, which is why the untrusted sandbox profile only loads text.
 */
public final class BinaryChunk {
    private BinaryChunk() {}

    /** The first byte of every binary chunk; {@code load} uses it to tell binary from text. */
    public static final byte SIGNATURE_BYTE = 0x1B;

    private static final byte[] SIGNATURE = {0x1B, 'L', 'u', 'a'};
    private static final int VERSION = 0x54;
    private static final int FORMAT = 0;
    private static final byte[] DATA = {0x19, (byte) 0x93, '\r', '\n', 0x1A, '\n'};
    private static final long CHECK_INTEGER = 0x5678;
    private static final double CHECK_NUMBER = 370.5;

    private static final int TAG_NIL = 0, TAG_FALSE = 1, TAG_TRUE = 2, TAG_INTEGER = 3,
            TAG_FLOAT = 4, TAG_STRING = 5;

    /** {@code p} as a binary chunk; without debug information if {@code strip}. */
    public static byte[] dump(Proto p, boolean strip) {
        Writer w = new Writer(strip);
        w.out.writeBytes(SIGNATURE);
        w.out.write(VERSION);
        w.out.write(FORMAT);
        w.out.writeBytes(DATA);
        w.out.write(4);
        w.out.write(8);
        w.out.write(8);
        w.fixedLong(CHECK_INTEGER);
        w.fixedLong(Double.doubleToRawLongBits(CHECK_NUMBER));
        w.out.write(p.upvalues.length);
        w.function(p, null);
        return w.out.toByteArray();
    }

    /**
     * Reads the binary chunk {@code chunk}, interning its strings in {@code pool}.
     *
     * @param chunkName the name given to load, for messages
     * @throws LuaError {@code "NAME: bad binary format (truncated chunk)"} and the like
     */
    public static Proto undump(byte[] chunk, LuaString chunkName, StringPool pool) {
        Reader r = new Reader(chunk, nameForMessages(chunkName), pool);
        r.header();
        r.u8();
        return r.function(null);
    }

    /** How lundump.c names a chunk in its messages. */
    private static String nameForMessages(LuaString chunkName) {
        String s = new String(chunkName.rawBytes(), StandardCharsets.ISO_8859_1);
        if (s.startsWith("@") || s.startsWith("=")) return s.substring(1);
        if (s.startsWith("\u001b")) return "binary string";
        return s;
    }

    /** Writes the body. */
    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final boolean strip;

        Writer(boolean strip) {
            this.strip = strip;
        }

        void function(Proto p, LuaString parentSource) {
            string(strip || p.source.equals(parentSource) ? null : p.source);
            varint(p.lineDefined);
            varint(p.lastLineDefined);
            out.write(p.numParams);
            out.write(p.isVararg ? 1 : 0);
            out.write(p.maxStackSize);
            varint(p.code.length);
            for (int i : p.code) fixedInt(i);
            varint(p.constants.length);
            for (Object k : p.constants) constant(k);
            varint(p.upvalues.length);
            for (Proto.UpvalueDesc u : p.upvalues) {
                out.write(u.inStack() ? 1 : 0);
                out.write(u.index());
            }
            varint(p.protos.length);
            for (Proto child : p.protos) function(child, p.source);
            debug(p);
        }

        void debug(Proto p) {
            int[] lines = strip ? new int[0] : p.lineInfo;
            varint(lines.length);
            int previous = p.lineDefined;
            for (int line : lines) {
                zigzag(line - previous);
                previous = line;
            }
            Proto.LocalVarInfo[] locals = strip ? new Proto.LocalVarInfo[0] : p.locals;
            varint(locals.length);
            for (Proto.LocalVarInfo v : locals) {
                string(v.name());
                varint(v.startPc());
                varint(v.endPc());
            }
            varint(strip ? 0 : p.upvalues.length);
            if (!strip) for (Proto.UpvalueDesc u : p.upvalues) string(u.name());
        }

        void constant(Object k) {
            if (k == null) {
                out.write(TAG_NIL);
            } else if (k instanceof Boolean) {
                out.write((Boolean) k ? TAG_TRUE : TAG_FALSE);
            } else if (k instanceof Long) {
                out.write(TAG_INTEGER);
                fixedLong((Long) k);
            } else if (k instanceof Double) {
                out.write(TAG_FLOAT);
                fixedLong(Double.doubleToRawLongBits((Double) k));
            } else {
                out.write(TAG_STRING);
                string((LuaString) k);
            }
        }

        void string(LuaString s) {
            if (s == null) {
                varint(0);
                return;
            }
            varint(s.length() + 1L);
            out.writeBytes(s.rawBytes());
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        void zigzag(int v) {
            varint(((v << 1) ^ (v >> 31)) & 0xFFFFFFFFL);
        }

        void fixedInt(int v) {
            for (int i = 0; i < 4; i++) out.write(v >>> (8 * i));
        }

        void fixedLong(long v) {
            for (int i = 0; i < 8; i++) out.write((int) (v >>> (8 * i)));
        }
    }

    /** Reads a chunk, checking every length against what is left. */
    private static final class Reader {
        private final byte[] b;
        private final String name;
        private final StringPool pool;
        private int pos;

        Reader(byte[] b, String name, StringPool pool) {
            this.b = b;
            this.name = name;
            this.pool = pool;
        }

        void header() {
            for (byte s : SIGNATURE) if (u8() != (s & 0xFF)) throw bad("not a binary chunk");
            if (u8() != VERSION) throw bad("version mismatch");
            if (u8() != FORMAT) throw bad("format mismatch");
            for (byte d : DATA) if (u8() != (d & 0xFF)) throw bad("corrupted chunk");
            if (u8() != 4) throw bad("Instruction size mismatch");
            if (u8() != 8) throw bad("lua_Integer size mismatch");
            if (u8() != 8) throw bad("lua_Number size mismatch");
            if (fixedLong() != CHECK_INTEGER) throw bad("integer format mismatch");
            if (Double.longBitsToDouble(fixedLong()) != CHECK_NUMBER) throw bad("float format mismatch");
        }

        Proto function(LuaString parentSource) {
            LuaString source = string();
            if (source == null) source = parentSource != null ? parentSource : LuaString.of("=?");
            int lineDefined = count();
            int lastLineDefined = count();
            int numParams = u8();
            boolean isVararg = u8() != 0;
            int maxStackSize = u8();
            int[] code = new int[count(4)];
            for (int i = 0; i < code.length; i++) code[i] = fixedInt();
            Object[] constants = new Object[count(1)];
            for (int i = 0; i < constants.length; i++) constants[i] = constant();
            int nups = count(2);
            boolean[] inStack = new boolean[nups];
            int[] index = new int[nups];
            for (int i = 0; i < nups; i++) {
                inStack[i] = u8() != 0;
                index[i] = u8();
            }
            Proto[] protos = new Proto[count(1)];
            for (int i = 0; i < protos.length; i++) protos[i] = function(source);
            int[] lines = new int[count(1)];
            int line = lineDefined;
            for (int i = 0; i < lines.length; i++) {
                line += zigzag();
                lines[i] = line;
            }
            Proto.LocalVarInfo[] locals = new Proto.LocalVarInfo[count(3)];
            for (int i = 0; i < locals.length; i++) {
                locals[i] = new Proto.LocalVarInfo(string(), count(), count());
            }
            int nnames = count(1);
            if (nnames != 0 && nnames != nups) throw bad("corrupted chunk");
            Proto.UpvalueDesc[] upvalues = new Proto.UpvalueDesc[nups];
            for (int i = 0; i < nups; i++) {
                upvalues[i] = new Proto.UpvalueDesc(nnames == 0 ? null : string(), inStack[i], index[i]);
            }
            if (lines.length != 0 && lines.length != code.length) throw bad("corrupted chunk");
            return new Proto(code, constants, protos, upvalues, numParams, isVararg, maxStackSize,
                    lines, locals, source, lineDefined, lastLineDefined);
        }

        Object constant() {
            switch (u8()) {
                case TAG_NIL: return null;
                case TAG_FALSE: return Boolean.FALSE;
                case TAG_TRUE: return Boolean.TRUE;
                case TAG_INTEGER: return fixedLong();
                case TAG_FLOAT: return Double.longBitsToDouble(fixedLong());
                case TAG_STRING: {
                    LuaString s = string();
                    if (s == null) throw bad("corrupted chunk");
                    return s;
                }
                default: throw bad("corrupted chunk");
            }
        }

        LuaString string() {
            long n = varint();
            if (n == 0) return null;
            int len = checkLength(n - 1, 1);
            LuaString s = pool.intern(b, pos, len);
            pos += len;
            return s;
        }

        /** A count of items each at least {@code minBytes} long, checked against what is left. */
        int count(int minBytes) {
            return checkLength(varint(), minBytes);
        }

        /** A non-negative number that fits an int. */
        int count() {
            long v = varint();
            if (v > Integer.MAX_VALUE) throw bad("corrupted chunk");
            return (int) v;
        }

        private int checkLength(long n, int minBytes) {
            if (n < 0 || n * minBytes > b.length - pos) throw bad("truncated chunk");
            return (int) n;
        }

        int zigzag() {
            int z = (int) varint();
            return (z >>> 1) ^ -(z & 1);
        }

        long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int c = u8();
                if (shift > 63) throw bad("corrupted chunk");
                v |= (long) (c & 0x7F) << shift;
                if ((c & 0x80) == 0) return v;
            }
        }

        int fixedInt() {
            int v = 0;
            for (int i = 0; i < 4; i++) v |= u8() << (8 * i);
            return v;
        }

        long fixedLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) v |= (long) u8() << (8 * i);
            return v;
        }

        int u8() {
            if (pos >= b.length) throw bad("truncated chunk");
            return b[pos++] & 0xFF;
        }

        private LuaError bad(String why) {
            return new LuaError(name + ": bad binary format (" + why + ")");
        }
    }
}
