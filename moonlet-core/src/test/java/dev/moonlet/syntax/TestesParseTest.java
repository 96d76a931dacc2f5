package dev.moonlet.syntax;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.moonlet.value.LuaString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every file of Lua's official test suite parses. The suite is not part of this repository:
 * run with {@code -Dmoonlet.testes=/path/to/lua-5.4.7/testes} (its {@code *.lua} and
 * {@code libs/*.lua} are parsed); without the property this test is skipped.
 */
@EnabledIfSystemProperty(named = "moonlet.testes", matches = ".+")
class TestesParseTest {

    @TestFactory
    Stream<DynamicTest> everyFileOfTheTestSuiteParses() throws IOException {
        Path dir = Path.of(System.getProperty("moonlet.testes"));
        List<Path> files = Stream.concat(luaFiles(dir), luaFiles(dir.resolve("libs")))
                .sorted().collect(Collectors.toList());
        assertFalse(files.isEmpty(), "no .lua files in " + dir);
        return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(),
                () -> Parser.parse(withoutFirstComment(Files.readAllBytes(f)),
                        LuaString.of("@" + f.getFileName()))));
    }

    private static Stream<Path> luaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return Stream.empty();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".lua")).collect(Collectors.toList())
                    .stream();
        }
    }

    /**
     * The source as {@code lua} loads a file: a first line starting with '#' is skipped, its
     * line break kept so that line numbers stay the same.
     */
    private static byte[] withoutFirstComment(byte[] src) {
        if (src.length == 0 || src[0] != '#') return src;
        int i = 0;
        while (i < src.length && src[i] != '\n') i++;
        return Arrays.copyOfRange(src, i, src.length);
    }
}
