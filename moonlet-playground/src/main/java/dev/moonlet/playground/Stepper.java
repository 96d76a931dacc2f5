package dev.moonlet.playground;

import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of Java threads that steps every session's {@link Machine}s in slices of fuel,
 * round robin: a machine in the ready queue gets one slice of one task, then goes to the back
 * of the queue. An infinite loop therefore costs the other sessions only its share of the
 * threads, and a machine with nothing to do costs nothing at all. A machine woken by a
 * command (a new evaluation, a stop) goes to the front of the queue instead: what a visitor
 * has just asked for starts at once, and gets one slice before it queues like the rest.
 *
 * <p>This is the playground's own scheduling, kept to this class and {@link Machine} so that
 * the core's scheduler can take its place.
 *
 * <pre>{@code
 * Stepper stepper = new Stepper(2, 20_000);
 * // machines call stepper.schedule(this) when they have work
 * stepper.close();
 * }</pre>
 */
final class Stepper implements AutoCloseable {
    private final LinkedBlockingDeque<Machine> ready = new LinkedBlockingDeque<>();
    private final ScheduledExecutorService timer;
    private final Thread[] workers;
    private final long slice;

    /** A pool of {@code threads} threads giving slices of {@code slice} fuel. */
    Stepper(int threads, long slice) {
        this.slice = slice;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "moonlet-stepper-timer"));
        this.workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = daemon(this::work, "moonlet-stepper-" + i);
            workers[i].start();
        }
    }

    /**
     * Queues {@code m}, woken by a command, for the next turn (a machine is queued once at a
     * time, see {@link Machine#park}).
     */
    void schedule(Machine m) {
        ready.addFirst(m);
    }

    private void work() {
        try {
            for (;;) {
                Machine m = ready.take();
                long next;
                try {
                    next = m.turn(slice);
                } catch (Throwable problem) {
                    m.crash(problem);
                    next = Machine.IDLE;
                }
                if (next == Machine.AGAIN) {
                    ready.add(m);
                } else if (next == Machine.IDLE) {
                    m.park();
                } else {
                    timer.schedule(() -> ready.add(m), next, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops the threads; machines still queued are dropped. */
    @Override
    public void close() {
        for (Thread w : workers) w.interrupt();
        timer.shutdownNow();
    }
}
