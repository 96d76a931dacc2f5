package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.NumberFormat;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * File handles: userdata wrapping a {@link LuaFile}, whose metatable (the registry's
 * {@code "FILE*"}, with {@code __name = "FILE*"}) gives them the methods {@code close flush
 * lines read seek setvbuf write} and the metamethods {@code __gc}, {@code __close} (both
 * close the file unless it is a standard one) and {@code __tostring}
 * ({@code "file (0x...)"} or {@code "file (closed)"}).
 *
 * <pre>{@code
 * Userdata h = FileHandle.wrap(instance, ChannelFile.open(path, "r"));
 * }</pre>
 */
final class FileHandle {
    /** The registry key of the handles' metatable, and their {@code __name}. */
    static final LuaString TYPE = LuaString.of("FILE*");
    /** Bytes written per unit of fuel. */
    private static final int BYTES_PER_FUEL = 64;
    private static final String[] WHENCE = {"set", "cur", "end"};
    private static final String[] BUFFERING = {"no", "full", "line"};

    private FileHandle() {}

    /** Creates the handles' metatable in {@code instance}'s registry. */
    static void createMetatable(Instance instance) {
        LuaTable methods = new LuaTable(instance.heap());
        for (Method m : Method.values()) {
            String name = Library.luaName(m);
            Library.set(instance, methods, name, Builtin.of("file:" + name, m));
        }
        LuaTable mt = new LuaTable(instance.heap());
        Library.set(instance, mt, "__name", TYPE);
        Library.set(instance, mt, "__index", methods);
        Builtin gc = Builtin.of("file:__gc", Metamethod.GC);
        Library.set(instance, mt, "__gc", gc);
        Library.set(instance, mt, "__close", gc);
        Library.set(instance, mt, "__tostring", Builtin.of("file:__tostring", Metamethod.TOSTRING));
        instance.registry().put(TYPE, mt);
    }

