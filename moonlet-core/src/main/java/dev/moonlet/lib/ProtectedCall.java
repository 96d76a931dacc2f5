package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Values;

/**
 * {@code pcall} and {@code xpcall}: calls a function in protected mode. The results are
 * {@code true} and the function's results, or {@code false} and the error value. The executor
 * runs {@code xpcall}'s message handler at the error point, before the frames that raised are
 * unwound, and hands this sequence the value the handler returned.
 *
 * <p>A yield inside the protected function suspends the whole coroutine, this frame included;
 * it is resumed where it left off.
 */
final class ProtectedCall implements Sequence {
    @Override
    public void trace(Marker m) {
        m.mark(function);
        m.markAll(args);
        m.mark(handler);
    }

    private final Object function;
    private final Object[] args;
    private final Object handler;
    private boolean called;

    /** Calls {@code function} with {@code args}; errors go through {@code handler} when it is not null. */
    ProtectedCall(Object function, Object[] args, Object handler) {
        this.function = function;
        this.args = args;
        this.handler = handler;
    }

    @Override
    public Action poll(Coroutine co, Object[] results) {
        if (!called) {
            called = true;
            return new Action.Call(function, args);
        }
        return succeeded(results);
    }

    @Override
    public Action error(Coroutine co, LuaError error) {
        return failed(error);
    }

    /** {@code true} and {@code results}: what {@code pcall} and {@code coroutine.resume} return when all went well. */
    static Action succeeded(Object[] results) {
        Object[] r = new Object[results.length + 1];
        r[0] = Boolean.TRUE;
        Values.copy(results, 0, r, 1, results.length);
        return new Action.Return(r);
    }

    /** {@code false} and the error value: what they return after an error. */
    static Action failed(LuaError error) {
        return new Action.Return(new Object[] {Boolean.FALSE, error.value()});
    }

    @Override
    public Sequence copy() {
        ProtectedCall c = new ProtectedCall(function, args, handler);
        c.called = called;
        return c;
    }

    @Override
    public boolean callsMayYield() {
        return true;
    }

    @Override
    public boolean catchesErrors() {
        return true;
    }

    @Override
    public Object messageHandler() {
        return handler;
    }
}
