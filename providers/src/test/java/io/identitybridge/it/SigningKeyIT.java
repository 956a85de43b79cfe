package io.identitybridge.it;

import io.identitybridge.it.support.Fixtures;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.Jwks;
import io.identitybridge.it.support.KeycloakProcess;
import io.identitybridge.it.support.PrometheusText;
import io.identitybridge.it.support.TestCertificates;
import io.identitybridge.it.support.TestDatabase;
import io.identitybridge.it.support.DropInInstall;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The migrated IdentityServer4 certificate as the realm's signing key, on a drop-in install of its own that switches
 * certificates across restarts (RSA, then EC P-256 with an empty password, P-384, P-521, P-521 again), as an operator
 * would on migration day and at a later certificate renewal. Failing starts run on the same install.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningKeyIT {

    private static final String SYSTEM_CLIENT = "CreatioSystemClient01";
    private static final String SYSTEM_SECRET = "it-only-secret-0123456789abcdefghijklmnop";
    private static final String PASSWORD = "it-only-pfx-password-42";
    private static final String OPT = "KC_SPI_IDENTITY_BRIDGE__DEFAULT__";
    private static DropInInstall install;
    private static Path certs;
    /** Every kid published so far, with the token Keycloak signed under it: each must keep verifying. */
    private static final Map<String, String> EARLIER_TOKENS = new HashMap<>();

    @BeforeAll
    static void prepare() throws IOException {
        // Its server is a drop-in install on its own H2, whatever the suite's database: once is enough.
        assumeTrue(!TestDatabase.suiteOnPostgres(), "the signing-key starts run once, in the H2 pass");
        certs = Install.workDir().resolve("signing-certs");
        Install.deleteTree(certs);
        Files.createDirectories(certs);
        // With metrics, so that each start's signing-key steps can be read (a build-time option).
        install = DropInInstall.create("signing-key", List.of("build", "--metrics-enabled=true"));
    }

    @Test
    @Order(1)
    void wrongPasswordStopsTheStartNamingTheFileNotThePassword() {
        Path pfx = TestCertificates.pfx(certs, "wrong-pw", "rsa:2048", null, PASSWORD);
        String log = failingStart(pfx, "not-" + PASSWORD, "wrong-password.log");
        assertTrue(log.contains("'" + pfx + "': the password is wrong"), tail(log));
        assertFalse(log.contains("not-" + PASSWORD), "the password reached the log");
    }

    @Test
    @Order(2)
    void certificateWithoutPrivateKeyStopsTheStart() {
        TestCertificates.pfx(certs, "for-cert-only", "rsa:2048", null, PASSWORD);
        Path pfx = TestCertificates.certificateOnlyPfx(certs, certs.resolve("for-cert-only.cert.pem"), PASSWORD);
        String log = failingStart(pfx, PASSWORD, "no-private-key.log");
        assertTrue(log.contains("'" + pfx + "': it holds no private key"), tail(log));
    }

    @Test
    @Order(3)
    void unsupportedCurveStopsTheStart() {
        Path pfx = TestCertificates.pfx(certs, "secp256k1", "ec", "secp256k1", PASSWORD);
        String log = failingStart(pfx, PASSWORD, "unsupported-curve.log");
        assertTrue(log.contains("'" + pfx + "': ") && log.contains("signing-certificate-file"), tail(log));
        assertTrue(log.contains("curve") || log.contains("unsupported"), tail(log));
    }

    @Test
    @Order(10)
    void rsaPfx() throws Exception {
        switchTo(TestCertificates.pfx(certs, "rsa", "rsa:2048", null, PASSWORD), PASSWORD, "RS256", true);
    }

    @Test
    @Order(11)
    void ecP256PfxWithEmptyPassword() throws Exception {
        switchTo(TestCertificates.pfx(certs, "p256", "ec", "P-256", ""), "", "ES256", true);
    }

    @Test
    @Order(12)
    void ecP384Pfx() throws Exception {
        switchTo(TestCertificates.pfx(certs, "p384", "ec", "P-384", PASSWORD), PASSWORD, "ES384", true);
    }

    @Test
    @Order(13)
    void ecP521Pfx() throws Exception {
        switchTo(TestCertificates.pfx(certs, "p521", "ec", "P-521", PASSWORD), PASSWORD, "ES512", true);
    }

    @Test
    @Order(14)
    void restartingWithTheSameCertificateChangesNothing() throws Exception {
        switchTo(certs.resolve("p521.pfx"), PASSWORD, "ES512", false);
    }

    @Test
    @Order(15)
    void aKidKeptAcrossACertificateChangeStopsTheStart() throws Exception {
        Path renewed = TestCertificates.pfx(certs, "renewed", "ec", "P-521", PASSWORD);
        String keptKid = TestCertificates.is4Kid(certs.resolve("p521.pfx"), PASSWORD, "ES512");
        String log = failingStart(renewed, PASSWORD, "kept-kid.log", Map.of(OPT + "SIGNING_KEY_ID", keptKid));
        assertTrue(log.contains("kid '" + keptKid + "' already names another certificate of realm 'creatio'"), tail(log));
    }

    @Test
    @Order(16)
    void unsettingTheCertificateRetiresItsKeyButKeepsItPublished() throws Exception {
        String retiredKid = TestCertificates.is4Kid(certs.resolve("p521.pfx"), PASSWORD, "ES512");
        Map<String, String> env = Map.of(OPT + "CLIENTS_FILE", Fixtures.path("seed/00_create.json").toString());
        Path log = Install.workDir().resolve("signing-key").resolve("unset.log");
        try (KeycloakProcess kc = KeycloakProcess.launch(install.home(), DropInInstall.startArgs(), env, log).awaitReady()) {
            String realm = kc.baseUrl() + "/realms/creatio";
            assertTrue(kc.log().contains("signing-certificate-file is unset: signing key kid '" + retiredKid + "' is now passive"), kc.logTail());
            JsonNode jwks = Http.get(realm + "/protocol/openid-connect/certs", null).json();
            assertNotNull(Jwks.byKid(jwks, retiredKid), "the retired certificate left the JWKS before its retention ended");
            assertTrue(Jwks.verifies(EARLIER_TOKENS.get(retiredKid), jwks), "a token it signed no longer verifies");
            Http.Response r = Http.postForm(realm + "/protocol/openid-connect/token", Http.form("grant_type", "client_credentials"),
                    SYSTEM_CLIENT, SYSTEM_SECRET);
            assertEquals(200, r.status(), kc.logTail());
            JsonNode header = Jwks.header(r.json().get("access_token").asText());
            assertEquals("RS256", header.get("alg").asText(), "Keycloak's own RSA key signs again");
            assertTrue(EARLIER_TOKENS.keySet().stream().noneMatch(k -> k.equals(header.get("kid").asText())), "a retired certificate still signs");
            assertTrue(Jwks.verifies(r.json().get("access_token").asText(), jwks));
        }
    }

    /**
     * Starts with the certificate and checks: (a) a JWT signed outside Keycloak with the PFX key and the IS4 kid
     * verifies against the JWKS by kid, with x5c and x5t; (b) Keycloak's own token is signed by the certificate, with
     * the right alg and kid; and every key published before stays published (passive), so its tokens still verify.
     */
    private static void switchTo(Path pfx, String password, String alg, boolean isNew) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pfx)) {
            store.load(in, password.toCharArray());
        }
        String alias = store.aliases().nextElement();
        PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
        X509Certificate cert = (X509Certificate) store.getCertificate(alias);
        String kid = TestCertificates.is4Kid(cert, alg);

        Map<String, String> env = new HashMap<>(Map.of(OPT + "SIGNING_CERTIFICATE_FILE", pfx.toString(),
                OPT + "CLIENTS_FILE", Fixtures.path("seed/00_create.json").toString()));
        if (!password.isEmpty()) {
            env.put(OPT + "SIGNING_CERTIFICATE_PASSWORD", password);
        }
        Path log = Install.workDir().resolve("signing-key").resolve(alg + (isNew ? "" : "-again") + ".log");
        try (KeycloakProcess kc = KeycloakProcess.launch(install.home(), DropInInstall.startArgs(), env, log).awaitReady()) {
            String realm = kc.baseUrl() + "/realms/creatio";
            JsonNode jwks = Http.get(realm + "/protocol/openid-connect/certs", null).json();
            JsonNode jwk = Jwks.byKid(jwks, kid);
            assertNotNull(jwk, "kid " + kid + " not in the JWKS: " + jwks);
            assertEquals(alg, jwk.get("alg").asText());
            assertEquals(Base64.getEncoder().encodeToString(cert.getEncoded()), jwk.get("x5c").get(0).asText());
            assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded())),
                    jwk.get("x5t").asText());

            // (a) as the old Identity Service signed: kid and alg in the header, the PFX key.
            String external = sign(alg, kid, key, "{\"iss\":\"" + realm + "\",\"sub\":\"signed-by-is4\",\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}");
            assertTrue(Jwks.verifies(external, jwks), "a token signed with the PFX key does not verify against the JWKS");

            // (b) Keycloak's own token after the switch.
            Http.Response r = Http.postForm(realm + "/protocol/openid-connect/token", Http.form("grant_type", "client_credentials"),
                    SYSTEM_CLIENT, SYSTEM_SECRET);
            assertEquals(200, r.status(), kc.logTail());
            String token = r.json().get("access_token").asText();
            JsonNode header = Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
            assertEquals(alg, header.get("alg").asText());
            assertEquals(kid, header.get("kid").asText());
            assertTrue(Jwks.verifyWith(token, alg, cert.getPublicKey()), "Keycloak's token does not verify with the certificate's public key");

            // Earlier keys stay published as passive, so tokens they signed still verify.
            for (Map.Entry<String, String> earlier : EARLIER_TOKENS.entrySet()) {
                assertNotNull(Jwks.byKid(jwks, earlier.getKey()), "earlier kid " + earlier.getKey() + " was dropped from the JWKS");
                assertTrue(Jwks.verifies(earlier.getValue(), jwks), "a token signed before the switch no longer verifies");
            }
            // The steps of this start (a new process counts from zero): the new certificate installed, the previous
            // one made passive; a restart with the same certificate takes none.
            PrometheusText metrics = PrometheusText.scrape(kc.managementUrl());
            assertEquals(isNew ? 1.0 : 0.0, metrics.value("identity_bridge_signing_key_steps_total", "step", "installed"), "installed");
            assertEquals(isNew && !EARLIER_TOKENS.isEmpty() ? 1.0 : 0.0,
                    metrics.value("identity_bridge_signing_key_steps_total", "step", "made_passive"), "made passive");
            assertEquals(0.0, metrics.value("identity_bridge_signing_key_steps_total", "step", "removed"), "removed");
            EARLIER_TOKENS.put(kid, token);
            String startLog = kc.log();
            assertEquals(isNew, startLog.contains("kid '" + kid + "') is the active signing key"), "install line in the log: " + isNew);
            assertFalse(startLog.contains(PASSWORD), "the PFX password reached the log");
        }
    }

    private static String sign(String alg, String kid, PrivateKey key, String payload) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance(Jwks.javaAlg(alg));
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(s.sign());
    }

    private static String failingStart(Path pfx, String password, String logName) {
        return failingStart(pfx, password, logName, Map.of());
    }

    private static String failingStart(Path pfx, String password, String logName, Map<String, String> more) {
        Path log = Install.workDir().resolve("signing-key").resolve(logName);
        Map<String, String> env = new HashMap<>(Map.of(OPT + "SIGNING_CERTIFICATE_FILE", pfx.toString(),
                OPT + "SIGNING_CERTIFICATE_PASSWORD", password));
        env.putAll(more);
        int exit = KeycloakProcess.runToEnd(install.home(), DropInInstall.startArgs(), env, log, Duration.ofMinutes(4));
        assertNotEquals(0, exit, "Keycloak started with a bad signing certificate");
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String tail(String log) {
        List<String> lines = new ArrayList<>(log.lines().toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
