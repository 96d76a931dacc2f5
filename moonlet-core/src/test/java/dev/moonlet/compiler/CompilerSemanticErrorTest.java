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
 * Every {@code sem-*.lua} program of {@code src/test/lua/syntax-errors} parses but does not
 * compile, with exactly the message lua5.4 gives for it on stdin, recorded beside it in
 * {@code NAME.expected}: assignments to {@code <const>} variables, gotos and labels, limits.
 */
class CompilerSemanticErrorTest {
    private static final Path CORPUS = Path.of("src/test/lua/syntax-errors");
    private static final LuaString STDIN = LuaString.of("=stdin");

    @TestFactory
    Stream<DynamicTest> everySemanticErrorGetsLuasMessage() throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.list(CORPUS)) {
            programs = files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("sem-") && name.endsWith(".lua");
            }).sorted().collect(Collectors.toList());
        }
        assertFalse(programs.isEmpty(), "no sem-*.lua programs in " + CORPUS.toAbsolutePath());
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

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
