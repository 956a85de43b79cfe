package io.identitybridge.it.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A client application's redirect URI, so that the browser lands on a real page after the login. */
public final class CallbackServer implements AutoCloseable {

    /** A token check that failed on the server's thread, raised to the test by {@link #close()}. */
    private static final java.util.concurrent.atomic.AtomicReference<AssertionError> FAILURE = new java.util.concurrent.atomic.AtomicReference<>();
    private final HttpServer server;

    private CallbackServer(HttpServer server) {
        this.server = server;
    }

    public static CallbackServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                // A query (response_mode=query) or a form_post body may carry tokens: every one is checked.
                try {
                    JwtCheck.scan(exchange.getRequestURI().getRawQuery());
                    JwtCheck.scan(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                } catch (AssertionError e) {
                    FAILURE.compareAndSet(null, e);
                }
                byte[] body = "<html><body><p id=\"callback\">signed in</p></body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new CallbackServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/cb";
    }

    @Override
    public void close() {
        server.stop(0);
        AssertionError failed = FAILURE.getAndSet(null);
        if (failed != null) {
            throw failed;
        }
    }
}
