package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The io library where the script tests cannot reach: the standard streams (the instance's
 * sinks, {@link System#in}), what Moonlet does differently on purpose ({@code popen}, seeking
 * standard streams), files a script leaves open, and reads that pause when the fuel is spent.
 */
class IoLibTest {
    private final Lua lua = new Lua();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    IoLibTest() {
        lua.setOutput(out);
        lua.setErrorOutput(err);
    }

    private String printed(String code) {
        out.reset();
        lua.run(code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void standardOutputIsTheSinkPrintWritesTo() {
        assertEquals("a\nb 1 2.5\nc\n", printed("print('a') io.write('b ', 1, ' ', 2.5, '\\n') print('c')"));
        assertEquals("x\n", printed("io.stdout:write('x\\n')"));
        ByteArrayOutputStream later = new ByteArrayOutputStream();
        lua.setOutput(later);
        lua.run("io.write('moved')");
        assertEquals("moved", later.toString(StandardCharsets.UTF_8));
        lua.run("io.stderr:write('to stderr ', 7)");
        assertEquals("to stderr 7", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailingSinkMakesWriteFail() {
        lua.setOutput(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        lua.setErrorOutput(out);
        lua.run("io.stderr:write(tostring(select('#', io.write('x'))), ' ', select(2, io.write('x')), ' ', select(3, io.write('x')))");
        assertEquals("3 No space left on device 28", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void standardInputReadsSystemInAfterFlushingTheOutput() {
        InputStream saved = System.in;
        StringBuilder events = new StringBuilder();
        lua.setOutput(new OutputStream() {
            @Override
            public void write(int b) {
                events.append((char) b);
            }

            @Override
            public void flush() {
                events.append("<flush>");
            }
        });
        try {
            System.setIn(new ByteArrayInputStream("12 3.5 rest\nsecond\nthird".getBytes(StandardCharsets.US_ASCII)));
            Object[] r = lua.run("io.write('? ') local a, b, c = io.read('n', 'n', 'l') "
                    + "return a, b, c, io.read('L'), io.stdin:read('a'), io.read(0)");
            assertArrayEquals(new Object[] {12L, 3.5, LuaString.of(" rest"), LuaString.of("second\n"),
                LuaString.of("third"), null}, r);
            assertTrue(events.toString().startsWith("? <flush>"), events.toString());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void popenIsOff() {
        assertEquals("false\t'popen' not supported\n", printed("print(pcall(io.popen, 'ls'))"));
        assertEquals("false\t'popen' not supported\n", printed("print(pcall(io.popen, 'cat', 'w'))"));
        assertEquals("false\tbad argument #2 to 'io.popen' (invalid mode)\n", printed("print(pcall(io.popen, 'ls', 'r+'))"));
        assertEquals("false\tbad argument #1 to 'io.popen' (string expected, got no value)\n",
                printed("print(pcall(io.popen))"));
    }

    @Test
    void standardStreamsCannotBeSought() {
        assertEquals("nil\tIllegal seek\t29\nnil\tIllegal seek\t29\n",
                printed("print(io.stdin:seek('set', 10)) print(io.stdout:seek())"));
        assertEquals("nil\tBad file descriptor\t9\tnil\tBad file descriptor\t9\n",
                printed("local a, b, c = io.stdout:read() print(a, b, c, io.stdin:write('x'))"));
    }

    @Test
    void filesLeftOpenAreWrittenWhenTheHostClosesThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("left-open.txt");
        lua.set("name", file.toString());
        lua.run("io.output(name .. '2') io.write('too') kept = io.open(name, 'w') kept:write('written', ' later')");
        assertEquals("", Files.readString(file));
        IoLib.closeFiles(lua.instance());
        assertEquals("written later", Files.readString(file));
        assertEquals("too", Files.readString(dir.resolve("left-open.txt2")));
        assertEquals("closed file\n", printed("print(io.type(kept))"));
    }

    @Test
    void openingAFileWritesWhatForgottenHandlesHold(@TempDir Path dir) {
        lua.set("name", dir.resolve("forgotten.txt").toString());
        assertEquals("data\n", printed("do local f = io.open(name, 'w') f:write('data') end "
                + "local g = io.open(name) print(g:read('a')) g:close()"));
    }

    @Test
    void aLongReadPausesWhenTheFuelIsSpent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.txt");
        Files.writeString(file, "x".repeat(1 << 20) + "\n" + "y".repeat(1 << 20));
        lua.set("name", file.toString());
        for (String format : new String[] {"'a'", "'l'", "2000000", "'L', 'a'"}) {
            Executor ex = lua.start(lua.load("local f = io.open(name) local a, b = f:read(" + format + ") "
                    + "f:close() return #a + (b and #b or 0)", "=read"));
            int steps = 0;
            Status s;
            do {
                s = ex.step(1_000);
                steps++;
            } while (s instanceof Status.Running);
            Status.Finished done = assertInstanceOf(Status.Finished.class, s, format);
            long expected = format.equals("'l'") ? 1 << 20 : format.equals("2000000") ? 2_000_000 : (2 << 20) + 1;
            assertEquals(expected, done.values()[0], format);
            assertTrue(steps > 10, format + " took " + steps + " steps");
        }
    }

    @Test
    void handlesPrintTheirAddressUntilClosed() {
        String s = printed("local f = io.tmpfile() print(f) f:close() print(f)");
        assertTrue(s.matches("file \\(0x[0-9a-f]+\\)\nfile \\(closed\\)\n"), s);
    }
}
