package dev.moonlet.lib;

import dev.moonlet.vm.Instance;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code io.stdout} and {@code io.stderr}: the instance's output sinks
 * ({@link Instance#output()}, the one {@code print} writes to, and
 * {@link Instance#errorOutput()}), looked up at each write so that a host may change them at
 * any time. The sink does its own buffering; this stream only adds the flushes its
 * {@code setvbuf} mode asks for: none for standard output ({@code "full"}: the host flushes),
 * after every write for standard error ({@code "no"}), as in C. They cannot be read, sought
 * or closed.
 */
final class StandardOutput extends LuaFile {
    private final Instance instance;
    private final boolean error;
    private Buffering buffering;

    /** Standard output of {@code instance}, or its standard error when {@code error}. */
    StandardOutput(Instance instance, boolean error) {
        this.instance = instance;
        this.error = error;
        this.buffering = error ? Buffering.NO : Buffering.FULL;
    }

    private OutputStream sink() {
        return error ? instance.errorOutput() : instance.output();
    }

    @Override
    boolean isStandard() {
        return true;
    }

    @Override
    int readRaw(byte[] b, int off, int len) throws IOException {
        throw new SystemError.Failure(SystemError.BAD_FILE);
    }

    @Override
    void write(byte[] b, int off, int len) throws IOException {
        OutputStream out = sink();
        out.write(b, off, len);
        if (buffering == Buffering.NO || (buffering == Buffering.LINE && indexOfNewline(b, off, off + len) >= 0)) {
            out.flush();
        }
    }

    @Override
    void flush() throws IOException {
        sink().flush();
    }

    @Override
    long seek(int whence, long offset) throws IOException {
        throw new SystemError.Failure(SystemError.ILLEGAL_SEEK);
    }

    @Override
    void setBuffering(Buffering mode, long size) throws IOException {
        sink().flush();
        buffering = mode;
    }

    @Override
    void release() {
        // Never called: standard streams are not closed.
    }
}
