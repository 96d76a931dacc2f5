package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.ArgumentError;
import dev.moonlet.vm.Coroutine;
import java.io.IOException;
import java.util.Arrays;

/**
 * {@code file:read}, {@code io.read} and the iterators of {@code lines} (liolib's
 * {@code g_read}): reads each format in turn ({@code "n"}, {@code "l"}, {@code "L"},
 * {@code "a"} or a count; a leading {@code '*'} is allowed), one result each, stopping at the
 * first that fails, whose result is then nil. No format means {@code "l"}. A system error
 * makes the results {@code nil, message, errno}.
 *
 * <p>Reading is bounded: it moves at most {@value #CHUNK} bytes between looks at the fuel
 * (charged at one unit per {@value #BYTES_PER_FUEL} bytes), and when the fuel is spent the
 * read pauses and goes on in the next step, so reading a huge file with {@code "a"} or a huge
 * line never holds a step for long. A read that fits in one step returns at once, without a
 * sequence frame.
 */
final class FileRead extends InlineSequence {
    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.markAll(formats);
        m.markAll(values);
        m.mark(lines);
    }

    /** The most bytes moved between two looks at the fuel. */
    private static final int CHUNK = 1 << 16;
    /** Bytes read per unit of fuel. */
    private static final int BYTES_PER_FUEL = 64;
    /** What a step answers when the current format needs more steps. */
    private static final Object INCOMPLETE = new Object();
    /** The format used when none is given. */
    private static final Object[] DEFAULT_FORMAT = {LuaString.of("l")};

    private final LuaFile file;
    private final Object[] formats;
    /** The argument number of {@code formats[0]}, for error messages. */
    private final int firstArgument;
    /** The iterator this read serves, which judges its results; null for {@code read}. */
    private final LinesIterator lines;
    private final Object[] values;
    /** How many formats are done. */
    private int done;
    /** The current format: 0 before it is decoded, else {@code 'n' 'l' 'L' 'a'} or {@code '#'} (a count). */
    private char kind;
    /** The bytes read so far for the current format. */
    private LuaBuffer text;
    /** For a count: how many bytes are still wanted. */
    private long wanted;
    /** For {@code "n"}: whether the leading white space is gone. */
    private boolean spacesSkipped;

    /**
     * A read of {@code formats} (none means one {@code "l"}) from {@code file}.
     *
     * @param firstArgument the argument number messages give {@code formats[0]}
     * @param lines the iterator whose read this is, or null
     */
    FileRead(LuaFile file, Object[] formats, int firstArgument, LinesIterator lines) {
        this.file = file;
        this.formats = formats.length == 0 ? DEFAULT_FORMAT : formats;
        this.firstArgument = firstArgument;
        this.lines = lines;
        this.values = new Object[this.formats.length];
    }

    /** {@code read}'s results for {@code formats}: at once, or a sequence that finishes the read. */
    static Object read(Coroutine co, LuaFile file, Object[] formats, int firstArgument) {
        LuaString line = quickLine(co, file, formats);
        return line != null ? line : new FileRead(file, formats, firstArgument, null).start(co);
    }

    /**
     * The common case made cheap: when the formats ask for one line without its newline and
     * that line is already buffered whole, the line, consumed; else null, nothing consumed.
     */
    static LuaString quickLine(Coroutine co, LuaFile file, Object[] formats) {
        if (formats.length > 1 || (formats.length == 1 && !isLineFormat(formats[0]))) return null;
        LuaString line = file.bufferedLine(co.instance().heap(), false);
        if (line != null) charge(co, line.length());
        return line;
    }

    private static boolean isLineFormat(Object format) {
        return format instanceof LuaString s && s.length() == 1 && s.byteAt(0) == 'l';
    }

    @Override
    protected Action advance(Coroutine co, Object[] results) {
        for (;;) {
            Object v;
            try {
                v = step(co);
            } catch (IOException e) {
                return new Action.Return(finish(co, SystemError.of(e).result(null)));
            }
            if (v == INCOMPLETE) {
                if (co.fuel().exhausted()) return pause();
                continue;
            }
            values[done++] = v;
            kind = 0;
            text = null;
            spacesSkipped = false;
            if (v == null || done == values.length) return new Action.Return(finish(co, Arrays.copyOf(values, done)));
        }
    }

    private Object[] finish(Coroutine co, Object[] results) {
        return lines == null ? results : lines.finish(co, results);
    }

    /** Reads some of the current format: its value, null if it failed, or {@link #INCOMPLETE}. */
    private Object step(Coroutine co) throws IOException {
        if (kind == 0) kind = decode(formats[done], firstArgument + done);
        return switch (kind) {
            case 'n' -> number(co);
            case 'l', 'L' -> line(co);
            case 'a' -> all(co);
            default -> count(co);
        };
    }

    /** The kind of a format argument, checked as {@code g_read} checks it; sets {@link #wanted} for a count. */
    private char decode(Object format, int argument) {
        if (format instanceof Long || format instanceof Double) {
            Long n = Args.toInteger(format);
            if (n == null) throw new ArgumentError(argument, "number has no integer representation");
            // C reads the count as a size_t: a negative one is a request no memory can hold.
            if (n < 0 || n > Heap.MAX_STRING_LENGTH) throw new LuaError("not enough memory");
            wanted = n;
            return '#';
        }
        if (!(format instanceof LuaString s)) {
            throw new ArgumentError(argument, "string expected, got " + Args.objectTypeName(format));
        }
        int i = s.length() > 0 && s.byteAt(0) == '*' ? 1 : 0;
        int c = i < s.length() ? s.byteAt(i) : 0;
        if (c != 'n' && c != 'l' && c != 'L' && c != 'a') throw new ArgumentError(argument, "invalid format");
        return (char) c;
    }

    private static void charge(Coroutine co, long bytes) {
        co.fuel().consume(bytes / BYTES_PER_FUEL + 1);
    }

    private Object number(Coroutine co) throws IOException {
        if (!spacesSkipped) {
            int skipped = NumberReader.skipSpaces(file, CHUNK);
            charge(co, skipped);
            if (skipped == CHUNK) return INCOMPLETE;
            spacesSkipped = true;
        }
        charge(co, NumberReader.MAX_LENGTH);
        return NumberReader.read(file);
    }

    private Object line(Coroutine co) throws IOException {
        boolean keep = kind == 'L';
        if (text == null) {
            if (file.peek() < 0) return null;
            LuaString whole = file.bufferedLine(co.instance().heap(), keep);
            if (whole != null) {
                charge(co, whole.length());
                return whole;
            }
            text = new LuaBuffer(co.instance().heap(), LuaFile.BUFFER_SIZE);
        }
        int start = text.length();
        int status = file.readLine(text, CHUNK);
        charge(co, text.length() - start);
        if (status == LuaFile.MORE) return INCOMPLETE;
        if (status == LuaFile.NEWLINE && keep) text.append('\n');
        return status == LuaFile.NEWLINE || text.length() > 0 ? text.toLuaString() : null;
    }

    private Object all(Coroutine co) throws IOException {
        if (text == null) text = new LuaBuffer(co.instance().heap(), LuaFile.BUFFER_SIZE);
        int moved = 0;
        while (moved < CHUNK) {
            int n = file.read(text, CHUNK - moved);
            if (n == 0) {
                charge(co, moved);
                return text.toLuaString();
            }
            moved += n;
        }
        charge(co, moved);
        return INCOMPLETE;
    }

    /** {@code read(n)}: up to {@code n} bytes, failing only when none is left; {@code read(0)} tests for the end. */
    private Object count(Coroutine co) throws IOException {
        if (wanted == 0 && text == null) return file.peek() < 0 ? null : LuaString.EMPTY;
        if (text == null) text = new LuaBuffer(co.instance().heap(), (int) Math.min(wanted, LuaFile.BUFFER_SIZE));
        int moved = 0;
        while (wanted > 0 && moved < CHUNK) {
            int n = file.read(text, (int) Math.min(wanted, CHUNK - moved));
            if (n == 0) break;
            moved += n;
            wanted -= n;
        }
        charge(co, moved);
        if (wanted > 0 && moved == CHUNK) return INCOMPLETE;
        return text.length() > 0 ? text.toLuaString() : null;
    }
}
