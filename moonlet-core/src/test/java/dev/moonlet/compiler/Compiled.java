package dev.moonlet.compiler;

import dev.moonlet.syntax.Parser;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.StringPool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: compile a source text and look at its code as listing lines. */
final class Compiled {
    private Compiled() {}

    /** The main function compiled from {@code source} (chunk name {@code =test}). */
    static Proto compile(String source) {
        return Compiler.compile(Parser.parse(source.getBytes(StandardCharsets.UTF_8),
                LuaString.of("=test")), new StringPool());
    }

    /**
     * The instructions of {@code p} as "OPCODE operands" strings, the listing's comments left
     * out: {@code "GETTABUP 0 0 0"}.
     */
    static List<String> code(Proto p) {
        List<String> out = new ArrayList<>();
        String listing = Listing.of(p);
        String[] lines = listing.split("\n");
        // The first function's instructions come right after its two header lines.
        for (int i = 3; i < lines.length && lines[i].startsWith("\t"); i++) {
            String[] parts = lines[i].split("\t");
            out.add((parts[3].trim() + " " + (parts.length > 4 ? parts[4] : "")).trim());
        }
        return out;
    }

    /** The instructions of the main function of {@code source}. */
    static List<String> code(String source) {
        return code(compile(source));
    }

    /** The instructions of the first function nested in the main function of {@code source}. */
    static List<String> inner(String source) {
        return code(compile(source).protos[0]);
    }
}
