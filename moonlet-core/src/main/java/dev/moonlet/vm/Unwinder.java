package dev.moonlet.vm;

import dev.moonlet.value.LuaError;

/**
 * The executor's frame that runs the {@code __close} handlers of the frames an error is
 * unwinding, then lets the (possibly replaced) error go on unwinding below it. Errors raised
 * by the handlers are caught here, after the message handler of the protected call being
 * unwound to has seen them, as in Lua.
 */
final class Unwinder extends Closing implements Hidden {
    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.mark(handler);
    }

    private final Object handler;
    /** Whether nothing catches the error: handler errors then get their traceback recorded. */
    final boolean uncaught;

    Unwinder(Instance instance, Object[] values, LuaError error, Object handler, boolean uncaught) {
        super(instance, values, error, null);
        this.handler = handler;
        this.uncaught = uncaught;
    }

    @Override
    Action finish() {
        return new Action.Raise(error);
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
