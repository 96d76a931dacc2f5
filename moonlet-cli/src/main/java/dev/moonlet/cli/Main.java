package dev.moonlet.cli;

import dev.moonlet.api.Lua;
import dev.moonlet.compiler.Compiler;
import dev.moonlet.compiler.Listing;
import dev.moonlet.compiler.Proto;
import dev.moonlet.lib.ChunkLoader;
import dev.moonlet.lib.IoLib;
import dev.moonlet.lib.OsExit;
import dev.moonlet.lib.PackageLib;
import dev.moonlet.syntax.Parser;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.StringPool;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Status;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code moonlet} command: a drop-in for {@code lua} (lua.c's options, exit statuses and
 * messages), plus the compiler tools of {@code luac}: {@code -p} checks syntax and
 * {@code -l file.lua} lists bytecode.
 *
 * <p>Exit status: 0 on success, 1 when a chunk fails (the message and its traceback go to
 * stderr as {@code moonlet: msg}), and whatever {@code os.exit} asks for.
 */
public final class Main {
    /** The name messages start with. */
    static final String PROGNAME = "moonlet";

    private static final long FUEL_PER_STEP = 1 << 20;

    private final PrintStream out;
    private final PrintStream err;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command and exits the JVM with its status; {@code moonlet playground ...} serves the web playground. */
    public static void main(String[] argv) throws Exception {
        if (argv.length > 0 && argv[0].equals("playground")) {
            dev.moonlet.playground.Playground.main(java.util.Arrays.copyOfRange(argv, 1, argv.length));
            return;
        }
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false);
        int status = new Main(out, System.err).run(argv);
        out.flush();
        System.exit(status);
    }

    private int run(String[] argv) {
        CommandLine cmd;
        try {
            cmd = CommandLine.parse(argv);
        } catch (CommandLine.UsageError e) {
            err.println(PROGNAME + ": " + e.getMessage());
            printUsage();
            return 1;
        }
        try {
            switch (cmd.mode()) {
                case CHECK:
                    return compileFiles(cmd.files(), false);
                case LIST:
                    return compileFiles(cmd.files(), true);
                default:
                    return runScript(cmd);
            }
        } catch (OsExit exit) {
            return exit.status();
        }
    }

    /** {@code -p} / {@code -l file.lua}: compile each file; list its bytecode if asked. */
    private int compileFiles(List<String> files, boolean list) {
        for (String file : files) {
            try {
                boolean stdin = file.equals("-");
                byte[] text = ChunkLoader.readFile(stdin ? null : file);
                LuaString name = LuaString.of(stdin ? "=stdin" : "@" + file);
                Proto p = Compiler.compile(Parser.parse(text, name), new StringPool());
                if (list) out.print(Listing.of(p));
            } catch (LuaError e) {
                return fail(e.getMessage());
            }
        }
        return 0;
    }

    /** The lua-compatible mode: -e, -l mod, then the script (or stdin). */
    private int runScript(CommandLine cmd) {
        Lua lua = new Lua();
        try {
            return runScript(lua, cmd);
        } finally {
            IoLib.closeFiles(lua.instance());
        }
    }

    private int runScript(Lua lua, CommandLine cmd) {
        lua.setOutput(out);
        if (cmd.ignoreEnv()) PackageLib.ignoreEnvironment(lua.instance());
        if (cmd.version()) out.println(version());
        if (cmd.warnings()) lua.instance().setWarningsOn(true);
        lua.set("arg", argTable(lua, cmd));
        if (!cmd.ignoreEnv()) {
            int status = runInit(lua);
            if (status != 0) return status;
        }
        for (CommandLine.Action action : cmd.actions()) {
            String code = action.isRequire() ? requireCode(action) : action.text();
            int status = loadAndRun(lua, code.getBytes(StandardCharsets.UTF_8), "=(command line)");
            if (status != 0) return status;
        }
        if (cmd.script() != null) {
            int status = runFile(lua, cmd.stdinScript() ? null : cmd.script(), cmd.scriptArgs());
            if (status != 0 || !cmd.interactive()) return status;
        }
        if (cmd.interactive()) return new Repl(lua, out, err).run();
        if (cmd.script() == null && cmd.actions().isEmpty() && !cmd.version()) {
            if (System.console() != null) {
                out.println(version());
                return new Repl(lua, out, err).run();
            }
            return runFile(lua, null, List.of());
        }
        return 0;
    }

    /** {@code LUA_INIT_5_4} or else {@code LUA_INIT}: code to run, or {@code @file} to run. */
    private int runInit(Lua lua) {
        String name = "LUA_INIT_5_4";
        String init = System.getenv(name);
        if (init == null) {
            name = "LUA_INIT";
            init = System.getenv(name);
        }
        if (init == null) return 0;
        if (init.startsWith("@")) return runFile(lua, init.substring(1), List.of());
        return loadAndRun(lua, init.getBytes(StandardCharsets.UTF_8), "=" + name);
    }

    /** Runs the file {@code file} (stdin when null) with {@code args} as its {@code ...}. */
    private int runFile(Lua lua, String file, List<String> args) {
        Object fn;
        try {
            out.flush();
            byte[] text = ChunkLoader.readFile(file);
            LuaString name = LuaString.of(file == null ? "=stdin" : "@" + file);
            fn = lua.instance().load(text, name, "bt", null);
        } catch (LuaError e) {
            return fail(e.getMessage());
        }
        Object[] luaArgs = new Object[args.size()];
        for (int i = 0; i < luaArgs.length; i++) luaArgs[i] = LuaString.of(args.get(i));
        return execute(lua, fn, luaArgs);
    }

    private int loadAndRun(Lua lua, byte[] code, String chunkName) {
        Object fn;
        try {
            fn = lua.instance().load(code, LuaString.of(chunkName), "t", null);
        } catch (LuaError e) {
            return fail(e.getMessage());
        }
        return execute(lua, fn);
    }

    /** {@code -l g=mod}: {@code g = require("mod")}. */
    private static String requireCode(CommandLine.Action action) {
        return action.global() + " = require(" + quote(action.text()) + ")";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\');
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** Steps {@code fn} to completion; reports an error as lua.c does. */
    int execute(Lua lua, Object fn, Object... args) {
        Executor ex = new Executor(lua.instance(), fn, args);
        Status s;
        do {
            s = ex.step(FUEL_PER_STEP);
            if (s instanceof Status.Waiting) Thread.onSpinWait();
        } while (s instanceof Status.Running || s instanceof Status.Waiting);
        out.flush();
        if (s instanceof Status.Failed) return fail(ErrorMessage.of(lua, ((Status.Failed) s).error()));
        return 0;
    }

    /**
     * The {@code arg} table: the script at index 0, its arguments after it, and the
     * interpreter and options before it at negative indices.
     */
    private static LuaTable argTable(Lua lua, CommandLine cmd) {
        LuaTable t = new LuaTable();
        List<String> all = cmd.allArgs();
        int scriptIndex = cmd.scriptIndex();
        t.put((long) -scriptIndex - 1, LuaString.of(PROGNAME));
        for (int i = 0; i < all.size(); i++) {
            t.put((long) (i - scriptIndex), LuaString.of(all.get(i)));
        }
        return t;
    }

    private int fail(String message) {
        out.flush();
        err.println(PROGNAME + ": " + message);
        err.flush();
        return 1;
    }

    private void printUsage() {
        err.print(CommandLine.USAGE.replace("%s", PROGNAME));
        err.flush();
    }

    /** The version banner {@code -v} prints. */
    static String version() {
        return "Moonlet 0.1 (Lua 5.4)";
    }

    /** For tests: runs the command with these streams and answers the exit status. */
    static int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
        Main m = new Main(out, err);
        int status = m.run(argv);
        out.flush();
        return status;
    }
}
