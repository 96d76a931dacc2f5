package dev.moonlet.playground;

import java.util.List;

/**
 * Writes the JSON of the playground's events: flat objects whose fields are strings, numbers
 * or lists of strings. The page parses them with {@code JSON.parse}; nothing here reads JSON.
 *
 * <pre>{@code
 * Json.object().put("type", "output").put("text", "hi\n").toString();
 * // {"type":"output","text":"hi\n"}
 * }</pre>
 */
final class Json {
    private final StringBuilder out = new StringBuilder("{");

    private Json() {}

    /** An empty object to add fields to. */
    static Json object() {
        return new Json();
    }

    /** Adds the string field {@code name}. */
    Json put(String name, String value) {
        key(name);
        quote(value, out);
        return this;
    }

    /** Adds the number field {@code name}. */
    Json put(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    /** Adds the field {@code name}, a list of strings. */
    Json put(String name, List<String> values) {
        key(name);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(',');
            quote(values.get(i), out);
        }
        out.append(']');
        return this;
    }

    /** Adds the fields of {@code other}, after this object's own. */
    Json merge(Json other) {
        if (other.out.length() > 1) {
            if (out.length() > 1) out.append(',');
            out.append(other.out, 1, other.out.length());
        }
        return this;
    }

    private void key(String name) {
        if (out.length() > 1) out.append(',');
        quote(name, out);
        out.append(':');
    }

    @Override
    public String toString() {
        return out + "}";
    }

    /**
     * Appends {@code s} as a JSON string. Besides quotes, backslashes and control characters,
     * U+2028 and U+2029 are escaped too, and so is {@code <}, so that the text is also safe
     * inside an HTML script element.
     */
    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '<' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
