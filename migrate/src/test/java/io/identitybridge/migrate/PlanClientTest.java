package io.identitybridge.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dry run against tiny local servers: a planner that answers as the seed endpoint does (so that parts and their
 * merge are seen whole), one that answers 413, one that closes the connection in the middle of the body.
 */
class PlanClientTest {

    private HttpServer server;
    private ServerSocket rawServer;
    private final List<Integer> bodySizes = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        if (rawServer != null) {
            rawServer.close();
        }
    }

    /** The seed planner's rules for a realm holding {@code seeded} (all seeded, prune on): per part, as the server plans. */
    private String planner(Set<String> seeded) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            bodySizes.add(body.length);
            JsonNode in = Is4Reader.JSON.readTree(body);
            ObjectNode plan = Is4Reader.JSON.createObjectNode().put("realm", "creatio").put("valid", true);
            ArrayNode scopes = plan.putArray("scopes");
            in.path("Scopes").forEach(s -> scopes.addObject().put("name", s.path("Name").asText()).put("action", "unchanged"));
            ArrayNode clients = plan.putArray("clients");
            ArrayNode problems = plan.putArray("problems");
            problems.addObject().put("severity", "warning").put("kind", "scope").put("index", 0).put("text", "warning: scope #0 (s) once");
            Set<String> inPart = new TreeSet<>();
            int i = 0;
            for (JsonNode c : in.path("Clients")) {
                String id = c.path("ClientId").asText();
                inPart.add(id);
                clients.addObject().put("name", id).put("action", seeded.contains(id) ? "unchanged" : "create");
                if (id.startsWith("bad")) {
                    plan.put("valid", false);
                    problems.addObject().put("severity", "error").put("kind", "client").put("index", i).put("name", id)
                            .put("text", "error: client #" + i + " (" + id + ") AllowedScopes names 'x'");
                }
                i++;
            }
            for (String s : new TreeSet<>(seeded)) {
                if (!inPart.contains(s)) {
                    clients.addObject().put("name", s).put("action", "delete");
                }
            }
            byte[] answer = Is4Reader.JSON.writeValueAsBytes(plan);
            ex.sendResponseHeaders(plan.path("valid").asBoolean() ? 200 : 400, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static ArrayNode clients(String... ids) {
        ArrayNode a = Is4Reader.JSON.createArrayNode();
        for (String id : ids) {
            a.addObject().put("ClientId", id).put("Description", "x".repeat(3000));
        }
        return a;
    }

    private static ArrayNode oneScope() {
        ArrayNode s = Is4Reader.JSON.createArrayNode();
        s.addObject().put("Name", "s");
        return s;
    }

    @Test
    void anInputLargerThanOnePartIsPlannedInPartsAndOnlyClientsAbsentFromEveryPartAreDeleted() throws Exception {
        String url = planner(Set.of("kept-a", "kept-z", "gone"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean valid = new PlanClient(url, "creatio", 10_000).plan(clients("kept-a", "new-1", "new-2", "new-3", "kept-z", "bad-6"),
                oneScope(), "t", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(bodySizes.size() >= 2, "one part: " + bodySizes);
        assertTrue(bodySizes.stream().allMatch(n -> n <= 10_000), "a part over the budget: " + bodySizes);
        assertTrue(out.contains("planned in " + bodySizes.size() + " part(s) of at most 10000 bytes"), out);
        assertTrue(out.contains(": 4 create, 0 update, 3 unchanged, 1 delete"), out);
        assertTrue(out.contains("  delete client 'gone'"), out);
        assertFalse(out.contains("delete client 'kept-"), out);
        assertEquals(1, out.split("warning: scope #0", -1).length - 1, "the scope's problem once: " + out);
        assertTrue(out.contains("error: client #5 (bad-6) AllowedScopes"), "the problem names the client's place in the whole input: " + out);
        assertFalse(valid);
    }

    @Test
    void aClientIdInTwoPartsIsTheUsedTwiceError() throws Exception {
        String url = planner(Set.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean valid = new PlanClient(url, "creatio", 10_000).plan(clients("a", "b", "c", "a"), oneScope(), "t",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(valid, out);
        assertTrue(out.contains("error: client (a) ClientId is used by an earlier client of the input too"), out);
        assertTrue(out.contains("The seeder refuses this input"), out);
    }

    @Test
    void aSmallInputIsOneCompactBody() throws Exception {
        String url = planner(Set.of());
        ArrayNode c = Is4Reader.JSON.createArrayNode();
        c.addObject().put("ClientId", "one");
        new PlanClient(url, "creatio", PlanClient.DEFAULT_PART_BYTES).plan(c, oneScope(), "t",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(List.of("{\"Clients\":[{\"ClientId\":\"one\"}],\"Scopes\":[{\"Name\":\"s\"}]}".length()), bodySizes);
    }

    @Test
    void a413IsReportedWithItsStatusAndWhatToDo() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(413, -1);
            ex.close();
        });
        server.start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlanClient(
                "http://127.0.0.1:" + server.getAddress().getPort(), "creatio", 10_000).plan(clients("a"), oneScope(), "t",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("the seed plan endpoint answered 413 (request body too large) to part 1 of 1"), e.getMessage());
        assertTrue(e.getMessage().contains("--dry-run-part-bytes below 10000"), e.getMessage());
        assertTrue(e.getMessage().contains("quarkus.http.limits.max-body-size"), e.getMessage());
    }

    @Test
    void aConnectionClosedInTheMiddleOfTheBodyIsReportedWithWhatToDoNeverAsIoExceptionNull() throws Exception {
        rawServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = rawServer.accept()) {
                InputStream in = s.getInputStream();
                in.readNBytes(2000); // the headers and the start of the body, then the connection is gone
                s.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // the test reads what the client saw
            }
        });
        t.start();
        ArrayNode big = clients("a", "b", "c", "d", "e", "f", "g", "h");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlanClient(
                "http://127.0.0.1:" + rawServer.getLocalPort(), "creatio", 5_000_000).plan(big, oneScope(), "t",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        t.join();
        assertTrue(e.getMessage().startsWith("the connection to http://127.0.0.1:" + rawServer.getLocalPort()
                + "/admin/realms/creatio/identity-bridge/seed/plan broke while sending part 1 of 1"), e.getMessage());
        assertTrue(e.getMessage().contains("--dry-run-part-bytes below 5000000"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }
}
