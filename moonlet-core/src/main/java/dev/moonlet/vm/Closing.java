package dev.moonlet.vm;

import dev.moonlet.value.LuaError;
import java.util.Arrays;

/**
 * Runs pending {@code __close} handlers, as calls, innermost first: each gets its value and
 * the current error value (nil when there is none), and an error raised by a handler becomes
 * the current error for the handlers after it (lfunc.c's {@code luaF_close}). As returned by
 * {@link Coroutine#close()}, it then answers {@code true}, or {@code false} and the error.
 */
class Closing implements Sequence {
    @Override
    public void trace(Marker m) {
        m.markAll(values);
        m.mark(closed);
        if (error != null) m.mark(error.value());
    }

    private final Instance instance;
    private final Object[] values;
    /** The coroutine being closed, which counts as running until its handlers are done; or null. */
    private final Coroutine closed;
    private int next;
    /** The current error, or null. */
    LuaError error;

    /**
     * Closes {@code values} (the innermost first) with {@code error} (or null) as the error,
     * on behalf of coroutine {@code closed} (or null).
     */
    Closing(Instance instance, Object[] values, LuaError error, Coroutine closed) {
        this.instance = instance;
        this.values = values;
        this.error = error;
        this.closed = closed;
    }

    @Override
    public Action poll(Coroutine co, Object[] results) {
        if (next < values.length) {
            Object v = values[next];
            values[next++] = null;
            Object tm = MetaEvent.CLOSE.in(instance.metatableOf(v));
            return new Action.Call(tm, new Object[] {v, error == null ? null : error.value()});
        }
        if (closed != null) closed.state = Coroutine.State.DEAD;
        return finish();
    }

    @Override
    public Action error(Coroutine co, LuaError e) {
        error = e;
        return poll(co, Values.NONE);
    }

    /** The values whose handlers have not been called yet; the coroutine it was closing is dead. */
    @Override
    public Object[] abandon() {
        Object[] rest = Arrays.copyOfRange(values, next, values.length);
        Arrays.fill(values, null);
        next = values.length;
        if (closed != null) closed.state = Coroutine.State.DEAD;
        return rest;
    }

    /** What to answer once every handler has run. */
    Action finish() {
        return error == null ? new Action.Return(new Object[] {Boolean.TRUE})
                : new Action.Return(new Object[] {Boolean.FALSE, error.value()});
    }
}
