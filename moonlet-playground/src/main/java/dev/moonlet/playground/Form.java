package dev.moonlet.playground;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The parameters of a request: an {@code application/x-www-form-urlencoded} body or a query
 * string, decoded by the JDK's {@link URLDecoder}.
 *
 * <pre>{@code
 * Form f = Form.parse("session=ab12&code=return%201%2B1");
 * f.get("code");   // "return 1+1"
 * }</pre>
 */
final class Form {
    private final Map<String, String> fields = new HashMap<>();

    private Form() {}

    /** The fields of {@code encoded} ({@code a=1&b=2}); null is an empty form. */
    static Form parse(String encoded) {
        Form f = new Form();
        if (encoded == null || encoded.isEmpty()) return f;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            f.fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return f;
    }

    /** The field {@code name}, or null. */
    String get(String name) {
        return fields.get(name);
    }

    /**
     * The field {@code name} as an integer from {@code min} to {@code max}.
     *
     * @throws IllegalArgumentException when it is missing, not a number, or out of range
     */
    long integer(String name, long min, long max) {
        String v = fields.get(name);
        long n;
        try {
            n = Long.parseLong(v == null ? "" : v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
        if (n < min || n > max) throw new IllegalArgumentException(name + " must be from " + min + " to " + max);
        return n;
    }
}
