package dev.moonlet.vm;

/**
 * A task's fuel tank: a token bucket that holds up to {@code capacity} units of fuel and
 * refills at {@code rate} units per second of the scheduler's {@link Clock}. Each turn the task
 * gets at most what its tank holds; when the tank holds less than a turn's worth the task
 * waits, costing nothing, until it has refilled. So a task may burst up to its capacity, but a
 * task that loops forever gets only its sustained share, {@code rate}.
 *
 * <pre>{@code
 * Task t = scheduler.spawn(userScript);
 * t.setTank(new FuelTank(5_000_000, 1_000_000));   // 5M units/s sustained, bursts of 1M
 * }</pre>
 */
public final class FuelTank {
    private final double rate;
    private final long capacity;
    /** The fuel in the tank at {@link #updated}; negative after a turn that overspent it. */
    private double level;
    /** The clock reading {@link #level} was computed at; {@code Long.MIN_VALUE} before the first reading. */
    private long updated = Long.MIN_VALUE;

    /**
     * A full tank.
     *
     * @param rate the refill rate in fuel units per second (positive)
     * @param capacity the most fuel the tank holds (positive): the longest burst
     */
    public FuelTank(double rate, long capacity) {
        if (!(rate > 0) || capacity <= 0) throw new IllegalArgumentException("rate and capacity must be positive");
        this.rate = rate;
        this.capacity = capacity;
        this.level = capacity;
    }

    /** The refill rate, in fuel units per second. */
    public double rate() {
        return rate;
    }

    /** The most fuel the tank holds. */
    public long capacity() {
        return capacity;
    }

    /** The fuel in the tank at time {@code now} (nanoseconds on the scheduler's clock). */
    long level(long now) {
        if (updated != Long.MIN_VALUE && now > updated) {
            level = Math.min(capacity, level + (now - updated) * rate / 1e9);
        }
        updated = now;
        return (long) level;
    }

    /** Takes the {@code used} units a turn spent out of the tank. */
    void drain(long used) {
        level -= used;
    }

    /** When the tank, read at {@code now}, will hold {@code wanted} units (at most its capacity). */
    long timeToHold(long wanted, long now) {
        double missing = Math.min(wanted, capacity) - level(now);
        return missing <= 0 ? now : now + (long) Math.ceil(missing * 1e9 / rate);
    }
}
