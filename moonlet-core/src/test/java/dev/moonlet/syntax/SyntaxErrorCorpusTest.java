package dev.moonlet.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
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
 * Every malformed program in {@code src/test/lua/syntax-errors} gets exactly the message
 * PUC-Rio lua5.4 gives for it on stdin, recorded beside it in {@code NAME.expected} (message
 * and a newline) by {@code record.sh}. Files named {@code sem-*} hold errors that only the
 * compiler finds; this runner skips them.
 */
class SyntaxErrorCorpusTest {
    private static final Path CORPUS = Path.of("src/test/lua/syntax-errors");
    private static final LuaString STDIN = LuaString.of("=stdin");

    @TestFactory
    Stream<DynamicTest> everyMalformedProgramGetsLuasMessage() throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.list(CORPUS)) {
            programs = files.filter(SyntaxErrorCorpusTest::isParserCase).sorted()
                    .collect(Collectors.toList());
        }
        assertFalse(programs.isEmpty(), "no programs in " + CORPUS.toAbsolutePath());
        return programs.stream().map(p ->
                DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> check(p)));
    }

    private static boolean isParserCase(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".lua") && !name.startsWith("sem-");
    }

    private static void check(Path program) throws IOException {
        String name = program.getFileName().toString();
        Path expectedFile = program.resolveSibling(name.replaceFirst("\\.lua$", ".expected"));
        String expected = latin1(Files.readAllBytes(expectedFile));
        if (expected.endsWith("\n")) expected = expected.substring(0, expected.length() - 1);
        byte[] source = Files.readAllBytes(program);
        LuaError e = assertThrows(LuaError.class, () -> Parser.parse(source, STDIN));
        assertEquals(expected, latin1(((LuaString) e.value()).rawBytes()));
    }

    /** Bytes as chars one to one, so that any message compares and prints losslessly. */
    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
