package dev.moonlet.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The command's standard output: fully buffered, like C's {@code stdout} on a pipe, with the
 * flushes a script asks for ({@code print} asks after every line, as {@code lua_writeline}
 * does) deferred to the end of the current step, when the {@link Runner} calls
 * {@link #flushNow()}. A step is at most a few milliseconds of work, so output still appears
 * as it is produced, but a million {@code print}s cost a few hundred system calls instead of
 * a million.
 *
 * <p>What must stay true: whatever the script wrote reaches the sink before the program reads
 * its standard input ({@link #flushingBefore}), before anything goes to standard error
 * ({@link #flushingBeforeWrites}), at the end of every step and at exit.
 */
final class ScriptOutput extends OutputStream {
    private final OutputStream sink;

    /** Buffers writes to {@code sink}. */
    ScriptOutput(OutputStream sink) {
        this.sink = new BufferedOutputStream(sink, 1 << 16);
    }

    @Override
    public void write(int b) throws IOException {
        sink.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        sink.write(b, off, len);
    }

    /** A script's flush: deferred to the end of the step (see the class comment). */
    @Override
    public void flush() {
        // Deliberately empty: flushNow() runs after every step.
    }

    /** Writes {@code text} as UTF-8 (the command's own output: banners, listings, prompts). */
    void print(String text) {
        try {
            write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // As flushNow: output to a closed pipe is lost.
        }
    }

    /** Writes everything buffered to the sink now. */
    void flushNow() {
        try {
            sink.flush();
        } catch (IOException e) {
            // Like C's stdout after a closed pipe: output is lost, the program goes on.
        }
    }

    /** {@code in}, with this output flushed before every read (a prompt written by the script shows first). */
    InputStream flushingBefore(InputStream in) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                flushNow();
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                flushNow();
                return in.read(b, off, len);
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }
        };
    }

    /** {@code out} (standard error), with this output flushed before every write, so that the two keep their order. */
    OutputStream flushingBeforeWrites(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                flushNow();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                flushNow();
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }
}
