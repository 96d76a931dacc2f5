package dev.moonlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Clock;
import dev.moonlet.vm.LuaType;
import dev.moonlet.vm.Scheduler;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Runs every Lua script under {@code src/test/lua/scripts} (any depth) twice, interpreted and
 * compiled (see {@link dev.moonlet.vm.Instance#setCompileThreshold}), each on a fresh
 * {@link Lua}, as a task of its scheduler with a virtual clock (so that scripts using the
 * {@code task} library are deterministic), and compares what it prints with {@code NAME.out} beside it. When
 * {@code NAME.err} exists the script must fail, and the first line of its error message must
 * be that file's text, as {@code lua5.4} reports it (without the {@code "lua5.4: "} prefix).
 *
 * <p>The expected files are recorded from PUC-Rio {@code lua5.4} by
 * {@code src/test/lua/scripts/record.sh}, which runs each script from the scripts folder as
 * {@code lua5.4 DIR/NAME.lua}; so scripts are loaded here under the chunk name
 * {@code "@DIR/NAME.lua"}. Adding a test is adding a script and recording its output.
 *
 * <p>Scripts listed in {@code known-failures.txt} (with the reason, which lies outside the
 * script) are reported as skipped while they fail, and as failures once they pass, so that
 * the list only ever shrinks.
 */
class LuaScriptTest {
    private static final Path ROOT = Path.of("src/test/lua/scripts");
    /** Fuel per step: small enough that stepping itself is exercised on every script. */
    private static final long FUEL_PER_STEP = 100_000;
    /** A script still running after this long is failed (an infinite loop, most likely). */
    private static final long TIME_LIMIT_NANOS = 60_000_000_000L;

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException {
        return scripts(Integer.MAX_VALUE);
    }

    /** The scripts again with every function compiled to JVM bytecode before it first runs. */
    @TestFactory
    Stream<DynamicTest> compiled() throws IOException {
        return scripts(0);
    }

    /** Every script, run with the instance's compile threshold set to {@code compileThreshold}. */
    private Stream<DynamicTest> scripts(int compileThreshold) throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(ROOT)) {
            scripts = files.filter(p -> p.toString().endsWith(".lua")).sorted().collect(Collectors.toList());
        }
        assertTrue(scripts.size() > 0, "no scripts under " + ROOT.toAbsolutePath());
        Map<String, String> known = knownFailures();
        return scripts.stream().map(p -> DynamicTest.dynamicTest(name(p), p.toUri(), () -> {
            String reason = known.get(name(p));
            if (reason == null) {
                run(p, compileThreshold);
                return;
            }
            try {
                run(p, compileThreshold);
            } catch (AssertionError e) {
                throw new TestAbortedException("known failure: " + reason, e);
            }
            fail("listed in known-failures.txt but passes now: remove it from the list");
        }));
    }

    /** known-failures.txt: script name to reason. */
    private static Map<String, String> knownFailures() throws IOException {
        Map<String, String> known = new HashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("known-failures.txt"))) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+", 2);
            known.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return known;
    }

    /** The script's path relative to the scripts folder, with forward slashes: {@code "base/print.lua"}. */
    private static String name(Path script) {
        return ROOT.relativize(script).toString().replace('\\', '/');
    }

    private static void run(Path script, int compileThreshold) throws IOException {
        String base = script.toString().substring(0, script.toString().length() - ".lua".length());
        Path outFile = Path.of(base + ".out");
        Path errFile = Path.of(base + ".err");
        if (!Files.exists(outFile)) fail("no " + outFile + ": record it with record.sh");
        Lua lua = new Lua();
        lua.instance().setCompileThreshold(compileThreshold);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lua.setOutput(out);
        lua.setErrorOutput(new ByteArrayOutputStream());
        String error = execute(lua, Files.readAllBytes(script), "@" + name(script));
        assertEquals(new String(Files.readAllBytes(outFile), StandardCharsets.ISO_8859_1),
                new String(out.toByteArray(), StandardCharsets.ISO_8859_1), "standard output");
        if (Files.exists(errFile)) {
            String expected = new String(Files.readAllBytes(errFile), StandardCharsets.ISO_8859_1).strip();
            assertEquals(expected, error == null ? "(no error)" : firstLine(error), "error message");
        } else if (error != null) {
            fail("the script failed: " + error);
        }
    }

    /** Runs the chunk to its end; the error message (as lua.c reports it) if it failed, else null. */
    private static String execute(Lua lua, byte[] source, String chunkName) {
        Object chunk;
        try {
            chunk = lua.instance().load(source, LuaString.of(chunkName), "bt", null);
        } catch (LuaError e) {
            return e.getMessage();
        }
        Scheduler scheduler = lua.scheduler();
        scheduler.setClock(Clock.virtual());
        Task main = scheduler.spawn(chunk);
        long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
        // As the moonlet command does: the chunk until it ends, then (if it did not fail) the
        // tasks it left, until none can run.
        while (main.state() != Task.State.DEAD && scheduler.run(FUEL_PER_STEP, main) == Scheduler.Progress.READY) {
            checkTime(deadline);
        }
        Status s = main.outcome();
        if (s == null) fail("the chunk waits forever: " + main.describe());
        if (s instanceof Status.Finished) {
            while (scheduler.run(FUEL_PER_STEP) == Scheduler.Progress.READY) checkTime(deadline);
        }
        return s instanceof Status.Failed ? message(lua, ((Status.Failed) s).error().value()) : null;
    }

    private static void checkTime(long deadline) {
        if (System.nanoTime() > deadline) fail("still running after " + TIME_LIMIT_NANOS / 1_000_000_000 + " s");
    }

    /**
     * The message lua.c prints for an error value: strings and numbers as they are, values
     * with {@code __tostring} through it, others as {@code "(error object is a T value)"}.
     */
    private static String message(Lua lua, Object value) {
        if (value instanceof LuaString) return latin1((LuaString) value);
        if (value instanceof Long) return value.toString();
        if (value instanceof Double) return latin1(LuaNumber.toLuaString((Double) value));
        LuaTable mt = lua.instance().metatableOf(value);
        if (mt != null && mt.get(LuaString.of("__tostring")) != null) {
            return latin1((LuaString) lua.call(lua.get("tostring"), value)[0]);
        }
        return "(error object is a " + LuaType.typeName(value) + " value)";
    }

    private static String latin1(LuaString s) {
        return new String(s.rawBytes(), StandardCharsets.ISO_8859_1);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
