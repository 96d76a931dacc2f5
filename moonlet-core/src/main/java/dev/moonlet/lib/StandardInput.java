package dev.moonlet.lib;

import dev.moonlet.vm.Instance;
import java.io.IOException;

/**
 * {@code io.stdin}: the JVM's standard input ({@link System#in}), buffered. Before it waits
 * for input it flushes the instance's output, so that a prompt written with {@code io.write}
 * shows first. It cannot be written, sought or closed.
 */
final class StandardInput extends LuaFile {
    private final Instance instance;

    /** The standard input of {@code instance}, whose output is flushed before each read. */
    StandardInput(Instance instance) {
        this.instance = instance;
    }

    @Override
    boolean isStandard() {
        return true;
    }

    @Override
    int readRaw(byte[] b, int off, int len) throws IOException {
        instance.output().flush();
        return System.in.read(b, off, len);
    }

    @Override
    void write(byte[] b, int off, int len) throws IOException {
        throw new SystemError.Failure(SystemError.BAD_FILE);
    }

    @Override
    void flush() {
        // Nothing is buffered for output; C's fflush of an input stream succeeds too.
    }

    @Override
    long seek(int whence, long offset) throws IOException {
        throw new SystemError.Failure(SystemError.ILLEGAL_SEEK);
    }

    @Override
    void setBuffering(Buffering mode, long size) {
        // Input buffering is the library's own business: the read-ahead stays.
    }

    @Override
    void release() {
        // Never called: standard streams are not closed.
    }
}
