package dev.moonlet.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP surface: the page, the API's answers to bad requests, and requests from elsewhere. */
class PlaygroundServerTest {
    private static PlaygroundServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = PlaygroundServer.start(new InetSocketAddress("127.0.0.1", 0), 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesThePageWithItsHooks() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertEquals("default-src 'self'", page.headers().firstValue("Content-Security-Policy").orElse(""));
        for (String id : new String[] {"code", "output", "memory", "broken", "broken-count", "left-code", "right-code",
                "left-output", "right-output", "left-run", "right-run", "left-stop", "right-stop", "language"}) {
            assertTrue(page.body().contains("id=\"" + id + "\""), id);
        }
        assertEquals(200, get("/app.js").statusCode());
        assertEquals(404, get("/../pom.xml").statusCode());
        assertEquals(404, get("/missing.js").statusCode());
    }

    @Test
    void refusesBadRequests() throws Exception {
        String session = post("/api/session", "", null).body();
        assertEquals(32, session.length());
        assertEquals(404, post("/api/eval", "session=nope&console=live&run=1&memory=20&fuel=6&code=1", null).statusCode());
        HttpResponse<String> badMemory = post("/api/eval", "session=" + session + "&console=live&run=1&memory=40&fuel=6&code=1", null);
        assertEquals(400, badMemory.statusCode());
        assertEquals("memory must be from 10 to 30", badMemory.body());
        assertEquals(400, post("/api/eval", "session=" + session + "&console=up&run=1&memory=20&fuel=6", null).statusCode());
        assertEquals(405, get("/api/session").statusCode());
    }

    @Test
    void refusesRequestsFromOtherOrigins() throws Exception {
        HttpResponse<String> r = post("/api/session", "", "http://elsewhere.example");
        assertEquals(403, r.statusCode());
        assertEquals("cross-origin request refused", r.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String form, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) b.header("Origin", origin);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
