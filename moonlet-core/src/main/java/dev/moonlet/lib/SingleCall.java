package dev.moonlet.lib;

import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Sequence;

/**
 * A builtin that finishes by making one call (a metamethod, usually) and turning its results
 * into its own: {@code tostring} with {@code __tostring}, {@code pairs} with {@code __pairs},
 * the {@code ipairs} iterator with {@code __index}.
 */
abstract class SingleCall implements Sequence {
    @Override
    public void trace(Marker m) {
        if (call != null) m.markAction(call);
    }

    private Action.Call call;

    /** A sequence that makes {@code call} first. */
    SingleCall(Action.Call call) {
        this.call = call;
    }

    @Override
    public final Action poll(Coroutine co, Object[] results) {
        if (call == null) return new Action.Return(finish(co, results));
        Action a = call;
        call = null;
        return a;
    }

    /** The builtin's results, given the call's {@code results}. */
    abstract Object[] finish(Coroutine co, Object[] results);
}
