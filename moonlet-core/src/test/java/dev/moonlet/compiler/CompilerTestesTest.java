package dev.moonlet.compiler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.moonlet.lib.ChunkLoader;
import dev.moonlet.syntax.Parser;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.StringPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of Lua's official test suite parses and compiles without error. The suite is not part of
 * this repository: it is looked for in {@code -Dmoonlet.testes=DIR}, else in
 * {@code ~/lua-5.4.7/testes}; when absent the test is skipped.
 */
class CompilerTestesTest {

    @TestFactory
    Stream<DynamicTest> everyFileOfTheTestSuiteCompiles() throws IOException {
        Path dir = Path.of(System.getProperty("moonlet.testes",
                System.getProperty("user.home") + "/lua-5.4.7/testes"));
        assumeTrue(Files.isDirectory(dir), "no test suite in " + dir);
        List<Path> files = Stream.concat(luaFiles(dir), luaFiles(dir.resolve("libs")))
                .sorted().collect(Collectors.toList());
        assertFalse(files.isEmpty(), "no .lua files in " + dir);
        return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(),
                () -> Compiler.compile(Parser.parse(ChunkLoader.readFile(f.toString()),
                        LuaString.of("@" + f.getFileName())), new StringPool())));
    }

    private static Stream<Path> luaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return Stream.empty();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".lua")).collect(Collectors.toList())
                    .stream();
        }
    }
}
