package dev.moonlet.playground;

/**
 * One browser page's share of the playground: its machines (a fresh one per live-REPL edit,
 * one for the paired consoles), the events waiting for its page, and its output budget.
 *
 * <p>Limits: a session runs at most one evaluation per console, so three at once (a new run on
 * a console abandons the one there); each evaluation has the memory and fuel limits it was
 * started with; all its output together is held to the rate of its {@link OutputBudget}; and
 * a session whose page has gone away is reclaimed by {@link Sessions}.
 */
final class Session {
    /** The console of the live REPL. */
    static final String LIVE = "live";
    /** The consoles of the paired REPLs, which share one instance. */
    static final String LEFT = "left", RIGHT = "right";

    /** Output allowed per session: 16 KiB a second (a few hundred lines), in bursts of up to 32 KiB. */
    private static final long OUTPUT_BYTES_PER_SECOND = 16 * 1024, OUTPUT_BURST = 32 * 1024;

    /** The session's secret name, which the page sends with every request. */
    final String id;
    private final Stepper stepper;
    private final Outbox outbox = new Outbox();
    private final OutputBudget budget = new OutputBudget(OUTPUT_BYTES_PER_SECOND, OUTPUT_BURST);
    private Machine live;
    private Machine paired;
    /** The number of the event stream allowed to send; a newer connection replaces an older. */
    private long stream;
    /** Whether an event stream is connected now. */
    private boolean connected;
    /** When the page was last heard from or connected (System.nanoTime). */
    private long lastSeen = System.nanoTime();
    private boolean closed;

    Session(String id, Stepper stepper) {
        this.id = id;
        this.stepper = stepper;
    }

    Outbox outbox() {
        return outbox;
    }

    OutputBudget budget() {
        return budget;
    }

    /** Whether tasks that write output may run: the budget allows it and the page keeps up. */
    boolean mayWrite() {
        return !outbox.isFull() && budget.available();
    }

    /**
     * Evaluates {@code code} on {@code console}, as run number {@code run} of that console. On
     * the live console it runs on a fresh instance (the previous edit's machine is abandoned);
     * on {@code left} and {@code right} it runs on the paired instance, beside the other side.
     */
    synchronized void evaluate(String console, long run, Language language, String code, long fuel, long memoryLimit) {
        if (closed) return;
        touch();
        if (console.equals(LIVE)) {
            if (live != null) live.close();
            live = new Machine(this, stepper, LIVE);
            live.start(LIVE, run, language, code, fuel, memoryLimit);
        } else {
            if (paired == null) paired = new Machine(this, stepper, LEFT, RIGHT);
            paired.start(console, run, language, code, fuel, memoryLimit);
        }
    }

    /** Stops the evaluation on {@code console}, if one runs. */
    synchronized void stop(String console) {
        touch();
        Machine m = console.equals(LIVE) ? live : paired;
        if (m != null) m.stop(console);
    }

    /** Gives the paired consoles a fresh instance (their tasks stop; their globals go). */
    synchronized void resetPaired() {
        touch();
        if (paired != null) paired.close();
        paired = null;
    }

    /** Notes that the page was heard from. */
    synchronized void touch() {
        lastSeen = System.nanoTime();
    }

    /** A new event stream connects: it replaces any other; answers its number. */
    synchronized long connect() {
        touch();
        connected = true;
        return ++stream;
    }

    /** Whether the stream numbered {@code n} may go on sending. */
    synchronized boolean isCurrent(long n) {
        return !closed && stream == n;
    }

    /** The stream numbered {@code n} has ended. */
    synchronized void disconnect(long n) {
        touch();
        if (stream == n) connected = false;
    }

    /** Whether no page has been connected for {@code nanos}. */
    synchronized boolean idleFor(long nanos) {
        return !connected && System.nanoTime() - lastSeen > nanos;
    }

    /** Stops everything the session runs. */
    synchronized void close() {
        closed = true;
        if (live != null) live.close();
        if (paired != null) paired.close();
        live = paired = null;
    }
}
