package io.identitybridge.it;

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
        for (int i = 0; i < 3; i++) {
            Http.Response r = Http.sendJson("POST", kc.realmUrl() + path + "?access_token=" + querySecret, "Bearer-" + secret, body);
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
        assertFalse(kc.log().contains(secret), "a body value reached the log");
        assertFalse(kc.log().contains(querySecret), "the query string reached the log");

        // The repeats are counted, and ServiceInfo shows the count.
        String system = new IdsApi(kc).token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, null);
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
}
