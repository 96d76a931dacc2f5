package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import dev.moonlet.vm.BuiltinClosure;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Values;
import java.util.Arrays;

/**
 * The function {@code io.lines} and {@code file:lines} return (liolib's {@code io_readline}
 * closure): each call reads the formats it was made with from its file. A read error is
 * raised; at the end of the file it returns nothing, and closes the file if {@code io.lines}
 * opened it. Calling it after the file was closed raises {@code "file is already closed"}.
 */
final class LinesIterator extends BuiltinClosure {
    @Override
    public void trace(Marker m) {
        m.markAll(formats);
    }

    /** The most formats {@code lines} accepts ({@code MAXARGLINE}). */
    static final int MAX_FORMATS = 250;

    private final LuaFile file;
    private final Object[] formats;
    private final boolean closeAtEnd;

    private LinesIterator(LuaFile file, Object[] formats, boolean closeAtEnd) {
        super("io.lines.iterator");
        this.file = file;
        this.formats = formats;
        this.closeAtEnd = closeAtEnd;
    }

    /**
     * The iterator over {@code file} reading the formats {@code args[from..]}, closing the file
     * at the end if {@code closeAtEnd} ({@code aux_lines}).
     *
     * @throws dev.moonlet.vm.ArgumentError {@code "too many arguments"} beyond {@value #MAX_FORMATS} formats
     */
    static LinesIterator over(LuaFile file, Object[] args, int from, boolean closeAtEnd) {
        int n = Math.max(args.length - from, 0);
        if (n > MAX_FORMATS) throw Args.error(MAX_FORMATS + 1, "too many arguments");
        return new LinesIterator(file, n == 0 ? Values.NONE : Arrays.copyOfRange(args, from, args.length), closeAtEnd);
    }

    @Override
    public Object call(Coroutine co, Object[] args) {
        if (file.isClosed()) throw Library.error(co, "file is already closed");
        LuaString line = FileRead.quickLine(co, file, formats);
        // The formats are the arguments from #2 on, as io_readline hands them to g_read.
        return line != null ? line : new FileRead(file, formats, 2, this).start(co);
    }

    /** The iterator's results, given those of the read. */
    Object[] finish(Coroutine co, Object[] results) {
        Object first = results[0];
        if (first != null && !Boolean.FALSE.equals(first)) return results;
        if (results.length > 1) throw Library.error(co, ((LuaString) results[1]).toString());
        if (closeAtEnd) FileHandle.closeFile(co.instance(), file);
        return Values.NONE;
    }
}
