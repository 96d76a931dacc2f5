package dev.moonlet.playground;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The files the playground ships in its jar, next to its classes: the page, the Lua preludes, the bags language. */
final class Resources {
    private Resources() {}

    /** The bytes of resource {@code path} (relative to this package), or null if there is none. */
    static byte[] bytes(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text (UTF-8) of resource {@code path}, which must exist. */
    static String text(String path) {
        byte[] b = bytes(path);
        if (b == null) throw new IllegalStateException("missing resource " + path);
        return new String(b, StandardCharsets.UTF_8);
    }
}
