package dev.moonlet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REPL on a real pseudo-terminal: {@code moonlet} runs in a detached tmux session, keys
 * are sent with {@code send-keys}, and the screen is read with {@code capture-pane}. Every
 * wait polls the screen for what must appear, up to a generous bound, so the test is quick
 * on a fast machine and still right on a slow one. {@code .ci/run} installs tmux.
 */
class ReplTerminalTest {
    private static final long WAIT_MILLIS = 60_000;
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private Path home;
    private String socket;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed (.ci/run installs it)");
        home = Files.createTempDirectory("moonlet-home");
        // A server of its own per test: a killed server may still be going when the next starts.
        socket = "moonlet-test-" + ProcessHandle.current().pid() + "-" + SESSIONS.incrementAndGet();
    }

    /** Starts {@code moonlet} alone, as a user would, on a terminal of type {@code term}. */
    private void launch(String term) throws Exception {
        List<String> cmd = new ArrayList<>(MoonletCommand.commandLine(List.of()));
        cmd.add(1, "-Duser.home=" + home);
        cmd.add(0, "TERM=" + term);
        cmd.add(0, "env");
        String shell = cmd.stream().map(ReplTerminalTest::quote).collect(Collectors.joining(" "));
        tmux("new-session", "-d", "-x", "120", "-y", "50", shell);
        awaitScreen(s -> s.contains("Moonlet 0.1") && lastLine(s).equals(">"), "the banner and the first prompt");
    }

    @AfterEach
    void stop() throws Exception {
        if (socket != null) tmuxQuietly("kill-server");
        // Best effort: the killed JVM may still be writing its history as it goes.
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void ctrlCStopsARunningLineAndKeepsTheGlobals() throws Exception {
        launch("xterm");
        type("x = 1");
        awaitScreen(s -> s.contains("> x = 1\n>"), "the prompt after x = 1");
        type("while true do end");
        awaitScreen(s -> lastLine(s).equals("> while true do end") && cursorColumn() == 0, "the loop line accepted");
        // A Ctrl-C that lands in the instant before the line starts running is read as input
        // by no one; sending it again until the loop reports is harmless at an empty prompt.
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!screen().contains("interrupted!")) {
            if (System.currentTimeMillis() > deadline) fail("no 'interrupted!' after Ctrl-C:\n" + screen());
            tmux("send-keys", "-t", "0", "C-c");
            pollUntil(s -> s.contains("interrupted!"), 2_000);
        }
        String afterInterrupt = awaitScreen(s -> s.contains("stack traceback:") && lastLine(s).equals(">"),
                "the traceback and a new prompt");
        assertTrue(afterInterrupt.contains("interrupted!\nstack traceback:\n"), afterInterrupt);
        assertTrue(afterInterrupt.contains("stdin:1: in main chunk"), afterInterrupt);
        type("print(x)");
        awaitScreen(s -> s.endsWith("> print(x)\n1\n>"), "print(x) printing 1");
    }

    @Test
    void continuationLinesExpressionsAndHistory() throws Exception {
        launch("xterm");
        type("for i = 1, 2 do");
        awaitScreen(s -> lastLine(s).equals(">>"), "the continuation prompt");
        type("print(i * 10) end");
        awaitScreen(s -> s.contains(">> print(i * 10) end\n10\n20\n>"), "the loop's output");
        type("'a', nil");
        // The terminal shows the tab as spaces.
        awaitScreen(s -> s.matches("(?s).*> 'a', nil\na +nil\n>"), "an expression's values");
        tmux("send-keys", "-t", "0", "C-d");
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (tmuxQuietly("has-session") == 0) {
            if (System.currentTimeMillis() > deadline) fail("Ctrl-D did not end the REPL:\n" + screen());
            Thread.sleep(50);
        }
        String history = Files.readString(home.resolve(".moonlet_history"), StandardCharsets.UTF_8);
        assertTrue(history.contains("'a', nil"), history);
    }

    @Test
    void worksOnADumbTerminal() throws Exception {
        launch("dumb");
        type("x = 6 * 7");
        awaitScreen(s -> s.endsWith("> x = 6 * 7\n>"), "the prompt after x = 6 * 7");
        type("=x");
        awaitScreen(s -> s.endsWith("> =x\n42\n>"), "=x printing 42");
    }

    private void type(String line) throws Exception {
        tmux("send-keys", "-t", "0", "-l", line);
        tmux("send-keys", "-t", "0", "Enter");
    }

    private String awaitScreen(Predicate<String> ready, String what) throws Exception {
        String s = pollUntil(ready, WAIT_MILLIS);
        if (!ready.test(s)) fail("waited for " + what + "; the screen is:\n" + s);
        return s;
    }

    private String pollUntil(Predicate<String> ready, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        String s = screen();
        while (!ready.test(s) && System.currentTimeMillis() < deadline) {
            Thread.sleep(25);
            s = screen();
        }
        return s;
    }

    /** The pane's text, trailing blanks and empty lines trimmed. */
    private String screen() throws Exception {
        String raw = tmux("capture-pane", "-p", "-t", "0");
        return raw.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }

    private int cursorColumn() {
        try {
            return Integer.parseInt(tmux("display-message", "-p", "-t", "0", "#{cursor_x}").trim());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lastLine(String screen) {
        int nl = screen.lastIndexOf('\n');
        return screen.substring(nl + 1);
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "tmux " + String.join(" ", args));
        assertEquals(0, p.exitValue(), "tmux " + String.join(" ", args) + ": " + out);
        return out;
    }

    private int tmuxQuietly(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static boolean tmuxInstalled() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
