package dev.moonlet.cli;

import dev.moonlet.api.Lua;
import dev.moonlet.api.Sandbox;
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
import dev.moonlet.vm.Task;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code moonlet} command: a drop-in for {@code lua} (lua.c's options, exit statuses and
 * messages), with limits ({@code --fuel}, {@code --timeout}, {@code --memory}), a sandbox
 * ({@code --sandbox}), statistics ({@code --stats}), and the compiler tools of {@code luac}:
 * {@code -p} checks syntax and {@code -l file.lua} lists bytecode.
 *
 * <p>Exit status: 0 on success; 1 when a chunk fails (the message and its traceback go to
 * stderr as {@code moonlet: msg}) or is interrupted; 3 when a limit is reached (a one-line
 * message); and whatever {@code os.exit} asks for.
 */
public final class Main {
    /** The name messages start with. */
    static final String PROGNAME = "moonlet";
    /** The exit status when a limit of the command line is reached. */
    static final int LIMIT_STATUS = 3;

    /**
     * The process's environment variables. The command's start-up path holds no lambda and no
     * method reference: the JVM's first link of one costs several milliseconds.
     */
    private static final UnaryOperator<String> ENVIRONMENT = new UnaryOperator<>() {
        @Override
        public String apply(String name) {
            return System.getenv(name);
        }
    };

    private final ScriptOutput out;
    private final PrintStream err;
    private final UnaryOperator<String> env;
    private final boolean stdinIsTerminal;
    private Runner runner;

    private Main(ScriptOutput out, PrintStream err, UnaryOperator<String> env, boolean stdinIsTerminal) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    /** Runs the command and exits the JVM with its status; {@code moonlet playground ...} serves the web playground. */
    public static void main(String[] argv) {
        if (argv.length > 0 && argv[0].equals("playground")) {
            dev.moonlet.playground.Playground.main(java.util.Arrays.copyOfRange(argv, 1, argv.length));
            return;
        }
        ScriptOutput out = new ScriptOutput(new FileOutputStream(FileDescriptor.out));
        System.setIn(out.flushingBefore(System.in));
        PrintStream err = new PrintStream(out.flushingBeforeWrites(new FileOutputStream(FileDescriptor.err)), true,
                StandardCharsets.UTF_8);
        int status = new Main(out, err, ENVIRONMENT, stdinIsTerminal()).run(argv);
        out.flushNow();
        System.exit(status);
    }

