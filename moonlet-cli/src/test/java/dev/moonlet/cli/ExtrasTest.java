package dev.moonlet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.api.Lua;
import dev.moonlet.vm.Builtin;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Moonlet's own options: limits, the sandbox, statistics; run in this JVM. */
class ExtrasTest {
    private record Run(int status, String out, String err) {}

    private static Run moonlet(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv, out, err, name -> null);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fuelRunningOutIsOneLineAndStatus3() {
        Run r = moonlet("--fuel", "5000", "-e", "print('start') while true do end");
        assertEquals(3, r.status());
        assertEquals("start\n", r.out());
        assertEquals("moonlet: out of fuel (--fuel 5000)\n", r.err());
    }

    @Test
    void fuelIsATotalOverEveryChunk() {
        Run r = moonlet("--fuel=200000", "-e", "for i = 1, 30000 do end print('one')",
                "-e", "for i = 1, 1e9 do end print('two')");
        assertEquals(3, r.status());
        assertEquals("one\n", r.out());
    }

    @Test
    void enoughFuelChangesNothing() {
        Run r = moonlet("--fuel", "100000000", "-e", "local s = 0 for i = 1, 1000 do s = s + i end print(s)");
        assertEquals(new Run(0, "500500\n", ""), r);
    }

    @Test
    void timeoutIsOneLineAndStatus3() {
        Run r = moonlet("--timeout", "0.2", "-e", "while true do end");
        assertEquals(new Run(3, "", "moonlet: timed out (--timeout 0.2)\n"), r);
    }

    @Test
    void memoryLimitReachedIsOneLineAndStatus3() {
        Run r = moonlet("--memory", "1m", "-e", "local t = {} for i = 1, 1e6 do t[i] = i end print('unreached')");
        assertEquals(new Run(3, "", "moonlet: not enough memory (--memory 1m)\n"), r);
    }

    @Test
    void memoryErrorsCaughtInsideTheScriptAreTheScripts() {
        Run r = moonlet("--memory", "1m", "-e", "print(pcall(function() local t = {} for i = 1, 1e6 do t[i] = i end end))");
        assertEquals(new Run(0, "false\tnot enough memory\n", ""), r);
    }

    @Test
    void memoryErrorCaughtByPcallIsNotTheLimit() {
        Run r = moonlet("--memory", "64m", "-e", "print(pcall(error, 'not enough memory'))");
        assertEquals(new Run(0, "false\tnot enough memory\n", ""), r);
    }

    @Test
    void memorySizesTakeSuffixes() throws Exception {
        assertEquals(64L << 20, CommandLine.parseSize("--memory", "64m"));
        assertEquals(1L << 30, CommandLine.parseSize("--memory", "1G"));
        assertEquals(512L << 10, CommandLine.parseSize("--memory", "512k"));
        assertEquals(1000L, CommandLine.parseSize("--memory", "1000"));
    }

    @Test
    void badValuesAreUsageErrors() {
        for (String[] argv : new String[][] {{"--memory", "lots"}, {"--fuel", "-1"}, {"--timeout", "soon"}}) {
            Run r = moonlet(argv);
            assertEquals(1, r.status());
            assertTrue(r.err().startsWith("moonlet: bad value '" + argv[1] + "' for '" + argv[0] + "'\nusage: moonlet"), r.err());
        }
        Run missing = moonlet("--fuel");
        assertTrue(missing.err().startsWith("moonlet: '--fuel' needs argument\n"), missing.err());
        Run flagWithValue = moonlet("--stats=yes");
        assertTrue(flagWithValue.err().startsWith("moonlet: unrecognized option '--stats=yes'\n"), flagWithValue.err());
    }

    @Test
    void sandboxOpensOnlyTheSafeLibraries() {
        Run r = moonlet("--sandbox", "-e", "print(io, os.exit, os.getenv, dofile, loadfile, require, package, string.dump,"
                + " debug.getinfo, type(os.time()), type(debug.traceback()), load('return 1')())");
        assertEquals(new Run(0, "nil\tnil\tnil\tnil\tnil\tnil\tnil\tnil\tnil\tnumber\tstring\t1\n", ""), r);
    }

