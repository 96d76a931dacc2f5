package dev.moonlet.vm;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;

/**
 * The executor's frame that calls a message handler ({@code xpcall}'s) at the point where an
 * error was raised, above the frames that raised it. Its result replaces the error value. If
 * the handler raises, it is called again with the new error, up to
 * {@link Executor#MAX_HANDLER_CALLS} times; then, or when the error is one raised while
 * already handling errors (a second stack overflow), the value is
 * {@code "error in error handling"}, Lua's LUA_ERRERR.
 */
final class HandlerCall implements Sequence, Hidden {
    @Override
    public void trace(Marker m) {
        m.mark(handler);
        m.mark(value);
    }

    private static final LuaString ERROR_IN_ERROR_HANDLING = LuaString.of("error in error handling");

    private final Object handler;
    private final Object value;
    /**
     * The highest frame index that may catch the error once the handler is done (moved with
     * the frame when a {@link Continuation} captures and splices it).
     */
    int from;
    private int calls;

    HandlerCall(Object handler, LuaError error, int from) {
        this.handler = handler;
        this.value = error.value();
        this.from = from;
    }

    @Override
    public Action poll(Coroutine co, Object[] results) {
        if (calls == 0) {
            calls = 1;
            return new Action.Call(handler, new Object[] {value});
        }
        return new Action.Return(results);
    }

    @Override
    public Action error(Coroutine co, LuaError e) {
        if (e instanceof RuntimeErrors.ErrorHandlingFailure || calls >= Executor.MAX_HANDLER_CALLS) {
            return new Action.Return(new Object[] {ERROR_IN_ERROR_HANDLING});
        }
        calls++;
        return new Action.Call(handler, new Object[] {e.value()});
    }

    @Override
    public boolean catchesErrors() {
        return true;
    }
}
