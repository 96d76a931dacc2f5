package dev.moonlet.playground;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live sessions, by id. A session whose page has had no event stream for
 * {@link #IDLE_SECONDS} is reclaimed: its tasks stop and it is forgotten (a page that comes
 * back starts a new session).
 */
final class Sessions implements AutoCloseable {
    /** How long a session may go without a connected page. */
    static final long IDLE_SECONDS = 60;
    /** The most sessions at once; more are refused until some are reclaimed. */
    static final int MAX_SESSIONS = 1000;

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Stepper stepper;
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "moonlet-session-reaper");
        t.setDaemon(true);
        return t;
    });

    Sessions(Stepper stepper) {
        this.stepper = stepper;
        reaper.scheduleWithFixedDelay(this::reap, 10, 10, TimeUnit.SECONDS);
    }

    /** A new session, or null when there are already {@link #MAX_SESSIONS}. */
    Session create() {
        if (byId.size() >= MAX_SESSIONS) return null;
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        Session s = new Session(HexFormat.of().formatHex(secret), stepper);
        byId.put(s.id, s);
        return s;
    }

    /** The session {@code id}, or null if there is none (never was, or reclaimed). */
    Session get(String id) {
        return id == null ? null : byId.get(id);
    }

    /** How many sessions there are. */
    int size() {
        return byId.size();
    }

    private void reap() {
        long idle = TimeUnit.SECONDS.toNanos(IDLE_SECONDS);
        byId.values().removeIf(s -> {
            if (!s.idleFor(idle)) return false;
            s.close();
            return true;
        });
    }

    /** Closes every session. */
    @Override
    public void close() {
        reaper.shutdownNow();
        byId.values().forEach(Session::close);
        byId.clear();
    }
}
