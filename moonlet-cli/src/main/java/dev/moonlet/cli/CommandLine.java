package dev.moonlet.cli;

import dev.moonlet.api.Limits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parsed arguments of {@code moonlet}, read the way lua.c reads its own: options up to the
 * script name, then the script's arguments. Two compiler modes come first when present:
 * {@code -p files...} (check syntax) and {@code -l file.lua ...} (list bytecode); {@code -l}
 * with any other argument is lua's {@code -l mod}. Moonlet's own options are long ones
 * ({@code --fuel N}, {@code --timeout S}, {@code --memory SIZE}, {@code --sandbox},
 * {@code --stats}), also accepted as {@code --fuel=N}, among lua's options before the script.
 */
final class CommandLine {
    /** What the command does. */
    enum Mode { RUN, CHECK, LIST }

    /** A {@code -e stat} or {@code -l [g=]mod}, run in command-line order. */
    record Action(boolean isRequire, String global, String text) {}

    /** A malformed command line; the message is lua.c's. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    static final String USAGE = ""
            + "usage: %s [options] [script [args]]\n"
            + "Available options are:\n"
            + "  -e stat   execute string 'stat'\n"
            + "  -i        enter interactive mode after executing 'script'\n"
            + "  -l mod    require library 'mod' into global 'mod'\n"
            + "  -l g=mod  require library 'mod' into global 'g'\n"
            + "  -v        show version information\n"
            + "  -E        ignore environment variables\n"
            + "  -W        turn warnings on\n"
            + "  --        stop handling options\n"
            + "  -         stop handling options and execute stdin\n"
            + "Moonlet's extras:\n"
            + "  --fuel N        stop after N units of work (instructions and builtin work)\n"
            + "  --timeout S     stop after S seconds of running time\n"
            + "  --memory SIZE   limit the memory scripts may hold (64m, 1g, 512k, bytes)\n"
            + "  --sandbox       open only the safe libraries (no io, no files, no os.exit...)\n"
            + "  --stats         print work, steps, longest step, peak memory and time to stderr\n"
            + "Compiler tools:\n"
            + "  -p files      check syntax only (like luac -p)\n"
            + "  -l file.lua   list the bytecode (like luac -l)\n";

    private Mode mode = Mode.RUN;
    private final List<String> files = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();
    private List<String> allArgs = List.of();
    private int scriptIndex;
    private boolean interactive;
    private boolean version;
    private boolean ignoreEnv;
    private boolean warnings;
    private long fuel = -1;
    private double timeoutSeconds = -1;
    private long memoryBytes = -1;
    private String memoryText;
    private boolean sandbox;
    private boolean stats;

    private CommandLine() {}

    static CommandLine parse(String[] argv) throws UsageError {
        CommandLine c = new CommandLine();
        c.allArgs = Arrays.asList(argv);
        if (argv.length >= 2 && argv[0].equals("-p")) {
            c.mode = Mode.CHECK;
            c.files.addAll(c.allArgs.subList(1, argv.length));
        } else if (argv.length >= 2 && argv[0].equals("-l") && isSourceName(argv[1])) {
            c.mode = Mode.LIST;
            c.files.addAll(c.allArgs.subList(1, argv.length));
        } else {
            c.collect(argv);
        }
        return c;
    }

    /** A {@code -l} argument naming a file to list rather than a module to require. */
    private static boolean isSourceName(String arg) {
        return arg.endsWith(".lua") || arg.equals("-");
    }

