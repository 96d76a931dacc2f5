package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.nio.charset.StandardCharsets;

/** Test helpers: Lua strings from Java text whose characters are bytes, and printing of results. */
final class LuaValues {
    private LuaValues() {}

    /** The Lua string whose bytes are the characters of {@code s} (each below 256). */
    static LuaString bytes(String s) {
        return LuaString.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The message of {@code e} as its bytes, one character each (as {@link #bytes} reads them). */
    static String message(LuaError e) {
        return new String(((LuaString) e.value()).rawBytes(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Values as the generator scripts print them from lua5.4: strings quoted with {@code \ddd}
     * escapes, integers in decimal, floats as {@code %.17g} followed by {@code f}, separated
     * by spaces.
     */
    static String render(Object... values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            if (sb.length() > 0) sb.append(' ');
            if (v instanceof LuaString) {
                sb.append('"');
                for (byte b : ((LuaString) v).rawBytes()) {
                    int c = b & 0xFF;
                    if (c < 32 || c > 126 || c == '"' || c == '\\') sb.append(String.format("\\%03d", c));
                    else sb.append((char) c);
                }
                sb.append('"');
            } else if (v instanceof Double) {
                sb.append(cFormat17g((Double) v)).append('f');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    private static String cFormat17g(double d) {
        if (Double.isNaN(d)) return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        return dev.moonlet.value.NumberFormat.format(d, 'g', 17, false);
    }
}
