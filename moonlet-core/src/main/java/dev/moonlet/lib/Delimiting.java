package dev.moonlet.lib;

import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Delimiter;
import dev.moonlet.vm.Marker;

/**
 * The common part of the library's delimiters (prompts, effect resumes, barriers): the first
 * poll answers the action that starts the frame (calling a body, splicing a continuation
 * back), and the frame then returns whatever that returns. Yields pass through it, as through
 * {@code pcall}.
 */
abstract class Delimiting implements Delimiter {
    /** What to do first; null once done. */
    private Action start;

    Delimiting(Action start) {
        this.start = start;
    }

    /** The starting action, or null once it was answered (for copies). */
    final Action start() {
        return start;
    }

    @Override
    public final Action poll(Coroutine co, Object[] results) {
        if (start == null) return new Action.Return(results);
        Action a = start;
        start = null;
        return a;
    }

    /** Marks the starting action's values; subclasses add what they hold. */
    @Override
    public void trace(Marker m) {
        if (start != null) m.markAction(start);
    }

    @Override
    public final boolean callsMayYield() {
        return true;
    }
}
