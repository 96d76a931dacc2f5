package dev.moonlet.lib;

import dev.moonlet.compiler.BinaryChunk;
import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Closure;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Sequence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Compiling chunks for {@code load}, {@code loadfile} and {@code dofile} (lauxlib's
 * {@code luaL_loadbufferx} and {@code luaL_loadfilex}, lbaselib's {@code generic_reader}).
 *
 * <p>{@link #readFile} is public for the {@code moonlet} command, which reads its script as
 * {@code lua} does:
 * <pre>{@code
 * byte[] source = ChunkLoader.readFile("script.lua");   // a leading "#!" line blanked
 * }</pre>
 *
 * <p>Compiling charges fuel in proportion to the chunk's size. A chunk read from a reader
 * function is gathered by a {@link Reader} sequence, which calls the reader as the executor
 * allows: the reader may yield, and its errors make {@code load} fail rather than raise.
 */
public final class ChunkLoader {
    /** Source bytes per unit of fuel charged for compiling. */
    private static final int BYTES_PER_FUEL = 16;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** The registry key whose true value makes every loader refuse binary chunks. */
    private static final LuaString TEXT_ONLY_KEY = LuaString.of("_MOONLET_TEXT_CHUNKS_ONLY");

    private ChunkLoader() {}

    /**
     * Makes {@code load}, {@code loadfile}, {@code dofile} and {@code require} of
     * {@code instance} refuse binary chunks whatever mode they are given, as a sandbox wants:
     * a crafted binary chunk is not checked the way source is. (The flag lives in the
     * registry, which only {@code debug.getregistry} reaches.)
     */
    public static void refuseBinaryChunks(Instance instance) {
        instance.registry().put(TEXT_ONLY_KEY, true);
    }

    /**
     * Compiles {@code source} named {@code chunkName} in {@code mode}; with {@code hasEnv}, its
     * first upvalue becomes {@code env} (even nil), as {@code load}'s fourth argument does.
     *
     * @throws LuaError the syntax error or the mode error, as {@code load} returns it
     */
    static Closure compile(Coroutine co, byte[] source, LuaString chunkName, String mode, boolean hasEnv, Object env) {
        co.fuel().consume(source.length / BYTES_PER_FUEL + 1);
        boolean binary = source.length > 0 && source[0] == BinaryChunk.SIGNATURE_BYTE;
        if (binary && co.instance().registry().get(TEXT_ONLY_KEY) != null) {
            throw new LuaError("attempt to load a binary chunk (mode is 't')");
        }
        Closure f = co.instance().load(source, chunkName, mode, null);
        if (hasEnv && f.upvalueCount() > 0) f.setUpvalue(0, env);
        return f;
    }

    /** What {@code load} returns for a chunk that failed to load: fail and the message. */
    static Object[] failure(LuaError e) {
        return new Object[] {null, e.value()};
    }

    /**
     * The contents of the file {@code name} (standard input when null), as
     * {@code luaL_loadfilex} reads them: a first line starting with {@code #} is blanked, its
     * newline kept so that line numbers stay right, and a UTF-8 byte-order mark is skipped.
     *
     * @throws LuaError {@code "cannot open NAME: REASON"} or {@code "cannot read NAME: REASON"}
     */
    public static byte[] readFile(String name) {
        return readFile(name, Heap.MAX_STRING_LENGTH);
    }

    /**
     * {@link #readFile(String)} for a script's {@code loadfile}, {@code dofile} or
     * {@code require}: a file longer than {@code heap}'s whole limit (which it could never
     * load) is refused with {@code "not enough memory"} once that much is read, so that no
     * file, not even an endless one such as {@code /dev/zero}, is read whole into the JVM.
     */
    static byte[] readFile(String name, Heap heap) {
        return readFile(name, Math.min(heap.limit(), Heap.MAX_STRING_LENGTH));
    }

    private static byte[] readFile(String name, long maxBytes) {
        String shown = name == null ? "stdin" : name;
        try {
            // fopen("") fails with ENOENT, where Path.of("") would be the current directory.
            if (name != null && name.isEmpty()) throw new NoSuchFileException(name);
            if (name == null) return skipPrefix(readAtMost(System.in, maxBytes));
            try (InputStream in = Files.newInputStream(Path.of(name))) {
                return skipPrefix(readAtMost(in, maxBytes));
            }
        } catch (NoSuchFileException e) {
            throw new LuaError("cannot open " + shown + ": No such file or directory");
        } catch (AccessDeniedException e) {
            throw new LuaError("cannot open " + shown + ": Permission denied");
        } catch (InvalidPathException e) {
            throw new LuaError("cannot open " + shown + ": Invalid argument");
        } catch (IOException e) {
            // What fopen lets through but reading refuses, a directory for one.
            String reason = e.getMessage() != null && e.getMessage().contains("Is a directory")
                    ? "Is a directory" : String.valueOf(e.getMessage());
            throw new LuaError("cannot read " + shown + ": " + reason);
        }
    }

    /** All of {@code in}, or {@code "not enough memory"} once more than {@code maxBytes} are read. */
    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(maxBytes + 1, Heap.MAX_STRING_LENGTH));
        if (b.length > maxBytes) throw Heap.outOfMemory();
        return b;
    }

    private static byte[] skipPrefix(byte[] b) {
        int start = startsWith(b, UTF8_BOM) ? UTF8_BOM.length : 0;
        if (start < b.length && b[start] == '#') {
            int end = start;
            while (end < b.length && b[end] != '\n') end++;
            // A binary chunk may follow the comment line: then its newline goes too.
            if (end + 1 < b.length && b[end + 1] == BinaryChunk.SIGNATURE_BYTE) end++;
            // The comment line becomes empty: its newline stays, so line numbers do not move.
            return Arrays.copyOfRange(b, end, b.length);
        }
        return start == 0 ? b : Arrays.copyOfRange(b, start, b.length);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) return false;
        }
        return true;
    }

    /**
     * {@code load} with a reader function: calls it until it returns nil or an empty string,
     * gathering the pieces, then compiles them. Results as {@code load}'s: the chunk, or fail
     * and a message (also when the reader raises an error or returns a non-string).
     */
    static final class Reader implements Sequence {
        @Override
        public void trace(Marker m) {
            m.mark(reader);
            m.mark(chunkName);
            m.mark(env);
        }

        private final Object reader;
        private final LuaString chunkName;
        private final String mode;
        private final boolean hasEnv;
        private final Object env;
        /** The pieces so far, charged to the instance as they come; made by the first poll. */
        private LuaBuffer source;

        Reader(Object reader, LuaString chunkName, String mode, boolean hasEnv, Object env) {
            this.reader = reader;
            this.chunkName = chunkName;
            this.mode = mode;
            this.hasEnv = hasEnv;
            this.env = env;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (source != null) {
                LuaString piece;
                try {
                    piece = piece(co, results.length > 0 ? results[0] : null);
                } catch (LuaError e) {
                    return new Action.Return(failure(e));
                }
                if (piece == null || piece.length() == 0) return finish(co);
                co.fuel().consume(piece.length() / BYTES_PER_FUEL + 1);
                source.append(piece);
            } else {
                source = new LuaBuffer(co.instance().heap(), 16);
            }
            return new Action.Call(reader, new Object[0]);
        }

        /** The reader's errors make {@code load} fail with the error value. */
        @Override
        public Action error(Coroutine co, LuaError error) {
            return new Action.Return(failure(error));
        }

        /** A reader's result as a piece of source; null at the end. */
        private static LuaString piece(Coroutine co, Object r) {
            if (r == null || r instanceof LuaString) return (LuaString) r;
            if (r instanceof Long) return LuaNumber.toLuaString((Long) r);
            if (r instanceof Double) return LuaNumber.toLuaString((Double) r);
            throw Library.error(co, "reader function must return a string");
        }

        private Action finish(Coroutine co) {
            try {
                return new Action.Return(new Object[] {compile(co, source.toLuaString().rawBytes(), chunkName, mode, hasEnv, env)});
            } catch (LuaError e) {
                return new Action.Return(failure(e));
            }
        }
    }
}
