package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Closure;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Values;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code debug.debug()}: an interactive prompt. It writes {@code "lua_debug> "} to the error
 * output, reads a line from standard input, runs it as a chunk named
 * {@code "=(debug command)"} (printing any error to the error output), and repeats until it
 * reads {@code cont} or the input ends. Each command runs as a call the executor makes, so
 * it may itself call, yield or fail like any code.
 */
final class DebugPrompt implements Sequence {
    /** Lines are read as C's {@code fgets} into a 250-byte buffer reads them. */
    private static final int MAX_LINE = 249;
    private static final LuaString CHUNK_NAME = LuaString.of("=(debug command)");
    private static final byte[] PROMPT = {'l', 'u', 'a', '_', 'd', 'e', 'b', 'u', 'g', '>', ' '};

    /** Whether the last poll asked for an error value's {@code __tostring}. */
    private boolean describing;

    private DebugPrompt() {}

    /** {@code debug.debug()}. */
    static Object debug(Coroutine co, Object[] args) {
        return new DebugPrompt();
    }

    @Override
    public Action poll(Coroutine co, Object[] results) {
        if (describing) {
            describing = false;
            report(co.instance(), ToString.checkResult(co, results));
        }
        return next(co);
    }

    @Override
    public Action error(Coroutine co, LuaError error) {
        Object text = ToString.of(co.instance(), error.value());
        if (text instanceof Action.Call) {
            describing = true;
            return (Action.Call) text;
        }
        report(co.instance(), (LuaString) text);
        return next(co);
    }

    /** Prompts and reads until a command compiles (answering its call), or the session ends. */
    private static Action next(Coroutine co) {
        Instance instance = co.instance();
        for (;;) {
            write(instance, PROMPT);
            byte[] line = readLine(instance);
            if (line == null || new String(line, StandardCharsets.ISO_8859_1).equals("cont\n")) {
                return new Action.Return(Values.NONE);
            }
            try {
                Closure command = instance.load(line, CHUNK_NAME, "bt", null);
                return new Action.Call(command, Values.NONE);
            } catch (LuaError e) {
                report(instance, (LuaString) e.value());
            }
        }
    }

    /** One line of standard input with its newline, at most {@link #MAX_LINE} bytes; null at its end. */
    private static byte[] readLine(Instance instance) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            instance.output().flush();
            while (line.size() < MAX_LINE) {
                int c = System.in.read();
                if (c < 0) break;
                line.write(c);
                if (c == '\n') break;
            }
        } catch (IOException e) {
            // An unreadable input ends the session, as end of file does.
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static void report(Instance instance, LuaString message) {
        write(instance, message.rawBytes());
        write(instance, new byte[] {'\n'});
    }

    private static void write(Instance instance, byte[] bytes) {
        OutputStream err = instance.errorOutput();
        try {
            err.write(bytes);
            err.flush();
        } catch (IOException e) {
            // Like C's stderr writes, a failing prompt is not an error of the script.
        }
    }
}