    /**
     * Whether standard input is a terminal, as lua.c's {@code lua_stdin_is_tty} asks. Java 17
     * only tells whether stdin and stdout both are ({@link System#console()}); for
     * {@code moonlet | tee log} on a terminal, Linux's {@code /proc} says what fd 0 is.
     */
    private static boolean stdinIsTerminal() {
        if (System.console() != null) return true;
        try {
            String file = Path.of("/proc/self/fd/0").toRealPath().toString();
            return file.startsWith("/dev/pts/") || file.startsWith("/dev/tty");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * For tests: runs the command with these streams and environment, standard input being
     * {@link System#in} and not a terminal; answers the exit status.
     */
    static int run(String[] argv, OutputStream stdout, OutputStream stderr, UnaryOperator<String> env) {
        ScriptOutput out = new ScriptOutput(stdout);
        PrintStream err = new PrintStream(out.flushingBeforeWrites(stderr), true, StandardCharsets.UTF_8);
        int status = new Main(out, err, env, false).run(argv);
        out.flushNow();
        return status;
    }

    private int run(String[] argv) {
        CommandLine cmd;
        try {
            cmd = CommandLine.parse(argv);
        } catch (CommandLine.UsageError e) {
            err.println(PROGNAME + ": " + e.getMessage());
            err.print(CommandLine.USAGE.replace("%s", PROGNAME));
            return 1;
        }
        switch (cmd.mode()) {
            case CHECK:
                return compileFiles(cmd.files(), false);
            case LIST:
                return compileFiles(cmd.files(), true);
            default:
                return runCommand(cmd);
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

    /** The lua-compatible mode, under the limits: runs everything, then reports and closes. */
    private int runCommand(CommandLine cmd) {
        long start = System.nanoTime();
        Lua lua = new Lua(cmd.sandbox() ? Sandbox.untrusted() : Sandbox.trusted());
        runner = new Runner(cmd.fuel(), cmd.timeoutSeconds(), cmd.memoryText(), out);
        InterruptSignal.interrupts(runner);
        boolean close = true;
        try {
            return runScript(lua, cmd);
        } catch (OsExit exit) {
            close = exit.close();
            return exit.status();
        } finally {
            List<String> blocked = new ArrayList<>();
            for (Task t : lua.scheduler().waitingTasks()) blocked.add(t.describe());
            Runner.killAll(lua);
            // As lua.c: the state is closed (its finalizers run) unless os.exit asked not to.
            if (close) lua.close();
            IoLib.closeFiles(lua.instance());
            out.flushNow();
            if (cmd.stats()) err.print(runner.stats(lua.instance().heap().peak(), System.nanoTime() - start, blocked));
        }
    }

    /** lua.c's {@code pmain}: version, {@code LUA_INIT}, {@code -e}/{@code -l} in order, the script, the REPL. */
    private int runScript(Lua lua, CommandLine cmd) {
        lua.setOutput(out);
        lua.setErrorOutput(err);
        if (cmd.ignoreEnv()) PackageLib.ignoreEnvironment(lua.instance());
        if (cmd.version()) out.print(version() + "\n");
        if (cmd.warnings()) lua.instance().setWarningsOn(true);
        if (cmd.memoryBytes() > 0) lua.instance().heap().setLimit(cmd.memoryBytes());
        lua.set("arg", argTable(cmd));
        if (!cmd.ignoreEnv()) {
            int status = runInit(lua);
            if (status != 0) return status;
        }
        for (CommandLine.Action action : cmd.actions()) {
            int status = action.isRequire() ? require(lua, action.global(), action.text())
                    : loadAndRun(lua, action.text().getBytes(StandardCharsets.UTF_8), "=(command line)");
            if (status != 0) return status;
        }
        if (cmd.script() != null) {
            int status = runFile(lua, cmd.stdinScript() ? null : cmd.script(), cmd.scriptArgs());
            if (status != 0 || !cmd.interactive()) return status;
        }
        if (cmd.interactive()) return repl(lua);
        if (cmd.script() == null && cmd.actions().isEmpty() && !cmd.version()) {
            if (stdinIsTerminal) {
                out.print(version() + "\n");
                return repl(lua);
            }
            // lua.c ignores the status of running stdin here (the error is reported, the
            // exit status stays 0); a limit reached is still Moonlet's status 3.
            int status = runFile(lua, null, List.of());
            return status == LIMIT_STATUS ? status : 0;
        }
        return 0;
    }

    private int repl(Lua lua) {
        return new Repl(lua, runner, out, err, stdinIsTerminal).run();
    }

    /** {@code LUA_INIT_5_4} or else {@code LUA_INIT}: code to run, or {@code @file} to run. */
    private int runInit(Lua lua) {
        String name = "LUA_INIT_5_4";
        String init = env.apply(name);
        if (init == null) {
            name = "LUA_INIT";
            init = env.apply(name);
        }
        if (init == null) return 0;
        if (init.startsWith("@")) return runFile(lua, init.substring(1), List.of());
        return loadAndRun(lua, init.getBytes(StandardCharsets.UTF_8), "=" + name);
    }

    /** Runs the file {@code file} (stdin when null) with {@code args} as its {@code ...}. */
    private int runFile(Lua lua, String file, List<String> args) {
        Object fn;
        try {
            byte[] text = ChunkLoader.readFile(file);
            LuaString name = LuaString.of(file == null ? "=stdin" : "@" + file);
            fn = lua.instance().load(text, name, "bt", null);
        } catch (LuaError e) {
            return report(lua, runner.failed(e), PROGNAME + ": ", err);
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
            return report(lua, runner.failed(e), PROGNAME + ": ", err);
        }
        return execute(lua, fn);
    }

    /** {@code -l g=mod}: calls the global {@code require} with "mod" and sets {@code g} to its result, as lua.c's dolibrary. */
    private int require(Lua lua, String global, String module) {
        Runner.Outcome outcome = runner.run(lua, lua.get("require"), LuaString.of(module));
        if (outcome instanceof Runner.Outcome.Finished f) lua.set(global, f.values().length > 0 ? f.values()[0] : null);
        return report(lua, outcome, PROGNAME + ": ", err);
    }

    /**
     * Runs {@code fn} as a task to its end, then the tasks it left until none can run; reports
     * a failure as lua.c does (after which the others run no more).
     */
    private int execute(Lua lua, Object fn, Object... args) {
        Runner.Outcome outcome = runner.run(lua, fn, args);
        if (outcome instanceof Runner.Outcome.Finished) outcome = runner.runRest(lua);
        return report(lua, outcome, PROGNAME + ": ", err);
    }

    /**
     * Reports how a run ended on {@code err}, each message after {@code prefix} ({@code "moonlet: "},
     * or nothing in the REPL, as lua.c); answers the exit status it calls for.
     */
    static int report(Lua lua, Runner.Outcome outcome, String prefix, PrintStream err) {
        if (outcome instanceof Runner.Outcome.Finished) return 0;
        if (outcome instanceof Runner.Outcome.OverLimit o) {
            err.println(prefix + o.message());
            return LIMIT_STATUS;
        }
        if (outcome instanceof Runner.Outcome.Interrupted i) {
            err.println(prefix + i.message() + "\n" + i.traceback());
            return 1;
        }
        err.println(prefix + ErrorMessage.of(lua, ((Runner.Outcome.Failed) outcome).error()));
        return 1;
    }

    /**
     * The {@code arg} table, as lua.c's createargtable: the script at index 0, its arguments
     * after it, and the interpreter and options before it at negative indices; without a
     * script, the interpreter at index 0 and the options after it.
     */
    private static LuaTable argTable(CommandLine cmd) {
        LuaTable t = new LuaTable();
        List<String> all = cmd.allArgs();
        // Indices in lua.c's argv, where the interpreter's name is argv[0].
        int script = cmd.script() == null ? 0 : cmd.scriptIndex() + 1;
        t.put((long) -script, LuaString.of(PROGNAME));
        for (int i = 0; i < all.size(); i++) {
            t.put((long) (i + 1 - script), LuaString.of(all.get(i)));
        }
        return t;
    }

    private int fail(String message) {
        err.println(PROGNAME + ": " + message);
        return 1;
    }

    /** The version banner {@code -v} prints. */
    static String version() {
        return "Moonlet 0.1 (Lua 5.4)";
    }
}
