package dev.moonlet.playground;

import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of Java threads that steps every session's {@link Machine}s in slices of fuel,
 * round robin: a machine in the ready queue gets one turn of its scheduler (one slice of one
 * task), then goes to the back of the queue. An infinite loop therefore costs the other
 * sessions only its share of the threads, and a machine with nothing to do (its tasks sleep
 * or wait) costs nothing at all. A machine woken (by a command such as a new evaluation or a
 * stop, by the timer of a sleeping task, or by a Java future) goes to the front of the queue
 * instead: what a visitor has just asked for starts at once, and gets one slice before it
 * queues like the rest.
 *
 * <p>Inside a machine, the instance's own {@link dev.moonlet.vm.Scheduler} decides which task
 * has the turn; this class only shares the threads between machines, as
 * {@code MoonletPool} does for embedders, but one turn at a time so that a session's new run
 * starts at once whatever the others do.
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
     * Queues {@code m}, just woken, for the next turn (a machine is queued once at a time, see
     * {@link Machine#park}).
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
                    // Parked meanwhile, so that a command (a new run, a stop) wakes it at once.
                    m.park();
                    timer.schedule(m::wake, next, TimeUnit.MILLISECONDS);
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
