package dev.moonlet.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parsed arguments of {@code moonlet}, read the way lua.c reads its own: options up to the
 * script name, then the script's arguments. Two compiler modes come first when present:
 * {@code -p files...} (check syntax) and {@code -l file.lua ...} (list bytecode); {@code -l}
 * with any other argument is lua's {@code -l mod}.
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
            if (a.startsWith("--")) {
                if (a.length() != 2) throw unrecognized(a);
                i++;
                break;
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
}
