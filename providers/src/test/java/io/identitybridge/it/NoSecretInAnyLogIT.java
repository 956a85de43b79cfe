package io.identitybridge.it;

import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.DropInInstall;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.Is4Database;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.MigrateCommand;
import io.identitybridge.it.support.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No secret and no IdentityServer4 hash reaches any log, at any level: a server of its own with the shipped conf file
 * and {@code --log-level=DEBUG} (Keycloak's categories and ours) seeds, registers, rotates and migrates clients, serves
 * Creatio's AddClient, refuses a wrong secret and answers the seed admin endpoints; then its whole log, the migration
 * command's output and every answer body are searched for each secret and hash used, in every form it travelled in
 * (as is, form-encoded, inside a Basic header, and as the IS4 hash it is stored as). Answers that hand a new secret to
 * the caller who asked for it (AddClient, Clients/register) are the one place a secret may be; every other answer,
 * errors included, is searched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoSecretInAnyLogIT {

    private static final String SYSTEM_CLIENT = "LogScanSystemClient01";
    private static final String HASHED_CLIENT = "LogScanHashedClient01";
    /** Every secret and hash the test uses, in the forms they travel in; filled as they are made. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();
    private static final List<String> BODIES = new ArrayList<>();
    private static final List<String> OUTPUTS = new ArrayList<>();

    private static KeycloakServer kc;
    private static IdsApi api;
    private static String systemSecret;
    private static String hashedPlain;

    @BeforeAll
    static void startAtDebug() throws IOException {
        assumeTrue(!TestDatabase.suiteOnPostgres(), "its own server on its own dev database: once, in the H2 pass");
        Path home = DropInInstall.unpacked("secret-scan");
        Install.bundleInto(home);
        String systemSecret = secret("system client's secret");
        String hashedPlain = secret("plaintext behind an IS4 hash");
        String hash = hash("IS4 SHA-256 hash of a seeded secret", Is4Database.sha256(hashedPlain));
        Path seed = home.resolve("seed.json");
        Files.writeString(seed, Http.JSON.writeValueAsString(List.of(
                Map.of("ClientId", SYSTEM_CLIENT, "ClientName", "Log scan system client", "Secrets", List.of(systemSecret),
                        "AllowedGrantTypes", List.of("client_credentials"), "AllowedScopes", CreatioScopes.ALL),
                Map.of("ClientId", HASHED_CLIENT, "ClientName", "Log scan hashed client",
                        "ClientSecrets", List.of(Map.of("Value", hash, "Type", "SharedSecret")),
                        "AllowedGrantTypes", List.of("client_credentials")))));
        kc = KeycloakServer.start(home, Map.of("KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", seed.toString()),
                List.of("--log-level=DEBUG"), Install.workDir().resolve("secret-scan/server.log"));
        SECRETS.put("the bootstrap admin password", kc.adminPassword());
        api = new IdsApi(kc);
        NoSecretInAnyLogIT.systemSecret = systemSecret;
        NoSecretInAnyLogIT.hashedPlain = hashedPlain;
    }

    @AfterAll
    static void stop() {
        if (kc != null) {
            kc.close();
        }
    }

    @Test
    @Order(1)
    void migratedClientsKeepTheirSecretsOutOfEveryLog() throws IOException {
        TestDatabase db = TestDatabase.cluster();
        assumeTrue(db != null, "the migration part needs PostgreSQL: eval \"$(scripts/postgres-for-tests.sh)\" (CI does)");
        SECRETS.put("the test database's password", db.password());
        Is4Database is4 = new Is4Database(db, "ib_is4_logscan", true);
        String migrated = secret("migrated client's secret");
        String expired = secret("migrated client's expired secret");
        is4.client(1, "LogScanMigratedClient01", true, Map.of("ClientName", "Log scan migrated"));
        is4.secret(1, hash("migrated SHA-256 hash", Is4Database.sha256(migrated)), null);
        is4.secret(1, hash("migrated SHA-512 hash of an expired secret", Is4Database.sha512(expired)), "2020-01-01 00:00:00");
        is4.child("ClientGrantTypes", 1, "GrantType", "client_credentials");
        is4.commit();
        Path out = Install.workDir().resolve("secret-scan/migrated.json");
        MigrateCommand.Result r = MigrateCommand.run(List.of("--jdbc-url", db.url() + "?currentSchema=ib_is4_logscan",
                "--db-user", db.user(), "--out", out.toString()), Map.of("IB_DB_PASSWORD", db.password()));
        OUTPUTS.add(r.output());
        assertEquals(0, r.exit(), "the migration command failed; its output is scanned below");
        Http.Response applied = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", Files.readString(out));
        BODIES.add(applied.body());
        assertEquals(200, applied.status());
        assertEquals(200, api.tokenResponse("LogScanMigratedClient01", migrated, null).status());
        BODIES.add(api.tokenResponse("LogScanMigratedClient01", expired, null).body());
    }

    @Test
    @Order(2)
    void noSecretOrHashIsInTheServerLogTheCommandsOutputOrAnyAnswer() {
        // Seeded at boot: a plaintext secret (Basic and form) and an IS4 hash's plaintext; a wrong secret is refused.
        String system = api.token(SYSTEM_CLIENT, systemSecret, null);
        assertEquals(200, Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "client_credentials",
                "client_id", HASHED_CLIENT, "client_secret", hashedPlain), null, null).status());
        String wrong = secret("a wrong secret");
        Http.Response refused = api.tokenResponse(HASHED_CLIENT, wrong, null);
        BODIES.add(refused.body());
        assertEquals(401, refused.status());
        BODIES.add(Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "client_credentials",
                "client_id", SYSTEM_CLIENT, "client_secret", wrong), null, null).body());

        // Creatio's AddClient, then the same again (a new secret), then a token with it and an introspection.
        String userId = UUID.randomUUID().toString();
        JsonNode added = api.ok("Clients/register", system, CreatioIntegrationIT.addClientBody("", "Log scan app", userId, List.of()));
        String app = added.get("clientId").asText();
        known("AddClient's secret", added.get("secret").asText());
        JsonNode rotated = api.ok("Clients/register", system, CreatioIntegrationIT.addClientBody(app, "Log scan app", userId, List.of()));
        known("AddClient's rotated secret", rotated.get("secret").asText());
        String appToken = api.token(app, rotated.get("secret").asText(), null);
        BODIES.add(Http.postForm(kc.realmUrl() + "/connect/introspect", Http.form("token", appToken), app,
                rotated.get("secret").asText()).body());

        // Clients/register (the answer holds the new secret), and a secret sent to Clients/update, which refuses it.
        JsonNode registered = api.ok("Clients/register", system, Map.of("ClientName", "Log scan registered",
                "AllowedGrantTypes", List.of("client_credentials")));
        String registeredId = registered.get("clientId").asText();
        known("Clients/register's secret", registered.get("clientSecret").asText());
        assertEquals(200, api.tokenResponse(registeredId, registered.get("clientSecret").asText(), null).status());
        Http.Response update = api.call("Clients/update", system, Map.of("ClientId", registeredId,
                "Secrets", List.of(secret("a secret sent to Clients/update"))));
        BODIES.add(update.body());
        assertEquals(400, update.status());

        // The seed admin endpoints: a plan and an apply with a plaintext secret and a hash, and a refused input.
        String adminSeeded = secret("a secret seeded through seed/apply");
        String adminHash = hash("a hash seeded through seed/apply", Is4Database.sha256(secret("plaintext behind the admin hash")));
        List<Map<String, Object>> input = List.of(
                Map.of("ClientId", "LogScanAdminSeeded01", "Secrets", List.of(adminSeeded), "AllowedGrantTypes", List.of("client_credentials")),
                Map.of("ClientId", "LogScanAdminSeeded02", "ClientSecrets", List.of(Map.of("Value", adminHash, "Type", "SharedSecret")),
                        "AllowedGrantTypes", List.of("client_credentials")));
        for (String endpoint : List.of("plan", "apply")) {
            Http.Response r = kc.admin("POST", "/realms/creatio/identity-bridge/seed/" + endpoint, input);
            BODIES.add(r.body());
            assertEquals(200, r.status());
        }
        String refusedSeed = secret("a secret in a refused seed input");
        Http.Response bad = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", List.of(Map.of("ClientId", "LogScanBad01",
                "Secrets", List.of(refusedSeed), "AllowedGrantTypes", List.of("no_such_grant"))));
        BODIES.add(bad.body());
        assertEquals(400, bad.status());
        assertEquals(200, api.tokenResponse("LogScanAdminSeeded01", adminSeeded, null).status());

        String log = kc.log();
        assertTrue(log.contains("DEBUG"), "the server did not log at DEBUG");
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> s : SECRETS.entrySet()) {
            for (String form : forms(s.getValue())) {
                if (log.contains(form)) {
                    found.add(s.getKey() + " in the server log, line " + lineOf(log, form));
                }
                OUTPUTS.stream().filter(o -> o.contains(form)).forEach(o -> found.add(s.getKey() + " in the migration command's output"));
                BODIES.stream().filter(b -> b.contains(form)).forEach(b -> found.add(s.getKey() + " in an answer body"));
            }
        }
        System.out.println("secret scan: " + SECRETS.size() + " secrets and hashes, " + log.lines().count() + " log lines at DEBUG, "
                + OUTPUTS.size() + " command outputs, " + BODIES.size() + " answer bodies searched; found " + found.size());
        if (!found.isEmpty()) {
            fail("secrets or hashes were written out (values not shown):\n" + String.join("\n", found));
        }
    }

    /** A secret as it travels: as is, form- or URL-encoded, and in a Basic header with any client id. */
    private static List<String> forms(String secret) {
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>(List.of(secret, encoded));
        // A Basic header is base64 of "id:secret": the secret's bytes appear in it at one of three alignments.
        for (int shift = 0; shift < 3; shift++) {
            String padded = "x".repeat(shift) + ":" + secret;
            String b64 = Base64.getEncoder().withoutPadding().encodeToString(padded.getBytes(StandardCharsets.UTF_8));
            int skip = (shift + 1 + 2) / 3 * 4;
            if (b64.length() > skip + 8) {
                forms.add(b64.substring(skip, b64.length() - 4));
            }
        }
        return forms;
    }

    private static int lineOf(String log, String form) {
        int at = log.indexOf(form);
        return (int) log.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** A new secret, and the IS4 hash it is stored as, both to be searched for. */
    private static String secret(String what) {
        return known(what, "it-scan-" + KeycloakServer.randomSecret());
    }

    private static String known(String what, String secret) {
        SECRETS.put(what, secret);
        SECRETS.put("the stored hash of " + what, Is4Database.sha256(secret));
        return secret;
    }

    private static String hash(String what, String value) {
        SECRETS.put(what, value);
        return value;
    }
}
