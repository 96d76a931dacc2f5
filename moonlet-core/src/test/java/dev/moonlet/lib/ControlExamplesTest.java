package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The programs under {@code examples/prompts}, {@code examples/effects} and
 * {@code examples/multishot} print what the issue and the WasmFX proposal say they print.
 */
class ControlExamplesTest {
    private static final Path EXAMPLES = Path.of("../examples");

    @Test
    void promptBasics() throws IOException {
        assertEquals("10\t20\t30\n101\nfailed: no luck\n12\n60\n", run("prompts/basics.lua"));
    }

    @Test
    void runTasksInterleavesTheTasks() throws IOException {
        assertEquals("ping 1\npong 1\nonce\nping 2\npong 2\nping 3\npong done\nping done\n", run("prompts/run_tasks.lua"));
    }

    @Test
    void theGeneratorCountsDownFrom100() throws IOException {
        StringBuilder expected = new StringBuilder();
        for (int i = 100; i >= 1; i--) expected.append(i).append(i > 1 ? " " : "\n");
        assertEquals(expected.toString(), run("effects/generator.lua"));
    }

    @Test
    void theExtendedGeneratorIsBoundAndReset() throws IOException {
        assertEquals("10 9 8 7 6 5 10 9 8 7 6 5 4 3 2 1\n", run("effects/generator_extended.lua"));
    }

    @Test
    void bothSchedulersInterleaveTheThreads() throws IOException {
        String expected = "-1\n10\n20\n30\n11\n21\n31\n12\n22\n32\n-2\n";
        assertEquals(expected, run("effects/scheduler.lua"));
        assertEquals(expected, run("effects/scheduler_switch.lua"));
    }

    @Test
    void goPrintsOneToTenInOrder() throws IOException {
        assertEquals("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", run("effects/go.lua"));
    }

    @Test
    void ambFindsEveryAnswer() throws IOException {
        assertEquals("3-4-5 5-12-13 6-8-10 8-15-17 9-12-15 12-16-20\nHH HT TH TT\n", run("multishot/amb.lua"));
    }

    /** What example {@code name} prints, stepped with little fuel at a time; it must not fail. */
    private static String run(String name) throws IOException {
        Lua lua = new Lua();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lua.setOutput(out);
        Path file = EXAMPLES.resolve(name);
        Executor ex = lua.start(lua.instance().load(Files.readAllBytes(file), LuaString.of("@" + name), "t", null));
        Status s;
        do s = ex.step(500); while (s instanceof Status.Running);
        assertNull(s instanceof Status.Failed ? ((Status.Failed) s).error().getMessage() : null, name + " failed");
        return out.toString(StandardCharsets.UTF_8);
    }
}
