package dev.moonlet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command's output: a script's flushes wait for the end of the step; reads and errors do not. */
class ScriptOutputTest {
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final ScriptOutput out = new ScriptOutput(sink);

    private String written() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aScriptsFlushWaitsForTheStepToEnd() {
        out.print("line\n");
        out.flush();
        assertEquals("", written());
        out.flushNow();
        assertEquals("line\n", written());
    }

    @Test
    void readingInputFlushesFirst() throws Exception {
        InputStream in = out.flushingBefore(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        out.print("name? ");
        assertEquals('x', in.read());
        assertEquals("name? ", written());
    }

    @Test
    void writingToStandardErrorFlushesFirst() throws Exception {
        ByteArrayOutputStream errSink = new ByteArrayOutputStream();
        OutputStream err = out.flushingBeforeWrites(errSink);
        out.print("before\n");
        err.write('!');
        assertEquals("before\n", written());
        assertEquals("!", errSink.toString(StandardCharsets.UTF_8));
    }
}
