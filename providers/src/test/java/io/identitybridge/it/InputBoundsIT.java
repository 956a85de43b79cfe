package io.identitybridge.it;

import io.identitybridge.it.support.HostileRequests;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.BrowserlessLogin;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.SecurityFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 "Limits" (issue 10, finding 6) and the client-authentication and request-object rules of issue 10 §8,
 * on the real server: every oversized or out-of-range value is a 400 naming the field, never a 500.
 */
class InputBoundsIT extends OnSharedServer {

    private static final String REGISTRAR = "it-bounds-registrar";
    private static final String PAR_CLIENT = "it-bounds-par-client";
    private static final String CALLBACK = "https://app.example.test/bounds-cb";
    private static String registrar;

    @BeforeAll
    static void setUp() {
        registrar = seededRegistrar(REGISTRAR);
        SecurityFixtures.seedInvitationApp(kc, PAR_CLIENT, CALLBACK);
    }

    @Test
    void oversizedAndOutOfRangeValuesAreNamed400sNeverA500() {
        String grantee = REGISTRAR;
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        for (String date : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z")) {
            cases.put(register(date, grantee), "OwnedResources/register|ExpirationDate");
        }
        cases.put(json(Map.of("ClientId", "c".repeat(300))), "Clients/register|ClientId");
        cases.put(json(Map.of("ClientName", "n".repeat(5000))), "Clients/register|ClientName");
        cases.put(json(Map.of("Description", "d".repeat(256))), "Clients/register|Description");
        cases.put(json(Map.of("AllowedGrantTypes", List.of("authorization_code"), "RedirectUris", List.of("https://app.example.test/" + "r".repeat(5000)))),
                "Clients/register|RedirectUris[0]");
        cases.put(json(Map.of("ClientName", "nul\u0000byte")), "Clients/register|ClientName");
        cases.put(json(Map.of("ClientId", "tab\tid")), "Clients/register|ClientId");
        cases.put(json(Map.of("Claims", Collections.nCopies(101, Map.of("Type", "t", "Value", "v")))), "Clients/register|Claims");
        cases.put(json(Map.of("AllowedScopes", Collections.nCopies(101, "x"))), "Clients/register|AllowedScopes");
        cases.put(json(Map.of("CustomerIds", Collections.nCopies(51, "c"))), "Clients/find|CustomerIds");
        cases.put(json(Map.of("ClientId", "x\u0000")), "Clients/find|ClientId");
        cases.put(json(Map.of("Resources", Collections.nCopies(201, "r"))), "OwnedResources/delete|Resources");
        cases.put(json(Map.of("Type", "TempAccess", "CustomerIds", List.of("a\u0000b"))), "OwnedResources/list|CustomerIds[0]");
        cases.forEach((body, where) -> {
            String[] parts = where.split("\\|");
            Http.Response r = api.call(parts[0], registrar, body);
            JsonNode e = SecurityFixtures.error(r, 400, "invalid_request");
            assertTrue(e.get("error_description").asText().contains(parts[1]), where + " -> " + e);
        });
        String mine = api.register(registrar, Map.of("ClientName", "bounded")).get("clientId").asText();
        SecurityFixtures.error(api.call("Clients/update", registrar, Map.of("ClientId", mine, "ClientName", "n".repeat(5000))), 400, "invalid_request");
        assertEquals("bounded", api.ok("Clients/info", registrar, Map.of("ClientId", mine)).get("clientName").asText(),
                "a refused update changes nothing");
        assertFalse(kc.log().contains("unknown_error"), "the server log names an unhandled error");
    }

