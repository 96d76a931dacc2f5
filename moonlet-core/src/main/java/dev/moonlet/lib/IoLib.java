package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import java.io.IOException;
import java.nio.file.InvalidPathException;

/**
 * The {@code io} library (manual §6.8), as liolib.c on a POSIX system. File handles are
 * described in {@link FileHandle}; reading in {@link FileRead}.
 *
 * <p>Where Moonlet differs, and why:
 * <ul>
 *   <li>{@code io.stdout} writes to the instance's output ({@link Instance#output()}), the
 *       sink {@code print} uses, so the two interleave in order; {@code io.stderr} to
 *       {@link Instance#errorOutput()}; {@code io.stdin} reads {@link System#in}, and flushes
 *       the output before it waits for input. Seeking a standard stream fails with
 *       {@code "Illegal seek"}, as for a pipe.</li>
 *   <li>{@code io.popen} is off: after checking its arguments it raises
 *       {@code "'popen' not supported"}, as a Lua built without POSIX does. Scripts start no
 *       process.</li>
 *   <li>Files left open are tracked by {@link OpenFiles}: a host done with an instance calls
 *       {@link #closeFiles} so that their buffered output is written, as {@code lua_close}
 *       does.</li>
 * </ul>
 */
public final class IoLib {
    private static final String NAME = "io";
    /** Registry keys of the default input and output handles, as in liolib.c. */
    private static final LuaString INPUT = LuaString.of("_IO_input");
    private static final LuaString OUTPUT = LuaString.of("_IO_output");

    private IoLib() {}

    /**
     * Opens the library in {@code instance}: the global {@code io}, {@code package.loaded.io},
     * the handles' metatable and the standard streams, which are the default input and output.
     */
    public static void open(Instance instance) {
        LuaTable io = new LuaTable(instance.heap());
        Library.define(instance, io, NAME, Function.values());
        FileHandle.createMetatable(instance);
        OpenFiles.create(instance);
        Userdata stdin = FileHandle.wrap(instance, new StandardInput(instance));
        Userdata stdout = FileHandle.wrap(instance, new StandardOutput(instance, false));
        Library.set(instance, io, "stdin", stdin);
        Library.set(instance, io, "stdout", stdout);
        Library.set(instance, io, "stderr", FileHandle.wrap(instance, new StandardOutput(instance, true)));
        instance.registry().put(INPUT, stdin);
        instance.registry().put(OUTPUT, stdout);
        Library.install(instance, NAME, io);
    }

