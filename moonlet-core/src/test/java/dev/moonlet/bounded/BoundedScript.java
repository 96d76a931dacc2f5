package dev.moonlet.bounded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One script of the bounded-step corpus ({@code src/test/lua/bounded/NAME.lua}) and the
 * outcome its header comment declares. The header is the comment lines at the top:
 *
 * <pre>
 * -- What the adversary does, in a sentence or two.
 * -- expect: error not enough memory
 * -- steps: 3000
 * </pre>
 *
 * <ul>
 *   <li>{@code -- expect: finished}: the script returns;</li>
 *   <li>{@code -- expect: error MESSAGE}: it fails, and the first line of its error message is
 *       {@code MESSAGE} exactly as {@code lua5.4 NAME.lua} prints it from the corpus folder
 *       (without the {@code "lua5.4: "} prefix; {@code check.sh} there verifies it);</li>
 *   <li>{@code -- expect: budget}: it is still running when its step budget is spent (an
 *       infinite loop; {@code lua5.4} would run forever too).</li>
 * </ul>
 *
 * {@code -- steps: N} sets the step budget (steps of {@link BoundedRun#FUEL_PER_STEP} fuel);
 * without it, a script that must end gets {@link #DEFAULT_STEPS} and an infinite loop
 * {@link #DEFAULT_LOOP_STEPS}, enough to show it does not end while keeping the corpus fast.
 *
 * @param name the file name without the folder, {@code "loop-while.lua"}
 * @param source the script's bytes
 * @param expected the declared outcome: {@code "finished"}, {@code "budget"} or
 *     {@code "error MESSAGE"}
 * @param steps the step budget
 */
public record BoundedScript(String name, byte[] source, String expected, int steps) {
    /** The corpus folder, relative to the moonlet-core module. */
    public static final Path FOLDER = Path.of("src/test/lua/bounded");
    /** The step budget of a script that must end. */
    public static final int DEFAULT_STEPS = 5_000;
    /** The step budget of an infinite loop. */
    public static final int DEFAULT_LOOP_STEPS = 200;

    private static final String EXPECT = "-- expect: ";
    private static final String STEPS = "-- steps: ";

    /** Every script in {@code folder}, sorted by name. */
    public static List<BoundedScript> all(Path folder) {
        List<BoundedScript> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".lua")).sorted()::iterator) {
                scripts.add(read(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts;
    }

    /** The script at {@code file}, its header read. */
    public static BoundedScript read(Path file) throws IOException {
        byte[] source = Files.readAllBytes(file);
        String expected = null;
        int steps = -1;
        for (String line : new String(source, StandardCharsets.ISO_8859_1).split("\n")) {
            if (!line.startsWith("--")) break;
            if (line.startsWith(EXPECT)) expected = line.substring(EXPECT.length()).strip();
            if (line.startsWith(STEPS)) steps = Integer.parseInt(line.substring(STEPS.length()).strip());
        }
        String name = file.getFileName().toString();
        if (expected == null || !(expected.equals("finished") || expected.equals("budget") || expected.startsWith("error "))) {
            throw new IllegalArgumentException(name + ": no '-- expect: finished|budget|error MESSAGE' in its header");
        }
        if (steps < 0) steps = expected.equals("budget") ? DEFAULT_LOOP_STEPS : DEFAULT_STEPS;
        return new BoundedScript(name, source, expected, steps);
    }
}
