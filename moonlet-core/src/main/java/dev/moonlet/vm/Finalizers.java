package dev.moonlet.vm;

import dev.moonlet.value.Collectable;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The objects of one instance marked for finalization, and those waiting for their
 * {@code __gc} to run (lgc.c's {@code finobj} and {@code tobefnz} lists).
 *
 * <p>An object is marked for finalization when it is given a metatable that has a
 * {@code __gc} field ({@link #register}); being marked does not keep it alive. When a mark
 * finds it unreachable, the collector {@linkplain #separate separates} it: it moves to the
 * pending queue, newest registration first, and is marked again with what it refers to
 * (resurrected) until its finalizer has run. Each object is finalized once, unless it is
 * registered again afterwards.
 */
final class Finalizers {
    static final LuaString GC = LuaString.of("__gc");
    private static final LuaString WHERE = LuaString.of("__gc");

    private final Instance instance;
    /** Registered objects, oldest first. */
    private ArrayList<Collectable> registered = new ArrayList<>();
    private final Set<Collectable> isRegistered = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ArrayDeque<Collectable> pending = new ArrayDeque<>();
    /** Once the instance is closing, no object is registered any more (as in lua_close). */
    private boolean closing;

    Finalizers(Instance instance) {
        this.instance = instance;
    }

    /**
     * Marks {@code o} for finalization if its new metatable {@code mt} has a {@code __gc}
     * field (of any value but nil) and it is not marked already.
     */
    void register(Collectable o, LuaTable mt) {
        if (closing || mt == null || mt.get(GC) == null || isRegistered.contains(o)) return;
        registered.add(o);
        isRegistered.add(o);
    }

    /** Whether finalizers wait to run. */
    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The next object to finalize, taken from the queue, or null. */
    Collectable nextPending() {
        return pending.pollFirst();
    }

    /** Marks the objects waiting for finalization: they stay alive until finalized. */
    void markPending(Marker m) {
        for (Collectable c : pending) m.mark(c);
    }

    /**
     * Moves the registered objects that {@code marking} left unmarked to the pending queue,
     * the most recently registered first, and marks them (with {@code all}, every registered
     * object, as when the instance closes).
     */
    void separate(Marking marking, boolean all) {
        ArrayList<Collectable> kept = new ArrayList<>();
        int from = pending.size();
        for (int i = registered.size() - 1; i >= 0; i--) {
            Collectable o = registered.get(i);
            if (all || !marking.isMarked(o)) {
                pending.addLast(o);
                isRegistered.remove(o);
            } else {
                kept.add(o);
            }
        }
        Collections.reverse(kept);
        registered = kept;
        int i = 0;
        for (Collectable c : pending) {
            if (i++ >= from) marking.mark(c);
        }
    }

    /** From now on nothing is registered, and every registered object is pending. */
    void closeAll() {
        closing = true;
        for (int i = registered.size() - 1; i >= 0; i--) pending.addLast(registered.get(i));
        registered.clear();
        isRegistered.clear();
    }

    /** The {@code __gc} metamethod of {@code o} now (it may have changed since registration), or null. */
    Object finalizerOf(Collectable o) {
        LuaTable mt = instance.metatableOf(o);
        return mt == null ? null : mt.get(GC);
    }

    /**
     * Reports an error raised by a finalizer as a warning, as lua 5.4 does:
     * {@code "error in __gc (message)"}.
     */
    void warnError(LuaError e) {
        Object v = e.value();
        LuaString msg = v instanceof LuaString ? (LuaString) v : LuaString.of("error object is not a string");
        instance.warn(LuaString.of("error in "), true);
        instance.warn(WHERE, true);
        instance.warn(LuaString.of(" ("), true);
        instance.warn(msg, true);
        instance.warn(LuaString.of(")"), false);
    }
}
