package dev.moonlet.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs Lua snippets on a fresh instance with the VM's {@link TestLib}, for tests that compare
 * what a script prints with what {@code lua5.4} prints for it.
 */
final class Scripts {
    private Scripts() {}

    /** The fuel of each step: small enough that scripts are stepped many times. */
    static final long STEP_FUEL = 997;

    /**
     * What {@code code} (chunk name {@code "=test"}) prints; an uncaught error adds a last line
     * {@code "ERROR: message"}, as the standalone interpreter reports it.
     */
    static String run(String code) {
        return run(code, "=test");
    }

    /** What {@code code} prints when loaded with chunk name {@code chunkName}. */
    static String run(String code, String chunkName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Instance instance = TestLib.instance(out);
        Status s;
        try {
            Closure chunk = instance.load(code.getBytes(StandardCharsets.UTF_8), LuaString.of(chunkName), "t", null);
            Executor ex = new Executor(instance, chunk);
            do s = ex.step(STEP_FUEL); while (s instanceof Status.Running);
        } catch (LuaError e) {
            return "ERROR: " + e.getMessage() + "\n";
        }
        String printed = out.toString(StandardCharsets.ISO_8859_1);
        if (s instanceof Status.Failed) return printed + "ERROR: " + message(((Status.Failed) s).error()) + "\n";
        return printed;
    }

    /** The error message as lua.c prints an uncaught error. */
    static String message(LuaError e) {
        Object v = e.value();
        if (v instanceof LuaString) return new String(((LuaString) v).rawBytes(), StandardCharsets.ISO_8859_1);
        if (v instanceof Long || v instanceof Double) return TestLib.tostring(v).toString();
        return "(error object is a " + LuaType.typeName(v) + " value)";
    }

    /** Asserts that {@code code} prints {@code expected} (lua5.4's output, recorded). */
    static void assertOutput(String code, String expected) {
        assertEquals(expected, run(code));
    }

    /**
     * Asserts that {@code code}, named as {@code lua5.4 -} names standard input ({@code stdin}),
     * prints {@code expected}: lua5.4's output without the {@code [C]: in ?} line its own
     * C main function adds at the bottom of tracebacks.
     */
    static void assertStdinOutput(String code, String expected) {
        assertEquals(expected, run(code, "=stdin"));
    }
}
