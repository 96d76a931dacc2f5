package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaString;
import java.io.IOException;

/**
 * The stream behind a file handle ({@code FILE*} in C): an open file, or one of the standard
 * streams. It keeps a read-ahead buffer, so that reading a line or a numeral costs no system
 * call per byte; subclasses supply the raw reads and writes, and buffer their own output.
 *
 * <p>Failures are {@link IOException}s, which the io library turns into
 * {@code nil, message, errno} ({@link SystemError#of}). Once {@link #close}d, a stream is
 * never used again: the library checks {@link #isClosed} first.
 */
abstract class LuaFile implements NumberReader.Input {
    /** {@code setvbuf} modes, in the order {@code file:setvbuf} names them. */
    enum Buffering {
        /** Every write goes out at once. */
        NO,
        /** Output goes out when the buffer is full (and on flush, seek, close). */
        FULL,
        /** As {@link #FULL}, and also whenever a newline is written. */
        LINE
    }

    /** The size of buffers (C's {@code BUFSIZ}), and the size {@code setvbuf} takes by default. */
    static final int BUFFER_SIZE = 8192;
    /** What {@link #readLine} answers: the line ended with a newline (consumed, not stored). */
    static final int NEWLINE = 1;
    /** What {@link #readLine} answers: the input ended. */
    static final int END = -1;
    /** What {@link #readLine} answers: {@code max} bytes were stored and the line goes on. */
    static final int MORE = 0;

    /** Read-ahead: the bytes {@code [pos, limit)} of {@code in} are the next ones to read. */
    private byte[] in = new byte[0];
    private int pos;
    private int limit;
    private boolean closed;

    /** Whether the handle is closed ({@code io.type} answers {@code "closed file"}). */
    final boolean isClosed() {
        return closed;
    }

    /** Whether this is a standard stream, which {@code close} refuses to close. */
    boolean isStandard() {
        return false;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public final int peek() throws IOException {
        if (pos == limit && !fill()) return -1;
        return in[pos] & 0xFF;
    }

    @Override
    public final void skip() {
        pos++;
    }

    /**
     * Moves up to {@code max} bytes into {@code out}; answers how many, 0 only at the end of
     * the input.
     */
    final int read(LuaBuffer out, int max) throws IOException {
        if (pos == limit && !fill()) return 0;
        int n = Math.min(max, limit - pos);
        out.append(in, pos, n);
        pos += n;
        return n;
    }

    /**
     * Moves the bytes of the current line into {@code out}, at most {@code max} of them: the
     * newline that ends it is consumed but not stored.
     *
     * @return {@link #NEWLINE}, {@link #END} or {@link #MORE}
     */
    final int readLine(LuaBuffer out, int max) throws IOException {
        int stored = 0;
        while (stored < max) {
            if (pos == limit && !fill()) return END;
            int end = Math.min(limit, pos + (max - stored));
            int nl = indexOfNewline(in, pos, end);
            int stop = nl < 0 ? end : nl;
            out.append(in, pos, stop - pos);
            stored += stop - pos;
            pos = stop;
            if (nl >= 0) {
                pos++;
                return NEWLINE;
            }
        }
        return MORE;
    }

    /**
     * The current line, when it is already buffered whole: its bytes (with the newline if
     * {@code keepNewline}), the newline consumed; else null and nothing consumed. The quick
     * path of {@code file:lines()}. The line is charged to {@code heap} before it is made.
     */
    final LuaString bufferedLine(Heap heap, boolean keepNewline) {
        int nl = indexOfNewline(in, pos, limit);
        if (nl < 0) return null;
        int length = nl - pos + (keepNewline ? 1 : 0);
        heap.chargeString(length);
        LuaString line = LuaString.copyOf(in, pos, length);
        pos = nl + 1;
        return line;
    }

    /** The index of the first newline in {@code b[from, to)}, or -1. */
    static int indexOfNewline(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    /** Refills the empty read-ahead buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        if (in.length == 0) in = new byte[BUFFER_SIZE]; // files only written never get one
        int n = readRaw(in, 0, in.length);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /**
     * Forgets the read-ahead (before a write or a seek): answers how many bytes were read
     * from the source but not yet by the script.
     */
    final int dropReadAhead() {
        int unread = limit - pos;
        pos = 0;
        limit = 0;
        return unread;
    }

    /**
     * Reads from the source into {@code b[off, off+len)}: how many bytes, or -1 at the end.
     * Called only when the read-ahead is empty.
     */
    abstract int readRaw(byte[] b, int off, int len) throws IOException;

    // ------------------------------------------------------------------ writing and the rest

    /** Writes {@code len} bytes of {@code b} from {@code off}, buffered as {@link #setBuffering} says. */
    abstract void write(byte[] b, int off, int len) throws IOException;

    /** Sends buffered output on. */
    abstract void flush() throws IOException;

    /**
     * Moves to {@code offset} from the start ({@code whence} 0), the current position (1) or
     * the end (2); answers the new position from the start.
     */
    abstract long seek(int whence, long offset) throws IOException;

    /** Sets how output is buffered ({@code file:setvbuf}); {@code size} is the buffer size asked for. */
    abstract void setBuffering(Buffering mode, long size) throws IOException;

    /**
     * Flushes and releases the stream. The handle counts as closed from the start, even when
     * this fails ({@code fclose} frees the stream in any case).
     */
    final void close() throws IOException {
        closed = true;
        release();
    }

    /** Flushes and releases the underlying stream. */
    abstract void release() throws IOException;
}
