package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.RealKeycloak;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log of what we do not serve (SPEC §4): a call under the base URL that no endpoint matches is logged once per
 * method and path at WARN, with the JSON body's property names and never a value, and answered 404 not_found.
 */
@ExtendWith(RealKeycloak.class)
class UnservedCallLogIT {

    @Test
    void anUnknownCallIsLoggedOnceByPathAndPropertyNamesNeverByValue(KeycloakServer kc) throws InterruptedException {
        String path = "/Clients/generateAuthCode" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "s3cr3t-" + UUID.randomUUID();
        String querySecret = "q-" + UUID.randomUUID();
        String body = "{\"ClientId\":\"it-app\",\"ClientSecret\":\"" + secret + "\",\"Nested\":{\"Password\":\"" + secret + "\"},\"RedirectUri\":null}";
        String system = new IdsApi(kc).token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, null);
        for (int i = 0; i < 3; i++) {
            Http.Response r = Http.sendJson("POST", kc.realmUrl() + path + "?access_token=" + querySecret, system, body);
            assertEquals(404, r.status(), r.body());
            assertEquals("not_found", r.json().get("error").asText());
            assertFalse(r.body().contains(secret));
        }
        Thread.sleep(500); // the log is written asynchronously
        List<String> lines = kc.log().lines().filter(l -> l.contains("/realms/creatio" + path + " ")).toList();
        assertEquals(1, lines.size(), "logged once: " + lines);
        String line = lines.get(0);
        assertTrue(line.contains("WARN") && line.contains("POST /realms/creatio" + path), line);
        assertTrue(line.contains("[ClientId, ClientSecret, Nested, RedirectUri]"), line);
        assertTrue(line.contains("from client '" + IdsApi.SYSTEM_CLIENT + "' (valid bearer token)"), line);
        assertFalse(kc.log().contains(secret), "a body value reached the log");
        assertFalse(kc.log().contains(querySecret), "the query string reached the log");
        assertFalse(kc.log().contains(system), "the bearer token reached the log");

        // The repeats are counted, and ServiceInfo shows the count.
        JsonNode calls = Http.get(kc.realmUrl() + "/ServiceInfo", system).json().at("/unservedCalls/calls");
        boolean counted = false;
        for (JsonNode c : calls) {
            counted |= c.get("call").asText().equals("POST /realms/creatio" + path) && c.get("count").asInt() == 3;
        }
        assertTrue(counted, calls.toString());
    }

    @Test
    void unknownPathsAndMethodsUnderOurEndpointsAnswer404NotFound(KeycloakServer kc) {
        String system = new IdsApi(kc).token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, null);
        for (String[] call : List.of(new String[]{"POST", "/connect/nope"}, new String[]{"GET", "/connect/nope"},
                new String[]{"POST", "/OwnedResources/nope"}, new String[]{"GET", "/OwnedResources/register"},
                new String[]{"POST", "/Clients/nope"}, new String[]{"GET", "/Clients/find"}, new String[]{"PUT", "/Clients/register"},
                new String[]{"POST", "/NoSuchExtension"}, new String[]{"POST", "/Clients/find/extra"})) {
            Http.Response r = call[0].equals("GET") ? Http.get(kc.realmUrl() + call[1], system)
                    : Http.sendJson(call[0], kc.realmUrl() + call[1], system, "{\"a\":1}");
            assertEquals(404, r.status(), call[0] + " " + call[1] + ": " + r.body());
            assertEquals("not_found", r.json().get("error").asText(), call[0] + " " + call[1]);
        }
        // A 404 an endpoint chooses keeps its own answer, and is not an unserved call.
        Http.Response missing = Http.sendJson("POST", kc.realmUrl() + "/Clients/info", system, "{\"ClientId\":\"no-such-client-4242\"}");
        assertEquals(404, missing.status());
        assertTrue(missing.json().get("error_description").asText().contains("does not exist"), missing.body());
        assertFalse(kc.log().contains("POST /realms/creatio/Clients/info "), "an endpoint's own 404 was logged as unserved");
        // Outside the bridge realm Keycloak answers as it always does.
        Http.Response master = Http.sendJson("POST", kc.baseUrl() + "/realms/master/nope", null, "{}");
        assertEquals(404, master.status());
        assertFalse(kc.log().contains("/realms/master/nope"), "another realm's paths are not ours to log");
    }

    /**
     * Issue 19, finding 7: anonymous junk filled the 500-path budget, after which a real unknown call went unlogged.
     * Calls without a valid bearer token now have a smaller budget of their own.
     */
    @Test
    void junkWithoutTokenCannotSilenceTheLog(KeycloakServer kc) {
        String junk = "/connect/junk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < 520; i++) {
            assertEquals(404, Http.get(kc.realmUrl() + junk + i, null).status());
        }
        String system = new IdsApi(kc).token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, null);
        String real = "/Clients/generateAuthCode-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = Http.sendJson("POST", kc.realmUrl() + real, system, "{\"ClientId\":\"x\"}");
        assertEquals(404, r.status(), r.body());
        String line = awaitLine(kc, "POST /realms/creatio" + real + " ");
        assertTrue(line.contains("WARN") && line.contains("[ClientId]")
                && line.contains("from client '" + IdsApi.SYSTEM_CLIENT + "' (valid bearer token)"), line);

        JsonNode counts = Http.get(kc.realmUrl() + "/ServiceInfo", system).json().get("unservedCalls");
        JsonNode anonymous = counts.get("withoutValidToken");
        assertEquals(100, anonymous.get("cap").asInt(), counts.toString());
        assertTrue(anonymous.get("beyondCap").asLong() >= 420, "the junk went beyond its own budget: " + anonymous);
        assertTrue(counts.get("calls").toString().contains("POST /realms/creatio" + real), "the real call is counted: " + counts);
    }

    /** Control, line-separator and bidirectional characters of a path or property name reach the log only escaped. */
    @Test
    void controlAndBidiCharactersAreEscaped(KeycloakServer kc) {
        String marker = "bidi-" + UUID.randomUUID().toString().substring(0, 8);
        String system = new IdsApi(kc).token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, null);
        // U+2028, U+2029, U+202E, U+2066, U+0085 (NEL), LF and CR in the path; U+202A and U+2069 in a property name.
        String path = "/connect/" + marker + "-%E2%80%A8-%E2%80%A9-%E2%80%AE-%E2%81%A6-%C2%85-%0A-%0D-end";
        Http.Response r = Http.sendJson("POST", kc.realmUrl() + path, system, "{\"a\u202Ab\u2069c\":1}");
        assertEquals(404, r.status(), r.body());
        String line = awaitLine(kc, marker);
        assertTrue(line.contains(marker + "-\\u2028-\\u2029-\\u202E-\\u2066-\\u0085-\\u000A-\\u000D-end"), line);
        assertTrue(line.contains("[a\\u202Ab\\u2069c]"), line);
        for (char c : new char[]{'\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\u0085', '\r'}) {
            assertEquals(-1, line.indexOf(c), "U+" + Integer.toHexString(c) + " reached the log as itself");
        }
        assertEquals(1, kc.log().lines().filter(l -> l.contains(marker)).count(), "the logged call spans more than one line");
    }

    /** The first log line holding {@code text}; the log is written asynchronously, so it is awaited (10 s at most). */
    private static String awaitLine(KeycloakServer kc, String text) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            var line = kc.log().lines().filter(l -> l.contains(text)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with '" + text + "' within 10 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
