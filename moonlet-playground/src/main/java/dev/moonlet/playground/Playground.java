package dev.moonlet.playground;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * {@code moonlet playground [--port N] [--host ADDRESS] [--threads N]}: serves the web
 * playground (a live Lua REPL, paired REPLs on one instance, and the bags language) and prints
 * its address. It listens on {@code 127.0.0.1} unless told otherwise, on port
 * {@value #DEFAULT_PORT} by default ({@code --port 0} picks a free one), until the process is
 * stopped; {@code --threads} sets how many threads step the scripts.
 *
 * <pre>{@code
 * $ ./moonlet playground --port 8080
 * Moonlet playground: http://127.0.0.1:8080/
 * }</pre>
 */
public final class Playground {
    /** The port used when none is given. */
    public static final int DEFAULT_PORT = 8035;

    private Playground() {}

    /** Runs the playground until the process is stopped; exits with status 1 on bad options or when it cannot listen. */
    public static void main(String[] args) {
        int port = DEFAULT_PORT;
        int threads = PlaygroundServer.defaultStepperThreads();
        String host = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) usage("unrecognized option '" + a + "'");
            String v = args[++i];
            switch (a) {
                case "--host": host = v; break;
                case "--port": port = number(v, 0, 65535, "port"); break;
                case "--threads": threads = number(v, 1, 64, "thread count"); break;
                default: usage("unrecognized option '" + a + "'");
            }
        }
        PlaygroundServer server;
        try {
            server = PlaygroundServer.start(new InetSocketAddress(host, port), threads);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("moonlet playground: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("Moonlet playground: " + server.uri());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int number(String text, int min, int max, String what) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below, as any other bad value
        }
        usage("bad " + what + " '" + text + "'");
        return min;
    }

    private static void usage(String problem) {
        System.err.println("moonlet playground: " + problem);
        System.err.println("usage: moonlet playground [--port N] [--host ADDRESS] [--threads N]");
        System.exit(1);
    }
}
