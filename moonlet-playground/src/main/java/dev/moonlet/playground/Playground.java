package dev.moonlet.playground;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * {@code moonlet playground [--port N] [--host ADDRESS]}: serves the web playground (a live
 * Lua REPL, paired REPLs on one instance, and the bags language) and prints its address. It
 * listens on {@code 127.0.0.1} unless told otherwise, on port {@value #DEFAULT_PORT} by
 * default ({@code --port 0} picks a free one), until the process is stopped.
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

    /** Runs the playground until the process is stopped; exits with status 1 on bad options. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = DEFAULT_PORT;
        String host = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--port") || a.equals("--host")) && i + 1 < args.length) {
                String v = args[++i];
                if (a.equals("--host")) {
                    host = v;
                } else {
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 0 || port > 65535) usage("bad port '" + v + "'");
                }
            } else {
                usage("unrecognized option '" + a + "'");
            }
        }
        PlaygroundServer server = PlaygroundServer.start(new InetSocketAddress(host, port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("Moonlet playground: " + server.uri());
        System.out.flush();
        stopped.await();
    }

    private static void usage(String problem) {
        System.err.println("moonlet playground: " + problem);
        System.err.println("usage: moonlet playground [--port N] [--host ADDRESS]");
        System.exit(1);
    }
}