    /** lua.c's collectargs: sets the flags and finds where the script's name is. */
    private void collect(String[] argv) throws UsageError {
        int i = 0;
        for (; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("-")) break;
            if (a.equals("-")) break;
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.startsWith("--")) {
                i = longOption(argv, i);
                continue;
            }
            char opt = a.charAt(1);
            switch (opt) {
                case 'E': case 'W': case 'i': case 'v':
                    if (a.length() != 2) throw unrecognized(a);
                    if (opt == 'E') ignoreEnv = true;
                    if (opt == 'W') warnings = true;
                    if (opt == 'i') interactive = version = true;
                    if (opt == 'v') version = true;
                    break;
                case 'e': case 'l': {
                    String text = a.substring(2);
                    if (text.isEmpty()) {
                        if (++i >= argv.length || argv[i].startsWith("-")) {
                            throw new UsageError("'" + a + "' needs argument");
                        }
                        text = argv[i];
                    }
                    actions.add(opt == 'e' ? new Action(false, null, text) : requireAction(text));
                    break;
                }
                default:
                    throw unrecognized(a);
            }
        }
        scriptIndex = i;
    }

    /** Moonlet's own {@code --name [value]} or {@code --name=value} at {@code argv[i]}; answers the last index used. */
    private int longOption(String[] argv, int i) throws UsageError {
        String a = argv[i];
        int eq = a.indexOf('=');
        String name = eq < 0 ? a : a.substring(0, eq);
        switch (name) {
            case "--sandbox":
            case "--stats":
                if (eq >= 0) throw unrecognized(a);
                if (name.equals("--sandbox")) sandbox = true;
                else stats = true;
                return i;
            case "--fuel":
            case "--timeout":
            case "--memory":
                break;
            default:
                throw unrecognized(a);
        }
        String value;
        if (eq >= 0) {
            value = a.substring(eq + 1);
        } else {
            if (++i >= argv.length) throw new UsageError("'" + name + "' needs argument");
            value = argv[i];
        }
        switch (name) {
            case "--fuel":
                fuel = parseCount(name, value);
                break;
            case "--timeout":
                timeoutSeconds = parseSeconds(name, value);
                break;
            default:
                memoryBytes = parseSize(name, value);
                memoryText = value;
        }
        return i;
    }

    private static long parseCount(String option, String value) throws UsageError {
        try {
            long n = Long.parseLong(value);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // Reported below, with the other malformed values.
        }
        throw badValue(option, value);
    }

    private static double parseSeconds(String option, String value) throws UsageError {
        try {
            double s = Double.parseDouble(value);
            if (s > 0 && s < 1e9) return s;
        } catch (NumberFormatException e) {
            // Reported below, with the other malformed values.
        }
        throw badValue(option, value);
    }

    /** A size in bytes: digits, optionally followed by {@code k}, {@code m} or {@code g} (powers of 1024). */
    static long parseSize(String option, String value) throws UsageError {
        try {
            return Limits.parseSize(value);
        } catch (IllegalArgumentException e) {
            throw badValue(option, value);
        }
    }

    private static UsageError badValue(String option, String value) {
        return new UsageError("bad value '" + value + "' for '" + option + "'");
    }

    private static Action requireAction(String text) {
        int eq = text.indexOf('=');
        return eq < 0 ? new Action(true, text, text)
                : new Action(true, text.substring(0, eq), text.substring(eq + 1));
    }

    private static UsageError unrecognized(String arg) {
        return new UsageError("unrecognized option '" + arg + "'");
    }

    Mode mode() {
        return mode;
    }

    /** The files of {@code -p} / {@code -l file.lua}. */
    List<String> files() {
        return files;
    }

    /** {@code -e} and {@code -l mod} in order. */
    List<Action> actions() {
        return actions;
    }

    /** The script's name, or null when there is none. */
    String script() {
        return scriptIndex < allArgs.size() ? allArgs.get(scriptIndex) : null;
    }

    /** Whether the script is stdin, named {@code -}. */
    boolean stdinScript() {
        return "-".equals(script()) && (scriptIndex == 0 || !allArgs.get(scriptIndex - 1).equals("--"));
    }

    /** The index of the script's name in {@link #allArgs()} (its size when there is none). */
    int scriptIndex() {
        return scriptIndex;
    }

    /** Every argument, as given. */
    List<String> allArgs() {
        return allArgs;
    }

    /** The script's own arguments. */
    List<String> scriptArgs() {
        int from = Math.min(scriptIndex + 1, allArgs.size());
        return allArgs.subList(from, allArgs.size());
    }

    boolean interactive() {
        return interactive;
    }

    boolean version() {
        return version;
    }

    boolean ignoreEnv() {
        return ignoreEnv;
    }

    boolean warnings() {
        return warnings;
    }

    /** {@code --fuel}: the total work allowed, or -1 for no limit. */
    long fuel() {
        return fuel;
    }

    /** {@code --timeout}: the wall time allowed in seconds, or -1 for no limit. */
    double timeoutSeconds() {
        return timeoutSeconds;
    }

    /** {@code --memory}: the memory limit in bytes, or -1 for none. */
    long memoryBytes() {
        return memoryBytes;
    }

    /** {@code --memory} as the user wrote it ({@code "64m"}), for messages; null when not given. */
    String memoryText() {
        return memoryText;
    }

    boolean sandbox() {
        return sandbox;
    }

    boolean stats() {
        return stats;
    }
}
