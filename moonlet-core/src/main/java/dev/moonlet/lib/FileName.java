package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * File names and other string arguments as the C library sees them: the bytes of a Lua string
 * up to its first zero byte. They are handled as Java text with one character per byte (so
 * that messages quote them byte for byte), and given to the file system decoded as UTF-8.
 *
 * <pre>{@code
 * String name = FileName.of(LuaString.of("dir/x.lua"));   // "dir/x.lua"
 * Path p = FileName.path(name);
 * }</pre>
 */
final class FileName {
    private FileName() {}

    /** The bytes of {@code s} up to its first zero, one character each. */
    static String of(LuaString s) {
        byte[] b = s.rawBytes();
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** The Lua string whose bytes are the characters of {@code name}. */
    static LuaString toLua(String name) {
        return LuaString.wrap(name.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@code name} (one byte per character) as Java text: its bytes decoded as UTF-8. */
    static String decoded(String name) {
        return new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * The file {@code name} names; the empty name names no file.
     *
     * @throws InvalidPathException if the file system cannot represent it
     */
    static Path path(String name) {
        if (name.isEmpty()) throw new InvalidPathException(name, "empty file name");
        return Path.of(decoded(name));
    }
}
