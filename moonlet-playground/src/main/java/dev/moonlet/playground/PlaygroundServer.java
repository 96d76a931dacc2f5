package dev.moonlet.playground;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The playground's HTTP server, on the JDK's own {@link HttpServer}: the static page, and a
 * small API the page calls.
 *
 * <table>
 *   <caption>The API (parameters form-encoded)</caption>
 *   <tr><td>{@code POST /api/session}</td><td>a new session; answers its id</td></tr>
 *   <tr><td>{@code GET /api/events?session=ID}</td><td>the session's events, as Server-Sent Events</td></tr>
 *   <tr><td>{@code POST /api/eval}</td><td>{@code session, console (live|left|right), run, code,
 *       language (lua|bags), memory (N: limit 2^N bytes, 10 to 30), fuel (F: budget 10^F, 3 to 10)}</td></tr>
 *   <tr><td>{@code POST /api/stop}</td><td>{@code session, console}: stops that console's evaluation</td></tr>
 *   <tr><td>{@code POST /api/reset}</td><td>{@code session}: a fresh instance for the paired consoles</td></tr>
 * </table>
 *
 * <p>Requests that come from another origin (a page elsewhere posting to this one) are
 * refused, since the server usually listens on the visitor's own machine.
 *
 * <pre>{@code
 * try (PlaygroundServer server = PlaygroundServer.start(new InetSocketAddress("127.0.0.1", 0))) {
 *     System.out.println(server.uri());   // http://127.0.0.1:41234/
 * }
 * }</pre>
 */
