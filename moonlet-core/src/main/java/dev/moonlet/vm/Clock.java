package dev.moonlet.vm;

/**
 * The time a {@link Scheduler} uses for {@code task.sleep}, {@code task.recv} timeouts and the
 * refill of {@link FuelTank}s, in nanoseconds.
 *
 * <p>The system clock is the JVM's monotonic clock. The virtual clock makes timing
 * deterministic, for tests: it starts at 0 and moves only with the work done, one nanosecond
 * per unit of fuel used, and, when every task is blocked, jumps straight to the next timer. So
 * a given program with a given fuel slice always sleeps, times out and refills at the same
 * points, however fast the machine is.
 *
 * <pre>{@code
 * Scheduler s = lua.scheduler();
 * s.setClock(Clock.virtual());   // task.sleep(60) returns at once when nothing else can run
 * }</pre>
 */
public final class Clock {
    private final boolean virtual;
    /** The virtual time; unused by the system clock. */
    private long now;

    private Clock(boolean virtual) {
        this.virtual = virtual;
    }

    /** The JVM's monotonic clock ({@link System#nanoTime()}). */
    public static Clock system() {
        return new Clock(false);
    }

    /** A new virtual clock at time 0. */
    public static Clock virtual() {
        return new Clock(true);
    }

    /** Whether this clock is virtual (time moves with fuel and jumps when all tasks are blocked). */
    public boolean isVirtual() {
        return virtual;
    }

    /** The current time in nanoseconds (only differences between two readings mean anything). */
    public long nanoTime() {
        return virtual ? now : System.nanoTime();
    }

    /** Work was done: a virtual clock moves on by {@code fuel} nanoseconds. */
    void charge(long fuel) {
        if (virtual && fuel > 0) now += fuel;
    }

    /** Nothing can run before {@code deadline}: a virtual clock jumps there. */
    void advanceTo(long deadline) {
        if (virtual && deadline > now) now = deadline;
    }
}