    @Test
    void sandboxRefusesBinaryChunks() {
        Run r = moonlet("--sandbox", "-e", "print(load('\\27Lua'))");
        assertEquals(new Run(0, "nil\tattempt to load a binary chunk (mode is 't')\n", ""), r);
    }

    @Test
    void statsGoToStandardError() {
        Run r = moonlet("--stats", "-e", "local t = {} for i = 1, 1000 do t[i] = i end print(#t)");
        assertEquals(0, r.status());
        assertEquals("1000\n", r.out());
        assertTrue(r.err().matches("instructions  [1-9][0-9]{3,}\n"
                + "steps         [1-9][0-9]*\n"
                + "longest step  [0-9]+ us\n"
                + "peak memory   [0-9]+ bytes\n"
                + "wall time     [0-9]+\\.[0-9]{3} s\n"), r.err());
    }

    @Test
    void statsFollowAFailureToo() {
        Run r = moonlet("--stats", "--fuel", "1000", "-e", "while true do end");
        assertEquals(3, r.status());
        assertTrue(r.err().startsWith("moonlet: out of fuel (--fuel 1000)\ninstructions  "), r.err());
    }

    @Test
    void checkSyntaxOnly() {
        assertEquals(new Run(0, "", ""), moonlet("-p", "src/test/cli/files/args.lua"));
        assertEquals(new Run(1, "", "moonlet: src/test/cli/files/syntax.lua:1: unexpected symbol near '='\n"),
                moonlet("-p", "src/test/cli/files/args.lua", "src/test/cli/files/syntax.lua"));
    }

    @Test
    void listBytecode() {
        Run r = moonlet("-l", "src/test/cli/files/mod.lua");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("\nmain <src/test/cli/files/mod.lua:0,0>"), r.out());
        assertTrue(r.out().contains("RETURN"), r.out());
    }

    @Test
    void interruptStopsBeforeTheNextStepWithLuasMessage() {
        Lua lua = new Lua();
        ScriptOutput out = new ScriptOutput(new ByteArrayOutputStream());
        Runner runner = new Runner(-1, -1, null, out);
        lua.register("stop", Builtin.of("stop", (co, args) -> {
            runner.interrupt();
            return null;
        }));
        Runner.Outcome o = runner.run(lua,
                lua.load("x = 1\nlocal function f()\n stop()\n while true do end\nend\nf()", "=stdin"));
        Runner.Outcome.Interrupted i = assertInstanceOf(Runner.Outcome.Interrupted.class, o);
        assertEquals("stdin:6: interrupted!", i.message());
        // Stopped inside f: at the call's return or in the loop, wherever that step ended.
        assertTrue(i.traceback().matches("stack traceback:\n\tstdin:[34]: in local 'f'\n\tstdin:6: in main chunk\n\t\\[C\\]: in \\?"),
                i.traceback());
        assertEquals(1L, lua.get("x"));
    }

    @Test
    void tasksKeepRunningAfterTheMainChunkAndStatsListsTheBlockedOnes() {
        Run r = moonlet("--stats", "-e", "task.spawn(function() task.sleep(0.001) print('later') end)"
                + " task.spawn(task.recv) print('main ends')");
        assertEquals(0, r.status());
        assertEquals("main ends\nlater\n", r.out());
        assertTrue(r.err().endsWith("blocked       task 3: waiting (task.recv)\n"), r.err());
    }

    @Test
    void aMainChunkWaitingForeverIsADeadlock() {
        Run r = moonlet("-e", "task.recv()");
        assertEquals(new Run(1, "", "moonlet: deadlock: the chunk waits in task.recv and no task can wake it\n"), r);
    }

    @Test
    void whenTheMainChunkFailsTheOtherTasksRunNoMore() {
        Run r = moonlet("-e", "task.spawn(print, 'never') error('stop', 0)");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("moonlet: stop\n"), r.err());
    }
}
