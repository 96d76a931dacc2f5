package dev.moonlet.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.moonlet.syntax.Parser;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.StringPool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden listings: each {@code src/test/lua/compiler/NAME.lua} compiles (as chunk
 * {@code @NAME.lua}) to exactly the {@link Listing} in {@code NAME.listing} beside it. The
 * listings were checked by hand against {@code luac5.4 -l -l}: they differ from it only where
 * Moonlet's instruction set does (no MMBIN, RETURN's C operand 0, {@code x - k} as SUBK, the
 * k flag of swapped operands) and where Lua 5.4.7 differs from the 5.4.4 luac installed.
 *
 * <p>Run with {@code -Dmoonlet.updateListings=true} to rewrite the listings after a deliberate
 * change, then review the diff.
 */
class CompilerListingTest {
    private static final Path DIR = Path.of("src/test/lua/compiler");

    @TestFactory
    Stream<DynamicTest> everyProgramCompilesToItsListing() throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.list(DIR)) {
            programs = files.filter(p -> p.toString().endsWith(".lua")).sorted()
                    .collect(Collectors.toList());
        }
        assertFalse(programs.isEmpty(), "no programs in " + DIR.toAbsolutePath());
        return programs.stream().map(p ->
                DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> check(p)));
    }

    private static void check(Path program) throws IOException {
        String name = program.getFileName().toString();
        Proto proto = Compiler.compile(Parser.parse(Files.readAllBytes(program),
                LuaString.of("@" + name)), new StringPool());
        String actual = Listing.of(proto);
        Path expectedFile = program.resolveSibling(name.replaceFirst("\\.lua$", ".listing"));
        if (Boolean.getBoolean("moonlet.updateListings")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual);
    }
}
