package dev.moonlet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The command against lua5.4: each {@code src/test/cli/NAME.args} (with {@code NAME.env} and
 * {@code NAME.stdin} when present) runs as its own process in this module's folder, and its
 * standard output, standard error and exit status must equal {@code NAME.out},
 * {@code NAME.err} and {@code NAME.status}, recorded from lua5.4 by {@code record.sh} there.
 */
class CommandLineGoldenTest {
    private static final Path CASES = Path.of("src/test/cli");
    /** Two processes at a time: each is a JVM start, and the machine may have two cores. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    private record Result(String out, String err, int status) {}

    @TestFactory
    Stream<DynamicTest> eachCaseBehavesAsLua() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(CASES)) {
            cases = files.filter(p -> p.toString().endsWith(".args")).sorted().toList();
        }
        // Start them all (two at a time) before the first is checked.
        Map<Path, CompletableFuture<Result>> results = new java.util.LinkedHashMap<>();
        for (Path c : cases) results.put(c, CompletableFuture.supplyAsync(() -> run(c), POOL));
        return cases.stream().map(c -> DynamicTest.dynamicTest(name(c), () -> {
            Result r = results.get(c).join();
            assertEquals(expected(c, ".out"), r.out(), "standard output");
            assertEquals(expected(c, ".err"), r.err(), "standard error");
            assertEquals(Integer.parseInt(expected(c, ".status").trim()), r.status(), "exit status");
        }));
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    private static String name(Path c) {
        String f = c.getFileName().toString();
        return f.substring(0, f.length() - ".args".length());
    }

    private static String expected(Path c, String ext) throws IOException {
        return Files.readString(CASES.resolve(name(c) + ext), StandardCharsets.UTF_8);
    }

    private static Result run(Path c) {
        try {
            List<String> args = Files.readAllLines(c, StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(MoonletCommand.commandLine(args));
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("LUA_"));
            Path envFile = CASES.resolve(name(c) + ".env");
            if (Files.exists(envFile)) {
                for (String line : Files.readAllLines(envFile, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            Path stdin = CASES.resolve(name(c) + ".stdin");
            pb.redirectInput(Files.exists(stdin) ? stdin.toFile() : new java.io.File("/dev/null"));
            Path out = Files.createTempFile("moonlet-out", ".txt");
            Path err = Files.createTempFile("moonlet-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(name(c) + " did not finish");
            }
            Result r = new Result(Files.readString(out), Files.readString(err), p.exitValue());
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
