package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Jwks;
import io.identitybridge.it.support.NodeRelyingParty;
import io.identitybridge.it.support.DropInInstall;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.TestCertificates;
import io.identitybridge.it.support.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Signing-key rotation on a server of its own with short times (rotation 60 s, propagation 15 s, retention 20 s), seen
 * as a relying party sees it: one JWKS fetch and one token per second for 90 s. The migrated PFX key is the first key
 * of the schedule, under its IS4 kid; its successor is an ES256 key (signing-algorithm=ES256).
 */
class KeyRotationIT {

    private static final String OPT = "KC_SPI_IDENTITY_BRIDGE__DEFAULT__";
    private static final String CLIENT = "RotationClient01";
    private static final String SECRET = "it-only-rotation-secret-0123456789abcdef";
    private static final long PROPAGATION = 15;
    private static final long RETENTION = 20;
    private static KeycloakServer kc;
    private static String certKid;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(!TestDatabase.suiteOnPostgres(), "runs once, in the H2 pass, on a server of its own");
        Path home = DropInInstall.unpacked("key-rotation");
        Install.bundleInto(home);
        Path pfx = TestCertificates.pfx(home, "is4", "rsa:2048", null, "");
        certKid = TestCertificates.is4Kid(pfx, "", "RS256");
        // Token lifetimes below the retention, so that the retention is the configured 20 s.
        Path seed = home.resolve("seed.json");
        Files.writeString(seed, Http.JSON.writeValueAsString(List.of(Map.of("ClientId", CLIENT, "Secrets", List.of(SECRET),
                "AllowedGrantTypes", List.of("client_credentials"), "AccessTokenLifetime", 10, "IdentityTokenLifetime", 10))));
        kc = KeycloakServer.start(home, Map.of(OPT + "CLIENTS_FILE", seed.toString(), OPT + "SIGNING_CERTIFICATE_FILE", pfx.toString(),
                OPT + "SIGNING_KEY_ROTATION", "60s", OPT + "SIGNING_KEY_PROPAGATION", PROPAGATION + "s",
                OPT + "SIGNING_KEY_RETENTION", RETENTION + "s", OPT + "SIGNING_ALGORITHM", "ES256"),
                List.of(), Install.workDir().resolve("key-rotation.log"));
        Http.Response r = kc.admin("PUT", "/realms/creatio", Map.of("accessTokenLifespan", 10, "accessTokenLifespanForImplicitFlow", 10));
        assertEquals(204, r.status(), r.body());
    }

    @AfterAll
    static void stop() {
        if (kc != null) {
            kc.close();
        }
    }

    @Test
    void keysAreAnnouncedBeforeTheySignAndRetiredKeysVerifyUntilTheRetentionEnds() throws Exception {
        Map<String, Long> firstPublished = new LinkedHashMap<>();
        Map<String, Long> firstSigned = new LinkedHashMap<>();
        Map<String, Long> lastPublished = new LinkedHashMap<>();
        Map<String, String> tokenByKid = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        long t0 = System.currentTimeMillis();
        while (System.currentTimeMillis() - t0 < 95_000) {
            long at = System.currentTimeMillis() - t0;
            JsonNode jwks = Http.get(kc.realmUrl() + "/protocol/openid-connect/certs", null).json();
            for (JsonNode k : jwks.get("keys")) {
                if ("sig".equals(k.path("use").asText()) && !"HS512".equals(k.path("alg").asText())) {
                    firstPublished.putIfAbsent(k.get("kid").asText(), at);
                    lastPublished.put(k.get("kid").asText(), at);
                }
            }
            Http.Response r = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/token", Http.form("grant_type", "client_credentials"),
                    CLIENT, SECRET);
            assertEquals(200, r.status(), r.body());
            String token = r.json().get("access_token").asText();
            String kid = Jwks.header(token).get("kid").asText();
            if (!firstPublished.containsKey(kid)) {
                problems.add(at + " ms: a token carries kid " + kid + " before the JWKS published it");
            }
            firstSigned.putIfAbsent(kid, at);
            tokenByKid.putIfAbsent(kid, token);
            // Every token seen so far verifies as long as its kid is published.
            for (Map.Entry<String, String> e : tokenByKid.entrySet()) {
                if (Jwks.byKid(jwks, e.getKey()) != null && !Jwks.verifies(e.getValue(), jwks)) {
                    problems.add(at + " ms: a token of kid " + e.getKey() + " no longer verifies while its kid is published");
                }
            }
            Thread.sleep(Math.max(0, 1000 - (System.currentTimeMillis() - t0 - at)));
        }
        assertEquals(List.of(), problems);
        assertTrue(firstSigned.containsKey(certKid), "the migrated certificate signed first: " + firstSigned);
        List<String> kids = new ArrayList<>(firstSigned.keySet());
        assertTrue(kids.size() >= 2, "no second key signed within 95 s: " + firstSigned);
        String next = kids.get(1);
        assertEquals("ES256", Jwks.header(tokenByKid.get(next)).get("alg").asText());
        long announcedToSigning = firstSigned.get(next) - firstPublished.get(next);
        assertTrue(announcedToSigning >= (PROPAGATION - 2) * 1000,
                "kid " + next + " signed " + announcedToSigning + " ms after it was published, before the propagation time");
        long retained = lastPublished.get(certKid) - firstSigned.get(next);
        assertTrue(retained >= (RETENTION - 3) * 1000, "the certificate's kid left the JWKS " + retained + " ms after it stopped signing");
        assertTrue(lastPublished.get(certKid) < System.currentTimeMillis() - t0 - 3000, "the certificate's kid is still published after the retention");
        // A real relying-party library fetches, verifies and accepts the ES256 token by its kid.
        JsonNode verified = NodeRelyingParty.clientCredentialsTokenVerified(kc.realmUrl(), CLIENT, SECRET);
        assertEquals("ES256", verified.get("alg").asText(), verified.toString());
        assertEquals(next, verified.get("kid").asText(), verified.toString());
        // The console's page shows the schedule: the active key and when its successor is announced.
        JsonNode rows = kc.admin("GET", "/realms/creatio/components?type=org.keycloak.services.ui.extend.UiPageProvider", null).json();
        List<String> shown = new ArrayList<>();
        for (JsonNode c : rows) {
            if ("identity-service-signing-keys".equals(c.get("providerId").asText())) {
                JsonNode f = c.get("config");
                shown.add(f.get("kid").get(0).asText() + " " + f.get("algorithm").get(0).asText() + " " + f.get("state").get(0).asText()
                        + " " + f.get("next").get(0).asText().replaceAll(" at .*", ""));
            }
        }
        // Its successor may be announced by now (45 s after the activation): then it is a row of its own.
        assertTrue(shown.contains(next + " ES256 active successor announced") || shown.contains(next + " ES256 active passive"), shown.toString());
        assertTrue(shown.stream().noneMatch(r -> r.startsWith(certKid)), "the removed certificate is still listed: " + shown);
        String log = kc.log();
        for (String line : List.of("kid '" + certKid + "' (RS256) joins the rotation schedule", "kid '" + next + "' (ES256) is announced",
                "kid '" + next + "' (ES256) signs from now", "kid '" + certKid + "' is removed from the JWKS")) {
            assertEquals(1, log.split(java.util.regex.Pattern.quote(line), -1).length - 1, "once in the log: " + line);
        }
    }
}
