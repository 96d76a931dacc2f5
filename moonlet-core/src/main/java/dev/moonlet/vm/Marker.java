package dev.moonlet.vm;

/**
 * How Java code that keeps Lua values in its fields shows them to the collector. A
 * {@link Sequence} or {@link BuiltinClosure} that holds values calls {@link #mark} on each of
 * them from its {@code trace} method; a value it does not show may be collected while it is
 * still in use (removed from weak tables, finalized).
 *
 * <pre>{@code
 * public void trace(Marker m) {
 *     m.mark(function);
 *     m.markAll(args);
 * }
 * }</pre>
 */
public interface Marker {
    /** Marks {@code value} (any Lua value, null included) and what it refers to as reachable. */
    void mark(Object value);

    /**
     * Counts {@code bytes} the tracing object keeps live besides the values it marks (what
     * its allocation charged the heap, such as a queued message), so that the live size the
     * collector finds agrees with what was charged. Without it, memory charged but never
     * counted looks free after each collection, and a script near its limit makes the
     * collector run again and again. The default counts nothing.
     */
    default void count(long bytes) {}

    /** Marks every value of {@code values} (which may be null). */
    default void markAll(Object[] values) {
        if (values == null) return;
        for (Object v : values) mark(v);
    }

    /** Marks the values an action not yet carried out holds (a call's function and arguments, ...). */
    default void markAction(Action a) {
        if (a instanceof Action.Return r) {
            markAll(r.values());
        } else if (a instanceof Action.Call c) {
            mark(c.function());
            markAll(c.args());
        } else if (a instanceof Action.TailCall c) {
            mark(c.function());
            markAll(c.args());
        } else if (a instanceof Action.Yield y) {
            markAll(y.values());
        } else if (a instanceof Action.YieldTo y) {
            mark(y.target());
            markAll(y.values());
        } else if (a instanceof Action.Resume r) {
            mark(r.target());
            markAll(r.args());
        } else if (a instanceof Action.Raise r) {
            mark(r.error().value());
        } else if (a instanceof Action.Capture c) {
            c.request().trace(this);
            markAll(c.values());
        } else if (a instanceof Action.Splice s) {
            mark(s.continuation());
            markAll(s.values());
            if (s.error() != null) mark(s.error().value());
        }
    }
}
