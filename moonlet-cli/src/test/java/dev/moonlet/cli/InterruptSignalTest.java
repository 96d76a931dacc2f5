package dev.moonlet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C on the command while a script runs, as SIGINT sent with {@code kill}: the script stops
 * before its next step, the command reports {@code interrupted!} with a traceback as lua.c
 * does, and exits with status 1 (lua.c: {@code lua: interrupted!}, then the traceback).
 */
class InterruptSignalTest {
    private static final String SPIN = "io.write('ready\\n') io.stdout:flush() while true do end";

    @Test
    void sigintStopsTheScriptWithLuasMessage() throws Exception {
        // A process started from a background job inherits SIGINT ignored, which the JVM then
        // leaves ignored; env --default-signal gives the command the default action back.
        assumeTrue(runs("env", "--default-signal=INT", "true"), "env --default-signal is not available");
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT"));
        cmd.addAll(MoonletCommand.commandLine(List.of("-e", SPIN)));
        Process p = new ProcessBuilder(cmd).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            assertTrue(runs("kill", "-INT", Long.toString(p.pid())));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running a minute after SIGINT");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, p.exitValue(), err);
            assertEquals("moonlet: interrupted!\nstack traceback:\n\t(command line):1: in main chunk\n\t[C]: in ?\n", err);
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean runs(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
