package dev.moonlet.playground;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The playground under load (a benchmark, not a test: the build never runs it). A server in
 * this JVM; {@code LOOPERS} sessions (100 by default) each evaluate {@code while true do end}
 * with the largest fuel budget, and one more session evaluates {@code 1+1} again and again,
 * each time waiting for its result event. Reports the median and p99 of those round trips
 * (request to result, through HTTP and Server-Sent Events) and the server's heap.
 *
 * <pre>
 * mvn -q -pl moonlet-core,moonlet-playground -am test-compile
 * java -cp moonlet-core/target/classes:moonlet-playground/target/classes:moonlet-playground/target/test-classes \
 *     dev.moonlet.playground.LoadBenchmark [LOOPERS] [SAMPLES] [STEPPER_THREADS]
 * </pre>
 */
public final class LoadBenchmark {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    private LoadBenchmark(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int loopers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : PlaygroundServer.defaultStepperThreads();
        try (PlaygroundServer server = PlaygroundServer.start(new InetSocketAddress("127.0.0.1", 0), threads)) {
            LoadBenchmark b = new LoadBenchmark(server.uri());
            for (int i = 0; i < loopers; i++) {
                String s = b.session(new LinkedBlockingQueue<>());
                b.evaluate(s, 1, "while true do end", 10);
            }
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            String probe = b.session(events);
            long[] nanos = new long[samples];
            int warmup = samples / 5;
            for (int run = 1; run <= samples + warmup; run++) {
                long start = System.nanoTime();
                b.evaluate(probe, run, "1+1", 9);
                String end = "\"run\":" + run + ",\"type\":\"result\",\"values\":[\"2\"]";
                for (;;) {
                    String e = events.poll(60, TimeUnit.SECONDS);
                    if (e == null) throw new IllegalStateException("no result for run " + run);
                    if (e.contains(end)) break;
                }
                if (run > warmup) nanos[run - warmup - 1] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.gc();
            long heapLive = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("%d looping sessions, %d stepper thread(s), %d processors; %d evaluations of 1+1%n",
                    loopers, threads, Runtime.getRuntime().availableProcessors(), samples);
            System.out.printf("latency: median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ms(nanos[samples / 2]), ms(nanos[(int) Math.ceil(samples * 0.99) - 1]), ms(nanos[samples - 1]));
            System.out.printf("heap: %.1f MiB in use, %.1f MiB live after a full GC (%d sessions)%n",
                    heapUsed / 1048576.0, heapLive / 1048576.0, server.sessionCount());
        }
        System.exit(0);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** A new session whose event stream feeds {@code events}, one JSON event per element. */
    private String session(BlockingQueue<String> events) throws IOException, InterruptedException {
        String id = http.send(HttpRequest.newBuilder(base.resolve("/api/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/events?session=" + id)).build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> read(r.body(), events));
        return id;
    }

    private static void read(Stream<String> lines, BlockingQueue<String> events) {
        Thread t = new Thread(() -> {
            try {
                lines.filter(l -> l.startsWith("data: ")).forEach(l -> events.add(l.substring(6)));
            } catch (java.io.UncheckedIOException serverClosed) {
                // The benchmark is over.
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private void evaluate(String session, long run, String code, int fuelExponent) throws IOException, InterruptedException {
        String form = "session=" + session + "&console=live&run=" + run + "&language=lua&memory=24&fuel=" + fuelExponent
                + "&code=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/eval"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("eval refused: " + r.statusCode() + " " + r.body());
    }
}
