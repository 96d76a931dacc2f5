package dev.moonlet.vm;

import dev.moonlet.value.LuaError;

/**
 * The one frame of a killed execution ({@link Executor#kill}): runs the {@code __close}
 * handlers its dropped frames left pending, innermost first, as {@code coroutine.close} does
 * (each gets nil as the error, or the error an earlier handler raised), then fails the
 * execution with the error a handler raised, or else with the kill's own error.
 */
final class Killing extends Closing implements Hidden {
    private final LuaError reason;

    Killing(Instance instance, Object[] values, LuaError reason) {
        super(instance, values, null, null);
        this.reason = reason;
    }

    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.mark(reason.value());
    }

    @Override
    Action finish() {
        return new Action.Raise(error != null ? error : reason);
    }
}
