package dev.moonlet.playground;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events waiting to be sent to a session's page, already framed for Server-Sent Events.
 * Stepper threads post; the session's event stream takes everything waiting in one write, so
 * events produced close together travel together. While more than {@link #LIMIT} bytes wait
 * (the page reads slowly, or is gone), tasks that write output do not run.
 */
final class Outbox {
    /** The bytes waiting beyond which output-writing tasks are held back. */
    static final long LIMIT = 256 * 1024;

    private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final AtomicLong waiting = new AtomicLong();

    /** Posts the event {@code json} (one line of JSON). */
    void post(Json json) {
        String frame = "data: " + json + "\n\n";
        waiting.addAndGet(frame.length());
        frames.add(frame);
    }

    /** Whether too much output waits for the page to read it. */
    boolean isFull() {
        return waiting.get() >= LIMIT;
    }

    /**
     * Everything waiting, concatenated; waits up to {@code timeoutMillis} for the first event,
     * and answers null if none came.
     */
    String take(long timeoutMillis) throws InterruptedException {
        String first = frames.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (first == null) return null;
        StringBuilder batch = new StringBuilder(first);
        for (String f; batch.length() < LIMIT && (f = frames.poll()) != null; ) batch.append(f);
        waiting.addAndGet(-batch.length());
        return batch.toString();
    }
}
