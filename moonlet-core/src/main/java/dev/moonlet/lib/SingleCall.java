package dev.moonlet.lib;

import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Sequence;

/**
 * A builtin that finishes by making one call (a metamethod, usually) and turning its results
 * into its own: {@code tostring} with {@code __tostring}, {@code pairs} with {@code __pairs},
 * the {@code ipairs} iterator with {@code __index}. Subclasses keep only final fields, so that
 * once the call is made a shallow copy is a faithful one ({@link #copy}, for cloned
 * continuations).
 */
abstract class SingleCall implements Sequence, Cloneable {
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

    @Override
    public final Sequence copy() {
        try {
            return (Sequence) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The builtin's results, given the call's {@code results}. */
    abstract Object[] finish(Coroutine co, Object[] results);
}
