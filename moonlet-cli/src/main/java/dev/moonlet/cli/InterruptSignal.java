package dev.moonlet.cli;

/**
 * Ctrl-C while the command runs code: SIGINT asks the {@link Runner} to stop before its next
 * step (lua.c's {@code laction}), instead of ending the JVM.
 *
 * <p>Why {@code sun.misc.Signal} itself (javac warns that it is internal; it is the JDK's
 * supported way, exported by {@code jdk.unsupported}): JLine's {@code Signals.register} reaches
 * the same class by reflection through a dynamic proxy and {@code java.util.logging}, which
 * cost the command about 30 ms of start-up on every run. Names are written in full so that the
 * internal class appears in this file only.
 */
final class InterruptSignal implements sun.misc.SignalHandler {
    private final Runner runner;

    private InterruptSignal(Runner runner) {
        this.runner = runner;
    }

    /**
     * From now on, SIGINT interrupts {@code runner}'s run. Where the signal is not available
     * (the JVM keeps it under {@code -Xrs}), SIGINT keeps its default action: it ends the process.
     */
    static void interrupts(Runner runner) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), new InterruptSignal(runner));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // SIGINT keeps its default action.
        }
    }

    @Override
    public void handle(sun.misc.Signal signal) {
        runner.interrupt();
    }
}