    /** The methods of handles, each named as its constant in lower case (see {@link Library#define}). */
    private enum Method implements Builtin.Body {
        CLOSE, FLUSH, LINES, READ, SEEK, SETVBUF, WRITE;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case CLOSE -> FileHandle.close(co, args);
                case FLUSH -> FileHandle.flush(co, args);
                case LINES -> FileHandle.lines(co, args);
                case READ -> FileHandle.read(co, args);
                case SEEK -> FileHandle.seek(co, args);
                case SETVBUF -> FileHandle.setvbuf(co, args);
                case WRITE -> FileHandle.write(co, args);
            };
        }
    }

    /** The metamethods of handles: {@code __gc} (also their {@code __close}) and {@code __tostring}. */
    private enum Metamethod implements Builtin.Body {
        GC, TOSTRING;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return this == GC ? gc(co, args) : tostring(co, args);
        }
    }

    /**
     * What a handle a script opens is charged, with its read-ahead buffer: charged before the
     * file is opened, so that a refusal leaves nothing open.
     */
    static final long BYTES = Heap.USERDATA_BYTES + Heap.stringBytes(LuaFile.BUFFER_SIZE);

    /** A new handle for {@code file}. */
    static Userdata wrap(Instance instance, LuaFile file) {
        Userdata handle = new Userdata(file);
        // A script may have replaced the registry's entry (debug.getregistry): handles then have none.
        handle.setMetatable(instance.registry().get(TYPE) instanceof LuaTable mt ? mt : null);
        return handle;
    }

    /** The stream of {@code v} if it is a file handle, open or closed ({@code luaL_testudata}); else null. */
    static LuaFile streamOf(Instance instance, Object v) {
        if (v instanceof Userdata u && u.payload() instanceof LuaFile file
                && u.metatable() != null && u.metatable() == instance.registry().get(TYPE)) {
            return file;
        }
        return null;
    }

    /** Argument {@code i} as a file handle, open or closed ({@code tolstream}). */
    static LuaFile checkStream(Coroutine co, Object[] args, int i) {
        LuaFile file = streamOf(co.instance(), Args.arg(args, i));
        if (file == null) throw Args.typeError(args, i, "FILE*");
        return file;
    }

    /** Argument {@code i} as an open file handle ({@code tofile}). */
    static LuaFile checkFile(Coroutine co, Object[] args, int i) {
        LuaFile file = checkStream(co, args, i);
        if (file.isClosed()) throw Library.error(co, "attempt to use a closed file");
        return file;
    }

    /**
     * Closes {@code file} ({@code aux_close}): true, or fail, message and errno; a standard
     * stream stays open and answers fail and {@code "cannot close standard file"}.
     */
    static Object closeFile(Instance instance, LuaFile file) {
        if (file.isStandard()) return new Object[] {null, LuaString.of("cannot close standard file")};
        OpenFiles open = OpenFiles.of(instance);
        if (open != null) open.remove(file);
        try {
            file.close();
            return true;
        } catch (IOException e) {
            return SystemError.of(e).result(null);
        }
    }

    /**
     * Writes {@code args[from..]} to {@code file} ({@code g_write}): strings as they are,
     * integers in decimal, floats as {@code "%.14g"}. Answers {@code result} (the handle
     * written to), or fail, message and errno.
     */
    static Object write(Coroutine co, LuaFile file, Object[] args, int from, Object result) {
        IOException failure = null;
        for (int i = from; i < args.length; i++) {
            byte[] bytes = bytesOf(args, i);
            co.fuel().consume(bytes.length / BYTES_PER_FUEL + 1);
            if (failure != null) continue;
            try {
                file.write(bytes, 0, bytes.length);
            } catch (IOException e) {
                failure = e;
            }
        }
        return failure == null ? result : SystemError.of(failure).result(null);
    }

    /** What {@code write} writes for argument {@code i}. */
    private static byte[] bytesOf(Object[] args, int i) {
        Object v = args[i];
        if (v instanceof Long n) return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
        if (v instanceof Double d) return NumberFormat.format(d, 'g', 14, false).getBytes(StandardCharsets.US_ASCII);
        return Args.checkString(args, i).rawBytes();
    }

    // ------------------------------------------------------------------ methods

    /** {@code file:close()}: closes the file; true, or fail, message and errno. */
    public static Object close(Coroutine co, Object[] args) {
        return closeFile(co.instance(), checkFile(co, args, 0));
    }

    /** {@code file:flush()}: writes the buffered output; true, or fail, message and errno. */
    public static Object flush(Coroutine co, Object[] args) {
        LuaFile file = checkFile(co, args, 0);
        try {
            file.flush();
            return true;
        } catch (IOException e) {
            return SystemError.of(e).result(null);
        }
    }

    /** {@code file:lines(...)}: an iterator reading the formats from the file, which stays open at the end. */
    public static Object lines(Coroutine co, Object[] args) {
        return LinesIterator.over(checkFile(co, args, 0), args, 1, false);
    }

    /** {@code file:read(...)}: see {@link FileRead}. */
    public static Object read(Coroutine co, Object[] args) {
        LuaFile file = checkFile(co, args, 0);
        return FileRead.read(co, file, formats(args, 1), 2);
    }

    /** The arguments from {@code from} on. */
    static Object[] formats(Object[] args, int from) {
        return args.length <= from ? Values.NONE : Arrays.copyOfRange(args, from, args.length);
    }

    /**
     * {@code file:seek([whence [, offset]])}: moves to {@code offset} from the start
     * ({@code "set"}), the current position ({@code "cur"}, the default) or the end
     * ({@code "end"}); answers the new position, or fail, message and errno.
     */
    public static Object seek(Coroutine co, Object[] args) {
        LuaFile file = checkFile(co, args, 0);
        int whence = Args.checkOption(args, 1, "cur", WHENCE);
        long offset = Args.optInteger(args, 2, 0);
        try {
            return file.seek(whence, offset);
        } catch (IOException e) {
            return SystemError.of(e).result(null);
        }
    }

    /** {@code file:setvbuf(mode [, size])}: {@code "no"}, {@code "full"} or {@code "line"} buffering of output; true. */
    public static Object setvbuf(Coroutine co, Object[] args) {
        LuaFile file = checkFile(co, args, 0);
        int mode = Args.checkOption(args, 1, null, BUFFERING);
        long size = Args.optInteger(args, 2, LuaFile.BUFFER_SIZE);
        try {
            file.setBuffering(LuaFile.Buffering.values()[mode], size);
            return true;
        } catch (IOException e) {
            return SystemError.of(e).result(null);
        }
    }

    /** {@code file:write(...)}: writes strings and numbers; answers the file, or fail, message and errno. */
    public static Object write(Coroutine co, Object[] args) {
        LuaFile file = checkFile(co, args, 0);
        return write(co, file, args, 1, args[0]);
    }

    /** {@code __gc} and {@code __close}: closes the file if it is still open (standard streams stay open). */
    public static Object gc(Coroutine co, Object[] args) {
        LuaFile file = checkStream(co, args, 0);
        if (!file.isClosed()) closeFile(co.instance(), file);
        return Values.NONE;
    }

    /** {@code __tostring}: {@code "file (closed)"} or {@code "file (0x...)"}. */
    public static Object tostring(Coroutine co, Object[] args) {
        LuaFile file = checkStream(co, args, 0);
        return LuaString.of(file.isClosed() ? "file (closed)" : "file (" + ToString.address(file) + ")");
    }
}