    /** The functions of {@code io}, each named as its constant in lower case (see {@link Library#define}). */
    private enum Function implements Builtin.Body {
        CLOSE, FLUSH, INPUT, LINES, OPEN, OUTPUT, POPEN, READ, TMPFILE, TYPE, WRITE;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case CLOSE -> IoLib.close(co, args);
                case FLUSH -> IoLib.flush(co, args);
                case INPUT -> IoLib.input(co, args);
                case LINES -> IoLib.lines(co, args);
                case OPEN -> IoLib.open(co, args);
                case OUTPUT -> IoLib.output(co, args);
                case POPEN -> IoLib.popen(co, args);
                case READ -> IoLib.read(co, args);
                case TMPFILE -> IoLib.tmpfile(co, args);
                case TYPE -> IoLib.type(co, args);
                case WRITE -> IoLib.write(co, args);
            };
        }
    }

    /**
     * Closes every file the scripts of {@code instance} left open, writing their buffered
     * output, and flushes the instance's output, as {@code lua_close} does when it collects
     * them. A host calls it when it is done with the instance (the {@code moonlet} command
     * does before it exits); the instance may go on, and files it opens later are tracked
     * again.
     *
     * <pre>{@code
     * lua.run("io.open('out.txt', 'w'):write('kept')");
     * IoLib.closeFiles(lua.instance());   // out.txt now holds "kept"
     * }</pre>
     */
    public static void closeFiles(Instance instance) {
        OpenFiles open = OpenFiles.of(instance);
        if (open != null) open.closeAll();
        try {
            instance.output().flush();
        } catch (IOException e) {
            // As at exit in C: a failing standard output is not reported.
        }
    }

    // ------------------------------------------------------------------ builtins

    /** {@code io.close([file])}: closes the file, or the default output when none is given. */
    public static Object close(Coroutine co, Object[] args) {
        Object[] file = args.length == 0 ? new Object[] {registry(co).get(OUTPUT)} : args;
        return FileHandle.close(co, file);
    }

    /** {@code io.flush()}: flushes the default output; true, or fail, message and errno. */
    public static Object flush(Coroutine co, Object[] args) {
        try {
            defaultFile(co, OUTPUT, registry(co).get(OUTPUT)).flush();
            return true;
        } catch (IOException e) {
            return SystemError.of(e).result(null);
        }
    }

    /** {@code io.input([file])}: sets the default input to a handle or a file opened for reading; answers it. */
    public static Object input(Coroutine co, Object[] args) {
        return defaultHandle(co, args, INPUT, "r");
    }

    /** {@code io.output([file])}: sets the default output to a handle or a file opened for writing; answers it. */
    public static Object output(Coroutine co, Object[] args) {
        return defaultHandle(co, args, OUTPUT, "w");
    }

    /**
     * {@code io.lines([filename, ...])}: an iterator over the formats read from the file, or
     * from the default input. A file it opens is closed at the end, and returned as the
     * fourth value so that a generic {@code for} closes it when the loop is left early.
     */
    public static Object lines(Coroutine co, Object[] args) {
        if (Args.isNoneOrNil(args, 0)) {
            Object handle = registry(co).get(INPUT);
            LuaFile file = FileHandle.checkFile(co, new Object[] {handle}, 0);
            return LinesIterator.over(file, args, 1, false);
        }
        LuaString name = Args.checkString(args, 0);
        Userdata handle = openChecked(co, name, "r");
        return new Object[] {LinesIterator.over((LuaFile) handle.payload(), args, 1, true), null, null, handle};
    }

    /**
     * {@code io.open(filename [, mode])}: a handle on the file, or fail, message and errno.
     * The mode is {@code "r"} (the default), {@code "w"} or {@code "a"}, maybe followed by
     * {@code "+"}, then any number of {@code "b"}.
     */
    public static Object open(Coroutine co, Object[] args) {
        LuaString name = Args.checkString(args, 0);
        String mode = FileName.of(Args.optString(args, 1, LuaString.of("r")));
        if (!validMode(mode)) throw Args.error(1, "invalid mode");
        try {
            return openFile(co, name, mode);
        } catch (IOException e) {
            return SystemError.of(e).result(FileName.toLua(FileName.of(name)));
        }
    }

    /** {@code io.popen(prog [, mode])}: off in Moonlet; raises {@code "'popen' not supported"}. */
    public static Object popen(Coroutine co, Object[] args) {
        Args.checkString(args, 0);
        String mode = FileName.of(Args.optString(args, 1, LuaString.of("r")));
        if (!mode.equals("r") && !mode.equals("w")) throw Args.error(1, "invalid mode");
        throw Library.error(co, "'popen' not supported");
    }

    /** {@code io.read(...)}: {@code file:read} on the default input. */
    public static Object read(Coroutine co, Object[] args) {
        return FileRead.read(co, defaultFile(co, INPUT, registry(co).get(INPUT)), args, 1);
    }

    /** {@code io.tmpfile()}: a handle on a new temporary file, removed when closed. */
    public static Object tmpfile(Coroutine co, Object[] args) {
        try {
            co.instance().heap().charge(FileHandle.BYTES);
            return track(co.instance(), ChannelFile.temporary());
        } catch (IOException e) {
            return SystemError.of(e).result(null);
        }
    }

    /** {@code io.type(obj)}: {@code "file"}, {@code "closed file"}, or fail when obj is no file handle. */
    public static Object type(Coroutine co, Object[] args) {
        Args.checkAny(args, 0);
        LuaFile file = FileHandle.streamOf(co.instance(), args[0]);
        if (file == null) return null;
        return LuaString.of(file.isClosed() ? "closed file" : "file");
    }

    /** {@code io.write(...)}: {@code file:write} on the default output; answers that file. */
    public static Object write(Coroutine co, Object[] args) {
        Object handle = registry(co).get(OUTPUT);
        return FileHandle.write(co, defaultFile(co, OUTPUT, handle), args, 0, handle);
    }

    // ------------------------------------------------------------------ default files and opening

    private static LuaTable registry(Coroutine co) {
        return co.instance().registry();
    }

    /** The open stream of {@code handle}, the default input or output ({@code getiofile}). */
    private static LuaFile defaultFile(Coroutine co, LuaString key, Object handle) {
        LuaFile file = FileHandle.streamOf(co.instance(), handle);
        if (file == null || file.isClosed()) {
            String which = key == INPUT ? "input" : "output";
            throw Library.error(co, "default " + which + " file is closed");
        }
        return file;
    }

    /** {@code io.input} and {@code io.output} ({@code g_iofile}). */
    private static Object defaultHandle(Coroutine co, Object[] args, LuaString key, String mode) {
        LuaTable registry = registry(co);
        if (!Args.isNoneOrNil(args, 0)) {
            Object v = args[0];
            if (v instanceof LuaString || v instanceof Long || v instanceof Double) {
                registry.put(key, openChecked(co, Args.checkString(args, 0), mode));
            } else {
                FileHandle.checkFile(co, args, 0);
                registry.put(key, v);
            }
        }
        return registry.get(key);
    }

    /** Opens a file or raises {@code "cannot open file 'name' (reason)"} ({@code opencheck}). */
    private static Userdata openChecked(Coroutine co, LuaString name, String mode) {
        try {
            return openFile(co, name, mode);
        } catch (IOException e) {
            String message = "cannot open file '" + FileName.of(name) + "' (" + SystemError.of(e).text() + ")";
            throw new StringError(message).at(co);
        }
    }

    /**
     * Opens the file {@code name} (up to its first zero byte, as C sees it) with a valid mode;
     * charges a unit of fuel per file already open, which {@link OpenFiles#beforeOpen} visits.
     */
    private static Userdata openFile(Coroutine co, LuaString name, String mode) throws IOException {
        Instance instance = co.instance();
        OpenFiles open = OpenFiles.of(instance);
        if (open != null) co.fuel().consume(open.beforeOpen());
        String path = FileName.of(name);
        if (path.isEmpty()) throw new SystemError.Failure(SystemError.NO_SUCH_FILE);
        instance.heap().charge(FileHandle.BYTES);
        try {
            return track(instance, ChannelFile.open(FileName.path(path), mode));
        } catch (InvalidPathException e) {
            throw new SystemError.Failure(SystemError.INVALID_ARGUMENT);
        }
    }

    /** A handle on the newly opened {@code file}, which is recorded as open. */
    private static Userdata track(Instance instance, LuaFile file) {
        Userdata handle = FileHandle.wrap(instance, file);
        OpenFiles open = OpenFiles.of(instance);
        if (open != null) open.add(handle, file);
        return handle;
    }

    /** Whether {@code mode} matches {@code [rwa]%+?b*} ({@code l_checkmode}). */
    private static boolean validMode(String mode) {
        if (mode.isEmpty() || "rwa".indexOf(mode.charAt(0)) < 0) return false;
        int i = mode.length() > 1 && mode.charAt(1) == '+' ? 2 : 1;
        for (; i < mode.length(); i++) {
            if (mode.charAt(i) != 'b') return false;
        }
        return true;
    }
}
