package dev.moonlet.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.moonlet.syntax.Parser;
import dev.moonlet.value.LuaError;
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
 * Every malformed program in {@code src/test/lua/syntax-errors} fails to compile with exactly
 * the message lua5.4 gives for it on stdin, recorded beside it in {@code NAME.expected} by
 * {@code record.sh}. The front end runs whole (parse, then compile), as {@code load} does:
 * most cases are syntax errors the parser finds; those named {@code sem-*} are found by the
 * compiler (constant assignment, gotos and labels, limits).
 */
class SyntaxErrorCorpusTest {
    private static final Path CORPUS = Path.of("src/test/lua/syntax-errors");
    private static final LuaString STDIN = LuaString.of("=stdin");

    @TestFactory
    Stream<DynamicTest> everyMalformedProgramGetsLuasMessage() throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.list(CORPUS)) {
            programs = files.filter(p -> p.getFileName().toString().endsWith(".lua")).sorted()
                    .collect(Collectors.toList());
        }
        assertFalse(programs.isEmpty(), "no programs in " + CORPUS.toAbsolutePath());
        return programs.stream().map(p ->
                DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> check(p)));
    }

    private static void check(Path program) throws IOException {
        String name = program.getFileName().toString();
        Path expectedFile = program.resolveSibling(name.replaceFirst("\\.lua$", ".expected"));
        String expected = latin1(Files.readAllBytes(expectedFile));
        if (expected.endsWith("\n")) expected = expected.substring(0, expected.length() - 1);
        byte[] source = Files.readAllBytes(program);
        LuaError e = assertThrows(LuaError.class,
                () -> Compiler.compile(Parser.parse(source, STDIN), new StringPool()));
        assertEquals(expected, latin1(((LuaString) e.value()).rawBytes()));
    }

    /** Bytes as chars one to one, so that any message compares and prints losslessly. */
    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
