package dev.moonlet.cli;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The interactive loop, with lua.c's interaction: prompts {@code > } and {@code >> }, a line
 * that is an expression prints its values, and input whose syntax error is at {@code <eof>}
 * continues on the next line.
 */
final class Repl {
    private static final String EOF_MARK = "<eof>";
    private static final LuaString STDIN = LuaString.of("=stdin");

    private final Lua lua;
    private final PrintStream out;
    private final PrintStream err;

    Repl(Lua lua, PrintStream out, PrintStream err) {
        this.lua = lua;
        this.out = out;
        this.err = err;
    }

    /** Reads and runs lines until end of input; answers the exit status. */
    int run() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = prompt(in, "> ")) != null) {
                Object fn = compile(in, line);
                if (fn != null) runAndPrint(fn);
            }
        } catch (IOException e) {
            err.println(Main.PROGNAME + ": " + e.getMessage());
            return 1;
        }
        out.println();
        out.flush();
        return 0;
    }

    private String prompt(BufferedReader in, String prompt) throws IOException {
        out.print(prompt);
        out.flush();
        return in.readLine();
    }

    /** The function for {@code line} and any continuation lines, or null after reporting an error. */
    private Object compile(BufferedReader in, String line) throws IOException {
        if (line.startsWith("=")) line = "return " + line.substring(1);
        try {
            return load("return " + line);
        } catch (LuaError ignored) {
            // Not an expression: compile it as statements below.
        }
        String code = line;
        for (;;) {
            try {
                return load(code);
            } catch (LuaError e) {
                String msg = e.getMessage();
                if (!msg.endsWith(EOF_MARK)) {
                    err.println(Main.PROGNAME + ": " + msg);
                    err.flush();
                    return null;
                }
                String more = prompt(in, ">> ");
                if (more == null) return null;
                code = code + "\n" + more;
            }
        }
    }

    private Object load(String code) {
        return lua.instance().load(code.getBytes(StandardCharsets.UTF_8), STDIN, "t", null);
    }

    /** Runs {@code fn}; prints its results with the global {@code print}, as lua.c does. */
    private void runAndPrint(Object fn) {
        Executor ex = lua.start(fn);
        Status s;
        do s = ex.step(1 << 20); while (s instanceof Status.Running || s instanceof Status.Waiting);
        out.flush();
        if (s instanceof Status.Failed) {
            err.println(Main.PROGNAME + ": " + ErrorMessage.of(lua, ((Status.Failed) s).error()));
            err.flush();
            return;
        }
        Object[] results = ((Status.Finished) s).values();
        if (results.length > 0) {
            try {
                lua.call(lua.get("print"), results);
            } catch (LuaError e) {
                err.println(Main.PROGNAME + ": error calling 'print' (" + e.getMessage() + ")");
            }
            out.flush();
        }
    }
}