    @Test
    void controlCharactersAndBrokenEscapesInAuthorizeRequestsAre400NeverA500() throws Exception {
        int logStart = kc.log().length();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String query = "client_id=" + PAR_CLIENT + "&response_type=code&scope=openid&redirect_uri=" + BrowserlessLogin.enc(CALLBACK) + "&state=";
        for (String path : List.of("/protocol/openid-connect/auth", "/connect/authorize")) {
            for (String value : List.of("%00", "a%01b", "%1F", "%7F", "x%0Ay")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(kc.realmUrl() + path + "?" + query + value))
                        .header("Accept", "text/html,application/xhtml+xml").GET().build(), HttpResponse.BodyHandlers.ofString());
                // Keycloak refuses some control characters with 400 and strips others (DEL, LF) from state: never a 5xx.
                assertTrue(r.statusCode() == 400 || r.statusCode() == 200, "GET " + path + " " + value + ": " + r.statusCode());
            }
            // A form POST with a broken escape once made the JAX-RS layer throw before Keycloak: a 500 (HTML for a browser).
            for (String value : List.of("h%", "%zz", "%0", "%F")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(kc.realmUrl() + path))
                        .header("Accept", "text/html,application/xhtml+xml").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(query + value)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, r.statusCode(), "POST " + path + " " + value + ": " + r.body());
            }
        }
        // A NUL in a form's client_id reaches Keycloak's own client lookup, which PostgreSQL refuses (once a 500).
        for (String path : List.of("/connect/authorize", "/protocol/openid-connect/auth", "/connect/token", "/connect/endsession",
                "/protocol/openid-connect/logout")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(kc.realmUrl() + path))
                    .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&response_type=code&client_id=a%00b&client_secret=x"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            // End-session shows its page to an unknown client on H2; on PostgreSQL the lookup fails and is a 400.
            int lowest = path.contains("endsession") || path.contains("logout") ? 200 : 400;
            assertTrue(r.statusCode() >= lowest && r.statusCode() < 500, "NUL client_id at " + path + ": " + r.statusCode());
        }
        Http.Response token = Http.sendRaw("POST", kc.realmUrl() + "/connect/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=%zz");
        assertEquals(400, token.status(), token.body());
        assertEquals("invalid_request", token.json().get("error").asText());
        Thread.sleep(300);
        String log = kc.log().substring(logStart);
        assertFalse(log.contains("Uncaught server error") || log.contains("Failed to create error page"), "no unhandled error in the server log");
    }

    @Test
    void malformedClientCredentialsAreInvalidClientBeforeAnyClientLookup() throws InterruptedException {
        int logStart = kc.log().length();
        String secret = SecurityFixtures.SECRET;
        List<String[]> cases = List.of( // {Authorization header or null, form parameters}
                new String[]{basic("a%zz:" + secret), ""}, // Keycloak's own authenticator throws on it: an ERROR with a stack trace
                new String[]{basic(REGISTRAR + ":%"), ""},
                new String[]{basic("a\u0000b:" + secret), ""}, // PostgreSQL refuses the NUL in the lookup: an ERROR
                new String[]{basic("a%00b:" + secret), ""},
                new String[]{basic(REGISTRAR + ":" + secret + "\u0000"), ""},
                new String[]{null, "&client_id=a%00b&client_secret=x"},
                new String[]{null, "&client_id=" + REGISTRAR + "&client_id=a%01b&client_secret=" + secret},
                new String[]{null, "&client_id=" + REGISTRAR + "&client_secret=" + secret + "%00"});
        for (String path : List.of("/connect/token", "/protocol/openid-connect/token", "/connect/introspect",
                "/protocol/openid-connect/token/introspect", "/connect/revocation", "/protocol/openid-connect/revoke")) {
            for (String[] c : cases) {
                List<String> headers = new java.util.ArrayList<>(List.of("Accept: application/json", "Content-Type: application/x-www-form-urlencoded"));
                if (c[0] != null) {
                    headers.add("Authorization: " + c[0]);
                }
                HostileRequests.Answer a = HostileRequests.raw(kc, "POST /realms/creatio" + path, headers,
                        ("grant_type=client_credentials&token=x" + c[1]).getBytes(StandardCharsets.US_ASCII));
                assertEquals(401, a.status(), path + " " + cases.indexOf(c) + ": " + a.body());
                assertTrue(a.body().contains("\"invalid_client\""), path + " " + cases.indexOf(c) + ": " + a.body());
            }
        }
        Thread.sleep(500); // the log is written asynchronously
        List<String> errors = HostileRequests.errorLines(kc.log().substring(logStart));
        assertTrue(errors.isEmpty(), "the server logged ERROR:\n" + String.join("\n", errors));
    }

    @Test
    void aBodyThatIsNotMultipartIs400NeverA500() throws InterruptedException {
        int logStart = kc.log().length();
        for (String path : List.of("/connect/token", "/protocol/openid-connect/token", "/connect/introspect", "/connect/revocation",
                "/connect/userinfo", "/connect/endsession", "/connect/authorize", "/protocol/openid-connect/logout")) {
            HostileRequests.Answer a = HostileRequests.raw(kc, "POST /realms/creatio" + path, List.of("Accept: application/json",
                    "Content-Type: multipart/form-data; boundary=x"), "grant_type=client_credentials&client_id=x".getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, a.status(), path + ": " + a.body());
            assertTrue(a.body().contains("\"invalid_request\""), path + ": " + a.body());
            // Without a boundary no form is read at all: the endpoint answers as to a request without parameters.
            HostileRequests.Answer none = HostileRequests.raw(kc, "POST /realms/creatio" + path, List.of("Accept: application/json",
                    "Content-Type: multipart/form-data"), "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII));
            assertTrue(none.status() >= 200 && none.status() < 500, path + " without a boundary: " + none.status());
        }
        Thread.sleep(500); // the log is written asynchronously
        List<String> errors = HostileRequests.errorLines(kc.log().substring(logStart));
        assertTrue(errors.isEmpty(), "the server logged ERROR:\n" + String.join("\n", errors));
    }

    private static String basic(String idColonSecret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(idColonSecret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptySecretNeverAuthenticates() {
        for (String secret : List.of("", " ")) {
            Http.Response basic = api.tokenResponse(REGISTRAR, secret, null);
            assertEquals(401, basic.status(), basic.body());
            Http.Response form = Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "client_credentials",
                    "client_id", REGISTRAR, "client_secret", secret), null, null);
            assertEquals(401, form.status(), form.body());
        }
    }

    @Test
    void credentialsGivenTwoWaysAreInvalidRequest() {
        // The header's client with another client's form id: once, the form's client was used with the header's secret.
        for (Map<String, String> form : List.of(
                Http.form("grant_type", "client_credentials", "client_id", IdsApi.SYSTEM_CLIENT),
                Http.form("grant_type", "client_credentials", "client_secret", SecurityFixtures.SECRET))) {
            Http.Response r = Http.postForm(kc.realmUrl() + "/connect/token", form, REGISTRAR, SecurityFixtures.SECRET);
            assertEquals(400, r.status(), r.body());
            assertEquals("invalid_request", r.json().get("error").asText());
        }
        // Repeating the header's own client_id in the form is one method, as many libraries send it.
        assertEquals(200, Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "client_credentials",
                "client_id", REGISTRAR), REGISTRAR, SecurityFixtures.SECRET).status());
    }

    @Test
    void pushedValuesWinOverTheRawQuery() throws Exception {
        Http.Response pushed = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/ext/par/request", Http.form(
                "response_type", "code", "scope", "openid", "state", "s", "redirect_uri", CALLBACK, "invitationHash", "PUSHED-VALUE"),
                PAR_CLIENT, SecurityFixtures.SECRET);
        assertEquals(201, pushed.status(), pushed.body());
        String page = get(kc.realmUrl() + "/connect/authorize?client_id=" + PAR_CLIENT + "&request_uri="
                + BrowserlessLogin.enc(pushed.json().get("request_uri").asText()) + "&invitationHash=RAW-VALUE");
        assertTrue(page.contains("PUSHED-VALUE"), "the pushed invitation is shown");
        assertFalse(page.contains("RAW-VALUE"), "a raw query value never overrides a pushed one");
    }

    @Test
    void requestObjectValuesWinOverTheRawQuery() throws Exception {
        // An unsigned request object (alg none, allowed for this client only): the rule is the same for signed ones.
        JsonNode rep = kc.admin("GET", "/realms/creatio/clients?clientId=" + PAR_CLIENT, null).json().get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) rep.get("attributes")).put("request.object.signature.alg", "none");
        assertEquals(204, kc.admin("PUT", "/realms/creatio/clients/" + rep.get("id").asText(), rep).status());
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String claims = Http.JSON.writeValueAsString(Map.of("client_id", PAR_CLIENT, "response_type", "code", "scope", "openid",
                "state", "s", "redirect_uri", CALLBACK, "invitationHash", "SIGNED-VALUE"));
        String requestObject = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        String page = get(kc.realmUrl() + "/connect/authorize?client_id=" + PAR_CLIENT + "&response_type=code&scope=openid&redirect_uri="
                + BrowserlessLogin.enc(CALLBACK) + "&request=" + requestObject + "&invitationHash=RAW-VALUE");
        assertTrue(page.contains("SIGNED-VALUE"), "the request object's invitation is shown");
        assertFalse(page.contains("RAW-VALUE"), "a raw query value never overrides a request object's");
    }

    /** GET as a browser would: Keycloak may first redirect to its login action, which needs the cookies it just set. */
    private static String get(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String cookies = "";
        for (int hop = 0; hop < 3; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 302) {
                assertEquals(200, r.statusCode(), r.body());
                return r.body();
            }
            cookies = String.join("; ", r.headers().allValues("Set-Cookie").stream()
                    .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList());
            url = URI.create(url).resolve(r.headers().firstValue("Location").orElseThrow()).toString();
        }
        throw new AssertionError("too many redirects");
    }

    private static String register(String expiration, String grantee) {
        String name = "Bounds_" + UUID.randomUUID().toString().substring(0, 8);
        return "{\"ResourceInfo\":{\"Name\":\"" + name + "\",\"Properties\":{\"ExpirationDate\":\"" + expiration
                + "\",\"Type\":\"TempAccess\"}},\"GranteeClientIds\":[\"" + grantee + "\"]}";
    }

    private static String json(Object o) {
        try {
            return Http.JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
