package dev.moonlet.cli;

import dev.moonlet.api.Lua;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The interactive loop, with lua.c's interaction: prompts {@code > } and {@code >> } (or the
 * globals {@code _PROMPT} and {@code _PROMPT2}), a line that is an expression prints its
 * values, {@code =expr} is {@code return expr}, input whose syntax error is at {@code <eof>}
 * continues on the next line, and messages carry no program name.
 *
 * <p>Ctrl-C while a line runs stops it before its next step, reports {@code interrupted!}
 * with a traceback, and comes back to the prompt with the globals as the line left them.
 * Ctrl-C while typing drops the input; Ctrl-D (end of input) leaves.
 */
final class Repl {
    private static final String EOF_MARK = "<eof>";
    private static final LuaString STDIN = LuaString.of("=stdin");
    /** REPL messages have no program name, as in lua.c. */
    private static final String NO_PREFIX = "";

    private final Lua lua;
    private final Runner runner;
    private final ScriptOutput out;
    private final PrintStream err;
    private final boolean terminal;

    Repl(Lua lua, Runner runner, ScriptOutput out, PrintStream err, boolean terminal) {
        this.lua = lua;
        this.runner = runner;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** Reads and runs lines until the end of input; answers the exit status (0). */
    int run() {
        try (LineSource lines = terminal ? new TerminalLines(runner::interrupt) : new PipedLines(System.in, out)) {
            for (;;) {
                Object fn;
                try {
                    fn = readChunk(lines);
                } catch (LineSource.Cancelled e) {
                    continue;
                }
                if (fn == LineSource.END) break;
                if (fn instanceof LuaError e) {
                    err.println(e.getMessage());
                    continue;
                }
                Runner.Outcome outcome = runner.run(lua, fn);
                if (outcome instanceof Runner.Outcome.Finished f) {
                    printResults(f.values());
                    outcome = runner.runRest(lua);
                }
                Main.report(lua, outcome, NO_PREFIX, err);
            }
        }
        out.print("\n");
        return 0;
    }

    /**
     * The next chunk: its function, a {@link LuaError} (the syntax error to report), or
     * {@link LineSource#END}. An expression line is compiled as {@code return line}; a chunk
     * whose syntax error is at {@code <eof>} reads more lines, as lua.c's multiline does.
     */
    private Object readChunk(LineSource lines) throws LineSource.Cancelled {
        out.flushNow();
        String line = lines.read(prompt("_PROMPT", "> "));
        if (line == null) return LineSource.END;
        if (line.startsWith("=")) line = "return " + line.substring(1);
        try {
            return load("return " + line);
        } catch (LuaError notAnExpression) {
            // Compiled as statements below.
        }
        String code = line;
        for (;;) {
            try {
                return load(code);
            } catch (LuaError e) {
                if (!e.getMessage().endsWith(EOF_MARK)) return e;
                String more = lines.read(prompt("_PROMPT2", ">> "));
                if (more == null) return e;
                code = code + "\n" + more;
            }
        }
    }

    /** The prompt: the global {@code name} as a string when set, as lua.c's get_prompt. */
    private String prompt(String name, String dflt) {
        Object p = lua.get(name);
        if (p instanceof LuaString || p instanceof Long || p instanceof Double) return String.valueOf(p);
        return dflt;
    }

    private Object load(String code) {
        return lua.instance().load(code.getBytes(StandardCharsets.UTF_8), STDIN, "t", null);
    }

    /** Prints a line's results with the global {@code print}, as lua.c's l_print does. */
    private void printResults(Object[] results) {
        if (results.length == 0) return;
        Runner.Outcome printed = runner.run(lua, lua.get("print"), results);
        if (printed instanceof Runner.Outcome.Failed f) {
            err.println("error calling 'print' (" + f.error().getMessage() + ")");
        } else {
            Main.report(lua, printed, NO_PREFIX, err);
        }
    }
}
