package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Collector;
import dev.moonlet.vm.Coroutine;

/**
 * {@code collectgarbage(opt, ...)}: the options of lua 5.4 over the instance's
 * {@link Collector}, each answering with the types lua5.4 answers with: {@code "collect"},
 * {@code "stop"} and {@code "restart"} 0, {@code "count"} the accounted size in KiB as a float,
 * {@code "step"} whether a cycle ended, {@code "isrunning"} a boolean, {@code "setpause"} and
 * {@code "setstepmul"} the previous integer, {@code "incremental"} and {@code "generational"}
 * the previous mode's name. {@code "collect"} and {@code "step"} run the finalizers that are
 * pending before they return. Called from a finalizer, every option answers fail (nil), as
 * in lua 5.4, where the collector is not reentrant.
 */
final class CollectorControl {
    private static final String[] OPTIONS = {"stop", "restart", "collect", "count", "step",
        "setpause", "setstepmul", "isrunning", "generational", "incremental"};
    private static final LuaString INCREMENTAL = LuaString.of("incremental");
    private static final LuaString GENERATIONAL = LuaString.of("generational");

    private CollectorControl() {}

    /** {@code collectgarbage(opt, ...)} with {@code args} as the builtin got them. */
    static Object collectgarbage(Coroutine co, Object[] args) {
        Collector gc = co.instance().collector();
        String option = OPTIONS[Args.checkOption(args, 0, "collect", OPTIONS)];
        // Inside a finalizer the collector may not be re-entered: every option answers fail.
        if (gc.inFinalizer(co)) return null;
        return switch (option) {
            case "stop" -> setRunning(gc, false);
            case "restart" -> setRunning(gc, true);
            case "count" -> co.instance().heap().used() / 1024.0;
            case "step" -> gc.pendingFinalizers(gc.step(Args.optInteger(args, 1, 0)));
            case "setpause" -> swapPause(gc, Args.optInteger(args, 1, 0));
            case "setstepmul" -> swapStepMultiplier(gc, Args.optInteger(args, 1, 0));
            case "isrunning" -> gc.isRunning();
            case "generational" -> generational(gc, args);
            case "incremental" -> incremental(gc, args);
            default -> collect(gc);
        };
    }

    private static Object collect(Collector gc) {
        gc.fullCycle();
        return gc.pendingFinalizers(0L);
    }

    private static long setRunning(Collector gc, boolean on) {
        gc.setRunning(on);
        return 0L;
    }

    private static long swapPause(Collector gc, long p) {
        long previous = gc.pause();
        gc.setPause(encode(p));
        return previous;
    }

    private static long swapStepMultiplier(Collector gc, long m) {
        long previous = gc.stepMultiplier();
        gc.setStepMultiplier(encode(m));
        return previous;
    }

    /**
     * A setting as lua 5.4 keeps it: a quarter of the C {@code int} argument in a byte
     * (lgc.h's setgcparam), so that {@code setpause} of 150 reads back as 148.
     */
    private static int encode(long v) {
        return (((int) v / 4) & 0xFF) * 4;
    }

    /** {@code "generational" [, minormul [, majormul]]}: the parameters are checked; Moonlet's one collector has no use for them. */
    private static LuaString generational(Collector gc, Object[] args) {
        Args.optInteger(args, 1, 0);
        Args.optInteger(args, 2, 0);
        return setMode(gc, true);
    }

    /** {@code "incremental" [, pause [, stepmul [, stepsize]]]}: zeros keep a setting. */
    private static LuaString incremental(Collector gc, Object[] args) {
        long p = Args.optInteger(args, 1, 0);
        long m = Args.optInteger(args, 2, 0);
        Args.optInteger(args, 3, 0);
        if (p != 0) gc.setPause(encode(p));
        if (m != 0) gc.setStepMultiplier(encode(m));
        return setMode(gc, false);
    }

    /** Switches the mode; answers the previous mode's name. */
    private static LuaString setMode(Collector gc, boolean toGenerational) {
        LuaString previous = gc.isGenerational() ? GENERATIONAL : INCREMENTAL;
        gc.setGenerational(toGenerational);
        return previous;
    }
}
