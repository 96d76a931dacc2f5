package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Instance;

/**
 * The collector's settings as {@code collectgarbage} sees them, one per instance (kept in its
 * registry). Every option answers with the types lua5.4 answers with: {@code "collect"},
 * {@code "stop"} and {@code "restart"} 0, {@code "count"} a float (KiB), {@code "step"} and
 * {@code "isrunning"} booleans, {@code "setpause"} and {@code "setstepmul"} the previous
 * integer, {@code "incremental"} and {@code "generational"} the previous mode's name.
 *
 * <p>The JVM reclaims memory, so collecting has nothing to do here yet: a full collection
 * and a step complete at once. Until the instance accounts for its memory (DESIGN.md,
 * "Memory"), {@code "count"} answers a fixed estimate, {@link #ESTIMATED_KIB}: the size of a
 * fresh lua5.4 state with its standard libraries, so that scripts comparing counts see no
 * growth rather than noise from the whole JVM (which other instances share).
 */
final class CollectorControl {
    /** What {@code collectgarbage("count")} answers until memory is accounted. */
    static final double ESTIMATED_KIB = 22.0;

    private static final LuaString KEY = LuaString.of("moonlet.collectgarbage");
    private static final String[] OPTIONS = {"stop", "restart", "collect", "count", "step",
        "setpause", "setstepmul", "isrunning", "generational", "incremental"};
    private static final LuaString INCREMENTAL = LuaString.of("incremental");
    private static final LuaString GENERATIONAL = LuaString.of("generational");

    private boolean running = true;
    /** The standalone {@code lua} switches its state to generational mode: so do we. */
    private boolean generational = true;
    /**
     * The pause and step multiplier as lgc.h keeps them: a quarter of the value, in a byte
     * (so {@code setpause} of 150 reads back as 148, as in lua5.4). The defaults are
     * LUAI_GCPAUSE (200) and LUAI_GCMUL (100).
     */
    private int pause = 200 / 4;
    private int stepMultiplier = 100 / 4;

    private CollectorControl() {}

    /** The settings of {@code instance}, created on first use. */
    static CollectorControl of(Instance instance) {
        LuaTable registry = instance.registry();
        Object u = registry.get(KEY);
        if (u instanceof Userdata && ((Userdata) u).payload() instanceof CollectorControl) {
            return (CollectorControl) ((Userdata) u).payload();
        }
        CollectorControl c = new CollectorControl();
        registry.put(KEY, new Userdata(c));
        return c;
    }

    /** {@code collectgarbage(opt, ...)} with {@code args} as the builtin got them. */
    Object collectgarbage(Object[] args) {
        return switch (OPTIONS[Args.checkOption(args, 0, "collect", OPTIONS)]) {
            case "stop" -> setRunning(false);
            case "restart" -> setRunning(true);
            case "count" -> ESTIMATED_KIB;
            case "step" -> step(args);
            case "setpause" -> swapPause(Args.optInteger(args, 1, 0));
            case "setstepmul" -> swapStepMultiplier(Args.optInteger(args, 1, 0));
            case "isrunning" -> running;
            case "generational" -> generational(args);
            case "incremental" -> incremental(args);
            default -> 0L; // "collect": the JVM collects; a cycle is always complete
        };
    }

    private long setRunning(boolean on) {
        running = on;
        return 0L;
    }

    /** {@code "step" [, size]}: a step always completes a cycle, there being nothing to collect. */
    private static boolean step(Object[] args) {
        Args.optInteger(args, 1, 0);
        return true;
    }

    private long swapPause(long p) {
        long previous = pause * 4L;
        pause = encode(p);
        return previous;
    }

    private long swapStepMultiplier(long m) {
        long previous = stepMultiplier * 4L;
        stepMultiplier = encode(m);
        return previous;
    }

    /** A setting as lgc.h stores it ({@code setgcparam} of the C {@code int} argument). */
    private static int encode(long v) {
        return ((int) v / 4) & 0xFF;
    }

    /** {@code "generational" [, minormul [, majormul]]}: the parameters are checked, and kept nowhere yet. */
    private LuaString generational(Object[] args) {
        Args.optInteger(args, 1, 0);
        Args.optInteger(args, 2, 0);
        return setMode(true);
    }

    /** {@code "incremental" [, pause [, stepmul [, stepsize]]]}: zeros keep a setting. */
    private LuaString incremental(Object[] args) {
        long p = Args.optInteger(args, 1, 0);
        long m = Args.optInteger(args, 2, 0);
        Args.optInteger(args, 3, 0);
        if (p != 0) pause = encode(p);
        if (m != 0) stepMultiplier = encode(m);
        return setMode(false);
    }

    /** Switches the mode; answers the previous mode's name. */
    private LuaString setMode(boolean toGenerational) {
        LuaString previous = generational ? GENERATIONAL : INCREMENTAL;
        generational = toGenerational;
        return previous;
    }
}