public final class PlaygroundServer implements AutoCloseable {
    /** The fuel of one slice: small enough that a hundred looping sessions still take turns quickly. */
    static final long SLICE_FUEL = 20_000;
    /** The largest request body taken. */
    private static final int MAX_BODY = 256 * 1024;
    /** How long an event stream may stay silent before a keep-alive comment. */
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    /** The names of this machine a page on the loopback interface is reached by, with any port. */
    private static final Pattern LOOPBACK_HOST = Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "png", "image/png");

    private final HttpServer http;
    private final ExecutorService handlers;
    private final Stepper stepper;
    private final Sessions sessions;

    private PlaygroundServer(HttpServer http, int stepperThreads) {
        this.http = http;
        this.stepper = new Stepper(stepperThreads, SLICE_FUEL);
        this.sessions = new Sessions(stepper);
        this.handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "moonlet-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(handlers);
        http.createContext("/", this::serveStatic);
        http.createContext("/api/session", ex -> handle(ex, this::newSession));
        http.createContext("/api/events", ex -> handle(ex, this::events));
        http.createContext("/api/eval", ex -> handle(ex, this::evaluate));
        http.createContext("/api/stop", ex -> handle(ex, this::stop));
        http.createContext("/api/reset", ex -> handle(ex, this::reset));
    }

    /**
     * Starts a server on {@code address} (port 0 picks a free port) whose sessions are stepped
     * by {@link #defaultStepperThreads()} threads.
     */
    public static PlaygroundServer start(InetSocketAddress address) throws IOException {
        return start(address, defaultStepperThreads());
    }

    /** Starts a server on {@code address} whose sessions are stepped by {@code stepperThreads} threads. */
    public static PlaygroundServer start(InetSocketAddress address, int stepperThreads) throws IOException {
        if (stepperThreads < 1) throw new IllegalArgumentException("at least one stepper thread is needed");
        PlaygroundServer server = new PlaygroundServer(HttpServer.create(address, 128), stepperThreads);
        server.http.start();
        return server;
    }

    /**
     * The stepper threads used unless told otherwise: one fewer than the processors (so that
     * serving pages and streaming events always has a processor), at least one, at most four.
     */
    public static int defaultStepperThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** The address of the page. */
    public URI uri() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "localhost" : a.getHostString();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** How many sessions are alive. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Stops serving and stops every session. */
    @Override
    public void close() {
        http.stop(0);
        sessions.close();
        stepper.close();
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ the API

    /** An API endpoint: answers the response body (text), or handles the exchange itself and answers null. */
    @FunctionalInterface
    private interface Endpoint {
        String answer(HttpExchange ex, Form form) throws IOException, InterruptedException;
    }

    /** A request was refused: the status and the reason, which the page shows. */
    private static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    private void handle(HttpExchange ex, Endpoint endpoint) throws IOException {
        try (ex) {
            String body;
            try {
                Form form = form(ex);
                body = endpoint.answer(ex, form);
            } catch (Refused r) {
                send(ex, r.status, "text/plain; charset=utf-8", r.getMessage().getBytes(StandardCharsets.UTF_8));
                return;
            } catch (IllegalArgumentException bad) {
                send(ex, 400, "text/plain; charset=utf-8", String.valueOf(bad.getMessage()).getBytes(StandardCharsets.UTF_8));
                return;
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                return;
            }
            if (body != null) send(ex, 200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The request's parameters, after checking its method, its origin, and (on a server that
     * listens only on the loopback interface) that it names this machine, which keeps pages
     * elsewhere out even through DNS rebinding.
     */
    private Form form(HttpExchange ex) throws IOException {
        String host = String.valueOf(ex.getRequestHeaders().getFirst("Host"));
        if (http.getAddress().getAddress().isLoopbackAddress() && !LOOPBACK_HOST.matcher(host).matches()) {
            throw new Refused(403, "unexpected Host " + host);
        }
        String method = ex.getRequestMethod();
        if (method.equals("GET")) return Form.parse(ex.getRequestURI().getRawQuery());
        if (!method.equals("POST")) throw new Refused(405, "method not allowed");
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origin.equals("http://" + host)) throw new Refused(403, "cross-origin request refused");
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) throw new Refused(413, "request too large");
            return Form.parse(new String(body, StandardCharsets.UTF_8));
        }
    }

    private Session session(Form form) {
        Session s = sessions.get(form.get("session"));
        if (s == null) throw new Refused(404, "no such session");
        return s;
    }

    private String newSession(HttpExchange ex, Form form) {
        if (!ex.getRequestMethod().equals("POST")) throw new Refused(405, "method not allowed");
        Session s = sessions.create();
        if (s == null) throw new Refused(503, "too many sessions");
        return s.id;
    }

    private String evaluate(HttpExchange ex, Form form) {
        Session s = session(form);
        String console = console(form);
        Language language = Language.named(form.get("language") == null ? "lua" : form.get("language"));
        if (language == null) throw new IllegalArgumentException("unknown language");
        String code = form.get("code") == null ? "" : form.get("code");
        long run = form.integer("run", 0, Long.MAX_VALUE);
        long memory = 1L << form.integer("memory", 10, 30);
        long fuel = pow10((int) form.integer("fuel", 3, 10));
        s.evaluate(console, run, language, code, fuel, memory);
        return "";
    }

    private String stop(HttpExchange ex, Form form) {
        session(form).stop(console(form));
        return "";
    }

    private String reset(HttpExchange ex, Form form) {
        session(form).resetPaired();
        return "";
    }

    private static String console(Form form) {
        String c = form.get("console");
        if (Session.LIVE.equals(c) || Session.LEFT.equals(c) || Session.RIGHT.equals(c)) return c;
        throw new IllegalArgumentException("console must be live, left or right");
    }

    private static long pow10(int n) {
        long r = 1;
        for (int i = 0; i < n; i++) r *= 10;
        return r;
    }

    /** The session's events, as long as the page listens and no newer stream replaces this one. */
    private String events(HttpExchange ex, Form form) throws IOException, InterruptedException {
        Session s = session(form);
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        long n = s.connect();
        try {
            OutputStream out = ex.getResponseBody();
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (s.isCurrent(n)) {
                String batch = s.outbox().take(KEEP_ALIVE_MILLIS);
                out.write((batch != null ? batch : ": keep-alive\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException pageGone) {
            // The page closed the stream; the session waits for it to come back, or is reclaimed.
        } finally {
            s.disconnect(n);
        }
        return null;
    }

    // ------------------------------------------------------------------ the page

    private void serveStatic(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/")) path = "/index.html";
            String name = path.substring(1);
            byte[] file = name.matches("[a-z0-9-]+\\.(html|css|js|png)") ? Resources.bytes("static/" + name) : null;
            if (file == null || !ex.getRequestMethod().equals("GET")) {
                send(ex, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'");
            send(ex, 200, CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1)), file);
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
    }
}
