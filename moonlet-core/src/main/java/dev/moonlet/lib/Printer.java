package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Values;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code print}: writes its arguments, converted as {@code tostring} does and separated by
 * tabs, then a newline, to the instance's output, and flushes it (as {@code lua_writeline}).
 *
 * <p>The line is written in one piece once complete, so that a sink shared by many scripts
 * gets whole lines. When a {@code __tostring} metamethod must be called the printer becomes a
 * sequence frame until the line is done; if a conversion fails, what was converted before it
 * is written (PUC-Rio Lua writes each piece as it goes) and the error goes on.
 */
final class Printer implements Sequence {
    @Override
    public void trace(Marker m) {
        m.markAll(args);
        if (pending != null) m.markAction(pending);
    }

    private final Object[] args;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    /** The next argument to convert. */
    private int next;
    /** The first action, decided inside the builtin call, for the executor's first poll. */
    private Action pending;

    private Printer(Object[] args) {
        this.args = args;
    }

    /** Prints {@code args}: nothing when every one converts at once, else the sequence to run. */
    static Object print(Coroutine co, Object[] args) {
        Printer p = new Printer(args);
        Action a = p.advance(co);
        if (a == null) return Values.NONE;
        p.pending = a;
        return p;
    }

    @Override
    public Action poll(Coroutine co, Object[] results) {
        if (pending != null) {
            Action a = pending;
            pending = null;
            return a;
        }
        try {
            append(ToString.checkResult(co, results));
        } catch (LuaError e) {
            emit(co, false);
            throw e;
        }
        Action a = advance(co);
        return a != null ? a : new Action.Return(Values.NONE);
    }

    @Override
    public Action error(Coroutine co, LuaError error) {
        emit(co, false);
        throw error;
    }

    /**
     * Converts the arguments from {@link #next} on: the {@code __tostring} call to make, or
     * null when the line is complete and written.
     */
    private Action advance(Coroutine co) {
        while (next < args.length) {
            Object text = ToString.of(co.instance(), args[next++]);
            if (text instanceof Action.Call) return (Action) text;
            append((LuaString) text);
        }
        line.write('\n');
        emit(co, true);
        return null;
    }

    private void append(LuaString text) {
        if (next > 1) line.write('\t');
        line.write(text.rawBytes(), 0, text.length());
    }

    /** Writes the line so far, flushing the output if {@code flush}. */
    private void emit(Coroutine co, boolean flush) {
        co.fuel().consume(line.size() / 64 + 1);
        OutputStream out = co.instance().output();
        try {
            line.writeTo(out);
            if (flush) out.flush();
        } catch (IOException e) {
            // As lua_writestring, print ignores a failing output: the script goes on.
        }
    }
}
