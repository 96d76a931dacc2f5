package dev.moonlet.lib;

import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Values;

/**
 * The state machine of a library builtin that may have to call Lua code ({@code gsub} with a
 * function, {@code format} with {@code __tostring}, {@code require}'s loaders, metamethods in
 * the table library) or to stop part-way when the fuel runs out (the pattern matcher, long
 * outputs, file reads).
 *
 * <p>The first steps run inside the builtin's own call ({@link #start}): most calls finish
 * there and return their results directly, without a sequence frame. Only a call that must
 * wait for something hands the executor the sequence, whose first poll answers the action it
 * stopped at. Subclasses write {@link #advance}; a {@link StringError} it throws gets the
 * caller's position here, as {@code luaL_error} gives it.
 */
abstract class InlineSequence implements Sequence {
    @Override
    public void trace(Marker m) {
        if (pending != null) m.markAction(pending);
    }

    /** The action {@link #start} stopped at, for the executor's first poll. */
    private Action pending;

    /**
     * Runs the first steps at once: the builtin's results when they finish, else this sequence
     * for the builtin to return (see {@link Builtin#call}).
     */
    final Object start(Coroutine co) {
        Action a = run(co, Values.NONE);
        if (a instanceof Action.Return r) return r.values();
        pending = a;
        return this;
    }

    @Override
    public final Action poll(Coroutine co, Object[] results) {
        Action a = pending;
        if (a != null) {
            pending = null;
            return a;
        }
        return run(co, results);
    }

    private Action run(Coroutine co, Object[] results) {
        try {
            return advance(co, results);
        } catch (StringError e) {
            throw e.at(co);
        }
    }

    /**
     * The next action: the same contract as {@link Sequence#poll}.
     *
     * @param results the results of the call this sequence asked for (empty at first and
     *     after a {@link #pause})
     */
    protected abstract Action advance(Coroutine co, Object[] results);

    /**
     * What to answer when the fuel is spent and work remains: the step ends, and a later step
     * polls the sequence again with no results.
     */
    protected static Action pause() {
        return Action.Pause.INSTANCE;
    }
}
