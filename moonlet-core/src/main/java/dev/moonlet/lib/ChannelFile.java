package dev.moonlet.lib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;

/**
 * A file opened by {@code io.open} or {@code io.tmpfile}, read and written through a
 * {@link FileChannel} as C's stdio does it: output is fully buffered unless {@code setvbuf}
 * says otherwise, the position is shared by reads and writes, and in the append modes every
 * write goes to the end of the file.
 */
final class ChannelFile extends LuaFile {
    private final FileChannel channel;
    private final boolean readable;
    private final boolean writable;
    private final boolean append;
    private Buffering buffering = Buffering.FULL;
    /** Output not yet written: {@code out[0, pending)}; allocated on the first buffered write. */
    private byte[] out;
    private int pending;

    private ChannelFile(FileChannel channel, boolean readable, boolean writable, boolean append) {
        this.channel = channel;
        this.readable = readable;
        this.writable = writable;
        this.append = append;
    }

    /**
     * Opens {@code path} with a C mode that {@code io.open} has checked ({@code [rwa]+?b*}):
     * {@code r} reads, {@code w} truncates or creates, {@code a} appends (positioned at the
     * end, where {@code a+} starts at the beginning for reading); {@code +} adds the other
     * direction.
     */
    static ChannelFile open(Path path, String mode) throws IOException {
        char kind = mode.charAt(0);
        boolean update = mode.length() > 1 && mode.charAt(1) == '+';
        Set<StandardOpenOption> options = EnumSet.noneOf(StandardOpenOption.class);
        if (kind == 'r' || update) options.add(StandardOpenOption.READ);
        if (kind != 'r' || update) options.add(StandardOpenOption.WRITE);
        if (kind != 'r') options.add(StandardOpenOption.CREATE);
        if (kind == 'w') options.add(StandardOpenOption.TRUNCATE_EXISTING);
        FileChannel channel = FileChannel.open(path, options);
        boolean append = kind == 'a';
        if (append && !update) channel.position(channel.size());
        return new ChannelFile(channel, options.contains(StandardOpenOption.READ), kind != 'r' || update, append);
    }

    /** A new temporary file open for reading and writing, removed when it is closed ({@code tmpfile}). */
    static ChannelFile temporary() throws IOException {
        Path path = Files.createTempFile("lua_", null);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        return new ChannelFile(channel, true, true, false);
    }

    @Override
    int readRaw(byte[] b, int off, int len) throws IOException {
        if (!readable) throw new SystemError.Failure(SystemError.BAD_FILE);
        flushPending();
        return channel.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    void write(byte[] b, int off, int len) throws IOException {
        if (!writable) throw new SystemError.Failure(SystemError.BAD_FILE);
        int unread = dropReadAhead();
        if (unread > 0) channel.position(channel.position() - unread);
        if (buffering == Buffering.NO) {
            flushPending();
            writeRaw(b, off, len);
            return;
        }
        int end = off + len;
        if (buffering == Buffering.LINE) {
            // As glibc: the output up to the last newline goes out now, the rest waits.
            int nl = lastNewline(b, off, end);
            if (nl >= 0) {
                buffer(b, off, nl + 1);
                flushPending();
                off = nl + 1;
            }
        }
        buffer(b, off, end);
    }

    private static int lastNewline(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    /** Adds {@code b[from, to)} to the pending output, writing it out when the buffer is full. */
    private void buffer(byte[] b, int from, int to) throws IOException {
        int len = to - from;
        if (pending + len > BUFFER_SIZE) flushPending();
        if (len >= BUFFER_SIZE) {
            writeRaw(b, from, len);
            return;
        }
        if (out == null) out = new byte[BUFFER_SIZE];
        System.arraycopy(b, from, out, pending, len);
        pending += len;
    }

    @Override
    void flush() throws IOException {
        flushPending();
    }

    private void flushPending() throws IOException {
        if (pending == 0) return;
        int n = pending;
        pending = 0;
        writeRaw(out, 0, n);
    }

    private void writeRaw(byte[] b, int off, int len) throws IOException {
        if (append) channel.position(channel.size());
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) channel.write(buffer);
    }

    @Override
    long seek(int whence, long offset) throws IOException {
        flushPending();
        long current = channel.position() - dropReadAhead();
        long base = whence == 0 ? 0 : whence == 1 ? current : channel.size();
        long target = base + offset;
        if (target < 0 || ((base ^ target) & (offset ^ target)) < 0) {
            channel.position(current);
            throw new SystemError.Failure(SystemError.INVALID_ARGUMENT);
        }
        channel.position(target);
        return target;
    }

    /** The size asked for is ignored, as glibc ignores it when it allocates the buffer itself. */
    @Override
    void setBuffering(Buffering mode, long size) throws IOException {
        flushPending();
        buffering = mode;
    }

    @Override
    void release() throws IOException {
        try {
            flushPending();
        } finally {
            channel.close();
        }
    }
}
