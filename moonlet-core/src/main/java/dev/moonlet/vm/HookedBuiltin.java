package dev.moonlet.vm;

import dev.moonlet.value.LuaError;

/**
 * A builtin run under call and return hooks: its frame stands for the builtin (levels,
 * names and tracebacks see the builtin), calls the hook for the call event, runs the builtin
 * (driving the sequence it may return), then calls the hook for the return event, as
 * {@code precallC} and {@code luaD_poscall} do. While the hook runs for one of these events,
 * the builtin's arguments and results are its "C temporaries" for {@code debug.getlocal},
 * and the event's transfer information ({@code debug.getinfo}'s {@code 'r'}) points at them.
 */
final class HookedBuiltin implements Sequence {
    @Override
    public void trace(Marker m) {
        m.mark(builtin);
        m.markAll(args);
        m.markAll(results);
        if (inner != null) inner.trace(m);
    }

    private static final int BEFORE = 0;
    private static final int RUNNING = 1;
    private static final int INNER = 2;
    private static final int RETURNED = 3;
    private static final int REPORTED = 4;

    private final Builtin builtin;
    private final Object[] args;
    private Object[] results = Values.NONE;
    private Sequence inner;
    private int state;
    /** Whether the hook is running for this frame's call or return event. */
    private boolean inHook;
    private int transferFrom;
    private int transferCount;

    /** Runs {@code builtin} with {@code args}, reporting its call and return. */
    HookedBuiltin(Builtin builtin, Object[] args) {
        this.builtin = builtin;
        this.args = args;
    }

    /** A builtin that has already run and returned {@code results}: only its return is reported. */
    static HookedBuiltin returning(Builtin builtin, Object[] args, Object[] results) {
        HookedBuiltin hb = new HookedBuiltin(builtin, args);
        hb.results = results;
        hb.state = RETURNED;
        return hb;
    }

    @Override
    public Action poll(Coroutine co, Object[] r) {
        if (inHook) endHook(co);
        switch (state) {
            case BEFORE:
                state = RUNNING;
                if (Hooks.wants(co, Hooks.CALL)) return hook(co, Hooks.CALL_EVENT, 1, args.length);
                return run(co);
            case RUNNING:
                return run(co);
            case INNER:
                return forward(co, inner.poll(co, r));
            case RETURNED:
                state = REPORTED;
                if (Hooks.wants(co, Hooks.RETURN)) return hook(co, Hooks.RETURN_EVENT, args.length + 1, results.length);
                return new Action.Return(results);
            default:
                return new Action.Return(results);
        }
    }

    private Action run(Coroutine co) {
        Object out = builtin.call(co, args);
        if (Builtin.isSequence(out)) {
            inner = (Sequence) out;
            state = INNER;
            return forward(co, inner.poll(co, Values.NONE));
        }
        return finish(co, out instanceof Object[] ? (Object[]) out : new Object[] {out});
    }

    /** Passes on what the builtin's own sequence answered, catching its return. */
    private Action forward(Coroutine co, Action action) {
        if (action instanceof Action.Return) return finish(co, ((Action.Return) action).values());
        return action;
    }

    private Action finish(Coroutine co, Object[] values) {
        results = values;
        state = RETURNED;
        return poll(co, Values.NONE);
    }

    private Action hook(Coroutine co, Object event, int from, int n) {
        Hooks h = co.hooks;
        inHook = true;
        transferFrom = n == 0 ? 0 : from;
        transferCount = n;
        h.beginHook(co);
        return new Action.Call(h.function, new Object[] {event, null});
    }

    private void endHook(Coroutine co) {
        inHook = false;
        transferFrom = 0;
        transferCount = 0;
        co.hooks.endHook();
    }

    @Override
    public Action error(Coroutine co, LuaError error) {
        if (inHook) {
            endHook(co);
            throw error;
        }
        if (state == INNER) return forward(co, inner.error(co, error));
        throw error;
    }

    @Override
    public boolean catchesErrors() {
        return !inHook && state == INNER && inner.catchesErrors();
    }

    @Override
    public Object messageHandler() {
        return inner == null ? null : inner.messageHandler();
    }

    /**
     * The builtin's sequence when it is a {@link Delimiter} (a prompt, an effect handler) and
     * is running, not reporting an event; else null. Captures look through this frame to it.
     */
    Delimiter delimiter() {
        return !inHook && state == INNER && inner instanceof Delimiter ? (Delimiter) inner : null;
    }

    /** {@link Delimiter#captured} of the {@linkplain #delimiter() delimiter}, its return reported as the builtin's. */
    Action captured(Coroutine co, Continuation k, Action.Capture.Request request, Object[] values) {
        return forward(co, ((Delimiter) inner).captured(co, k, request, values));
    }

    @Override
    public Sequence copy() {
        Sequence innerCopy = null;
        if (inner != null) {
            innerCopy = inner.copy();
            if (innerCopy == null) return null;
        }
        HookedBuiltin c = new HookedBuiltin(builtin, args.clone());
        c.results = results.clone();
        c.inner = innerCopy;
        c.state = state;
        c.inHook = inHook;
        c.transferFrom = transferFrom;
        c.transferCount = transferCount;
        return c;
    }

    /** Whether this frame is calling the hook (so the hook's caller shows as {@code hook '?'}). */
    boolean callingHook() {
        return inHook;
    }

    /** The first value the current event transfers, as a temporary's index (0: none). */
    int transferFrom() {
        return transferFrom;
    }

    /** How many values the current event transfers. */
    int transferCount() {
        return transferCount;
    }

    /** The number of the builtin's C temporaries: its arguments, then its results once it has returned. */
    int temporaries() {
        return args.length + (state >= RETURNED ? results.length : 0);
    }

    /** C temporary {@code n} (1-based, at most {@link #temporaries()}). */
    Object temporary(int n) {
        return n <= args.length ? args[n - 1] : results[n - 1 - args.length];
    }

    /** Sets C temporary {@code n}: a return hook may change the results this way. */
    void setTemporary(int n, Object v) {
        if (n <= args.length) args[n - 1] = v;
        else results[n - 1 - args.length] = v;
    }

    @Override
    public boolean callsMayYield() {
        return !inHook && inner != null && inner.callsMayYield();
    }
}
