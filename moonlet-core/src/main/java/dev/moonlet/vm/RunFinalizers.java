package dev.moonlet.vm;

import dev.moonlet.value.Collectable;
import dev.moonlet.value.LuaError;

/**
 * Calls {@code __gc} finalizers in Lua, one after the other: either of every object waiting
 * for finalization ({@code collectgarbage("collect")}, closing an instance), or of one object
 * taken from the queue (see {@link FinalizerCall}). Each finalizer is called with its object;
 * its results are dropped, and an error it raises becomes a warning
 * ({@code "error in __gc (...)"}), as in lua 5.4. An object whose metatable has no
 * {@code __gc} any more is skipped.
 */
class RunFinalizers implements Sequence {
    /** What the functions it calls are named, as lua 5.4 names a finalizer: metamethod '__gc'. */
    static final DebugNames.Name NAME = new DebugNames.Name("metamethod", "__gc");

    private final Finalizers finalizers;
    /** How many objects are left to finalize: -1 for all that are pending. */
    private int left;
    private final Object result;
    /** The object whose finalizer runs now. */
    private Collectable current;

    /**
     * @param count how many pending objects to finalize, -1 for all of them (those that become
     *     pending meanwhile included)
     * @param result what the sequence returns when done
     */
    RunFinalizers(Finalizers finalizers, int count, Object result) {
        this.finalizers = finalizers;
        this.left = count;
        this.result = result;
    }

    @Override
    public Action poll(Coroutine co, Object[] results) {
        current = null;
        while (left != 0) {
            Collectable o = finalizers.nextPending();
            if (o == null) break;
            if (left > 0) left--;
            Object gc = finalizers.finalizerOf(o);
            if (gc != null) {
                current = o;
                return new Action.Call(gc, new Object[] {o});
            }
        }
        return done();
    }

    /** Whether a finalizer this sequence called is running (or suspended in a yield). */
    boolean isCalling() {
        return current != null;
    }

    /** The answer once every finalizer has run. */
    Action done() {
        return new Action.Return(new Object[] {result});
    }

    @Override
    public Action error(Coroutine co, LuaError error) {
        finalizers.warnError(error);
        return poll(co, Values.NONE);
    }

    @Override
    public boolean catchesErrors() {
        return true;
    }

    @Override
    public void trace(Marker m) {
        m.mark(current);
    }
}
