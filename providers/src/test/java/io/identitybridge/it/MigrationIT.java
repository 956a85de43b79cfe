package io.identitybridge.it;

import io.identitybridge.it.support.BrowserlessLogin;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.Is4Database;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.MigrateCommand;
import io.identitybridge.it.support.RealKeycloak;
import io.identitybridge.it.support.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Migration end to end on a real PostgreSQL: IdentityServer4 4.x and 3.x databases as IS4's EF migrations create them
 * and IS4 fills them, the migration command run as a jar, its output seeded on the suite server through the seed
 * admin endpoint, and every migrated client then used as its integration would: with its original plaintext secret.
 */
@ExtendWith(RealKeycloak.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationIT {

    static final String SERVICE_4X = "MigratedServiceClient4x";
    static final String WEB_4X = "MigratedWebClient4xApp";
    static final String SERVICE_3X = "MigratedServiceClient3x";
    static final String S1 = "it-only-migrated-sha256-secret-0123456789";
    static final String S2 = "it-only-migrated-sha512-secret-0123456789";
    static final String EXPIRED = "it-only-migrated-expired-secret-012345678";
    static final String S4 = "it-only-migrated-web-secret-0123456789abc";
    static final String S5 = "it-only-migrated-3x-sha512-secret-0123456";
    static final List<String> HASHES = List.of(Is4Database.sha256(S1), Is4Database.sha512(S2), Is4Database.sha256(EXPIRED),
            Is4Database.sha256(S4), Is4Database.sha512(S5));

    private static KeycloakServer kc;
    private static TestDatabase db;
    private static Path work;

    @BeforeAll
    static void init(KeycloakServer server) throws IOException {
        kc = server;
        db = TestDatabase.cluster();
        assumeTrue(db != null, "MigrationIT needs PostgreSQL: eval \"$(scripts/postgres-for-tests.sh)\" sets IB_TEST_PG_URL, IB_TEST_PG_USER"
                + " and IB_TEST_PG_PASSWORD; skipped");
        work = Install.workDir().resolve("migration");
        Install.deleteTree(work);
        Files.createDirectories(work);
        fill4x(new Is4Database(db, "ib_is4_v4", true));
        fill3x(new Is4Database(db, "ib_is4_v3", false));
    }

    /** IS4 4.x: two clients with every client table filled, resources in the 4.x layout, grants that cannot move. */
    private static void fill4x(Is4Database is4) {
        is4.client(1, SERVICE_4X, true, Map.of("AccessTokenLifetime", 1800, "ClientName", "Migrated service (4.x)"));
        is4.secret(1, Is4Database.sha256(S1), null);
        is4.secret(1, Is4Database.sha512(S2), "2099-12-31 00:00:00");
        is4.secret(1, Is4Database.sha256(EXPIRED), "2020-01-01 00:00:00");
        is4.child("ClientGrantTypes", 1, "GrantType", "client_credentials");
        is4.child("ClientScopes", 1, "Scope", "mig4.api.read");
        is4.child("ClientClaims", 1, "Type", "tenant", "Value", "acme");
        is4.child("ClientCorsOrigins", 1, "Origin", "https://cors.migrated.example.test");
        is4.child("ClientProperties", 1, "Key", "AllowedQueryParameters", "Value", "[\"invitationHash\"]");

        is4.client(2, WEB_4X, true, Map.of("ClientName", "Migrated web app (4.x)"));
        is4.secret(2, Is4Database.sha256(S4), null);
        is4.child("ClientGrantTypes", 2, "GrantType", "authorization_code");
        is4.child("ClientRedirectUris", 2, "RedirectUri", "https://web.migrated.example.test/signin-oidc");
        is4.child("ClientPostLogoutRedirectUris", 2, "PostLogoutRedirectUri", "https://web.migrated.example.test/signout-callback-oidc");
        for (String scope : List.of("openid", "profile", "mig4.tenant", "mig4.api.read")) {
            is4.child("ClientScopes", 2, "Scope", scope);
        }
        is4.child("ClientProperties", 2, "Key", "AllowedQueryParameters", "Value", "[\"invitationHash\",\"targetSubject\"]");

        identityResource(is4, 1, "openid", true, false);
        identityResource(is4, 2, "profile", false, true);
        identityResource(is4, 3, "mig4.tenant", false, false);
        is4.insert("IdentityResourceClaims", new java.util.LinkedHashMap<>(Map.of("IdentityResourceId", 3, "Type", "tenant_id")));
        is4.insert("ApiResources", new java.util.LinkedHashMap<>(Map.of("Id", 1, "Enabled", true, "Name", "mig4.api", "DisplayName", "Migrated API",
                "ShowInDiscoveryDocument", true, "Created", "2021-03-01 10:00:00", "NonEditable", false)));
        is4.insert("ApiResourceScopes", new java.util.LinkedHashMap<>(Map.of("ApiResourceId", 1, "Scope", "mig4.api.read")));
        is4.insert("ApiResourceClaims", new java.util.LinkedHashMap<>(Map.of("ApiResourceId", 1, "Type", "role")));
        is4.insert("ApiResourceSecrets", new java.util.LinkedHashMap<>(Map.of("ApiResourceId", 1, "Value", Is4Database.sha256("api-secret-xyz"),
                "Type", "SharedSecret", "Created", "2021-03-01 10:00:00")));
        is4.insert("ApiScopes", new java.util.LinkedHashMap<>(Map.of("Id", 1, "Enabled", true, "Name", "mig4.api.read", "DisplayName", "Read the migrated API",
                "Required", false, "Emphasize", false, "ShowInDiscoveryDocument", true)));
        is4.insert("ApiScopeClaims", new java.util.LinkedHashMap<>(Map.of("ScopeId", 1, "Type", "department")));
        is4.persistedGrant("grant-1", "refresh_token");
        is4.persistedGrant("grant-2", "refresh_token");
        is4.persistedGrant("grant-3", "reference_token");
        is4.commit();
    }

    /** IS4 3.x: one service client without a claims prefix, ApiScopes as children of their ApiResource. */
    private static void fill3x(Is4Database is4) {
        is4.client(1, SERVICE_3X, false, java.util.Collections.singletonMap("ClientClaimsPrefix", null));
        is4.secret(1, Is4Database.sha512(S5), null);
        is4.child("ClientGrantTypes", 1, "GrantType", "client_credentials");
        is4.child("ClientScopes", 1, "Scope", "mig3.api");
        is4.child("ClientClaims", 1, "Type", "region", "Value", "emea");
        is4.insert("ApiResources", new java.util.LinkedHashMap<>(Map.of("Id", 1, "Enabled", true, "Name", "mig3.api",
                "Created", "2020-05-01 10:00:00", "NonEditable", false)));
        is4.insert("ApiScopes", new java.util.LinkedHashMap<>(Map.of("Id", 1, "Name", "mig3.api", "Required", false, "Emphasize", false,
                "ShowInDiscoveryDocument", true, "ApiResourceId", 1)));
        is4.insert("ApiScopeClaims", new java.util.LinkedHashMap<>(Map.of("ApiScopeId", 1, "Type", "role")));
        identityResource(is4, 1, "openid", true, false);
        is4.insert("IdentityClaims", new java.util.LinkedHashMap<>(Map.of("IdentityResourceId", 1, "Type", "sub")));
        is4.persistedGrant("grant-3x", "refresh_token");
        is4.commit();
    }

    private static void identityResource(Is4Database is4, int id, String name, boolean required, boolean emphasize) {
        is4.insert("IdentityResources", new java.util.LinkedHashMap<>(Map.of("Id", id, "Enabled", true, "Name", name, "Required", required,
                "Emphasize", emphasize, "ShowInDiscoveryDocument", true, "Created", "2021-03-01 10:00:00", "NonEditable", false)));
    }

    @Test
    @Order(1)
    void commandReads4xTablesAndWritesOwnerOnlySeedInputWithoutPrintingAHash() throws IOException {
        Path out = work.resolve("clients-4x.json");
        MigrateCommand.Result r = MigrateCommand.run(List.of("--jdbc-url", db.url() + "?currentSchema=ib_is4_v4", "--db-user", db.user(),
                "--out", out.toString()), Map.of("IB_DB_PASSWORD", db.password()));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Summary (IdentityServer4 4.x): 2 clients, 3 secrets moved as their IS4 hashes, 1 expired secrets dropped"), r.output());
        assertTrue(r.output().contains("client '" + SERVICE_4X + "': secret #3 expired on 2020-01-01 and is dropped"), r.output());
        assertTrue(r.output().contains("PersistedGrants: 3 cannot move"), r.output());
        assertTrue(r.output().contains("API resource 'mig4.api': IS4 put aud 'mig4.api' in tokens for scopes [mig4.api.read]"), r.output());
        assertTrue(r.output().contains("API resource 'mig4.api': 1 API secret(s) (introspection) cannot move"), r.output());
        assertTrue(r.output().contains("identity resource 'profile' is served by Keycloak's own client scope"), r.output());
        assertTrue(r.output().contains("KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE=" + out.toAbsolutePath()), r.output());
        assertNoSecretIn(r.output());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        String seed = Files.readString(out);
        assertTrue(seed.contains(Is4Database.sha512(S2)), "the SHA-512 hash should move as IS4 stored it");
        assertFalse(seed.contains(Is4Database.sha256(EXPIRED)), "the expired secret was carried over");
    }

    @Test
    @Order(2)
    void commandReads3xTablesFromAppsettingsAndPrintsTheKeycloakSettings() throws IOException {
        Path appsettings = work.resolve("appsettings.json");
        String host = db.url().substring("jdbc:postgresql://".length(), db.url().lastIndexOf('/'));
        String database = db.url().substring(db.url().lastIndexOf('/') + 1);
        String ado = "Server=" + host.replace(":", ";Port=") + ";Database=" + database + ";User ID=" + db.user()
                + ";password='" + db.password() + "';Timeout=500; CommandTimeout=400;MaxPoolSize=1024;Search Path=ib_is4_v3";
        Files.writeString(appsettings, Http.JSON.writeValueAsString(Map.of("DbProvider", "Postgres",
                "ConnectionStrings", Map.of("PostgresConnection", ado, "RedisConnection", "localhost:6379"),
                "X509CertificatePath", "/app/openssl.pfx", "Logging", Map.of("LogLevel", Map.of("Default", "Information")))));
        Path out = work.resolve("clients-3x.json");
        MigrateCommand.Result r = MigrateCommand.run(List.of("--appsettings", appsettings.toString(), "--out", out.toString()), Map.of());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Summary (IdentityServer4 3.x): 1 clients, 1 secrets moved"), r.output());
        assertTrue(r.output().contains("PersistedGrants: 1 cannot move"), r.output());
        for (String line : List.of("db=postgres", "db-url=jdbc:postgresql://" + host + "/" + database + "?currentSchema=ib_is4_v3",
                "db-username=" + db.user(), "db-password=<the database password>", "log-level=info",
                "spi-identity-bridge--default--signing-certificate-file=/app/openssl.pfx",
                "spi-identity-bridge--default--clients-file=" + out.toAbsolutePath(), "KC_LOG_LEVEL=info", "RedisConnection: not needed")) {
            assertTrue(r.output().lines().anyMatch(l -> l.startsWith(line)), "missing '" + line + "'\n" + r.output());
        }
        assertFalse(r.output().contains(db.password()), "the database password was printed");
        assertNoSecretIn(r.output());
    }

    @Test
    @Order(3)
    void seedingTheOutputOnKeycloakAppliesBothDatabases() throws IOException {
        for (String file : List.of("clients-4x.json", "clients-3x.json")) {
            Http.Response r = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", Files.readString(work.resolve(file)));
            assertEquals(200, r.status(), r.body());
            assertTrue(r.json().get("valid").asBoolean(), r.body());
            assertNoSecretIn(r.body());
        }
    }

    @Test
    @Order(4)
    void everyMigratedClientGetsATokenWithItsOriginalPlaintextSecret() {
        JsonNode t1 = token(SERVICE_4X, S1, "mig4.api.read", 200);
        token(SERVICE_4X, S2, "mig4.api.read", 200);
        token(SERVICE_3X, S5, "mig3.api", 200);
        JsonNode claims = Http.jwtPayload(t1.get("access_token").asText());
        assertEquals(1800, claims.get("exp").asLong() - claims.get("iat").asLong(), "AccessTokenLifetime");
        assertEquals("acme", claims.path("client_tenant").asText(), "client claim with IS4's prefix: " + claims);
        assertTrue(claims.get("aud").toString().contains("mig4.api.read"), "API scope audience: " + claims);
        assertTrue(claims.get("scope").asText().contains("mig4.api.read"));
        JsonNode c3 = Http.jwtPayload(token(SERVICE_3X, S5, "mig3.api", 200).get("access_token").asText());
        assertEquals("emea", c3.path("region").asText(), "3.x client claim without prefix: " + c3);
        assertTrue(c3.get("aud").toString().contains("mig3.api"), "3.x API scope audience: " + c3);
        // The web client's secret is checked at the token endpoint too: right secret, then the grant is what fails.
        Http.Response web = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/token", Http.form("grant_type", "authorization_code",
                "code", "not-a-code", "redirect_uri", "https://web.migrated.example.test/signin-oidc"), WEB_4X, S4);
        assertEquals(400, web.status(), web.body());
        assertEquals("invalid_grant", web.json().get("error").asText());
    }

    @Test
    @Order(5)
    void wrongAndExpiredSecretsAreRefused() {
        token(SERVICE_4X, EXPIRED, "mig4.api.read", 401);
        token(SERVICE_4X, S1 + "x", "mig4.api.read", 401);
        token(SERVICE_3X, S1, "mig3.api", 401);
        Http.Response web = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/token", Http.form("grant_type", "authorization_code",
                "code", "not-a-code"), WEB_4X, S1);
        assertEquals(401, web.status(), web.body());
    }

    /** The command writes --schema into SQL text: anything but an identifier is refused before it connects. */
    @Test
    @Order(6)
    void theSchemaOptionTakesOnlyAnIdentifier() {
        for (String schema : List.of("ib_is4_v4\"; DROP TABLE \"Clients\"; --", "ib_is4_v4; DROP SCHEMA ib_is4_v4 CASCADE")) {
            MigrateCommand.Result r = MigrateCommand.run(List.of("--jdbc-url", db.url(), "--db-user", db.user(), "--schema", schema,
                    "--out", work.resolve("refused.json").toString()), Map.of("IB_DB_PASSWORD", db.password()));
            assertEquals(2, r.exit(), r.output());
            assertTrue(r.output().startsWith("error: --schema must be a plain identifier"), r.output());
        }
        assertEquals("2", db.sql("SELECT count(*) FROM ib_is4_v4.\"Clients\""), "the IS4 tables are untouched");
        assertFalse(Files.exists(work.resolve("refused.json")));
        MigrateCommand.Result ok = MigrateCommand.run(List.of("--jdbc-url", db.url(), "--db-user", db.user(), "--schema", "ib_is4_v4",
                "--out", work.resolve("by-schema.json").toString()), Map.of("IB_DB_PASSWORD", db.password()));
        assertEquals(0, ok.exit(), ok.output());
        assertNoSecretIn(ok.output());
    }

    @Test
    @Order(7)
    void grantTypesRedirectUrisPkceAndScopesBehaveAsInIdentityServer4() {
        // authorization_code only: client_credentials is refused for the web client, and the service client has no browser flow.
        Http.Response cc = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/token", Http.form("grant_type", "client_credentials"), WEB_4X, S4);
        assertEquals(401, cc.status(), cc.body());
        assertEquals("unauthorized_client", cc.json().get("error").asText(), "authenticated, but the grant type is not allowed");
        String auth = kc.realmUrl() + "/protocol/openid-connect/auth?response_type=code&scope=openid%20mig4.tenant&state=s&client_id=";
        String redirect = BrowserlessLogin.enc("https://web.migrated.example.test/signin-oidc");
        assertEquals(400, Http.get(auth + WEB_4X + "&redirect_uri=" + BrowserlessLogin.enc("https://evil.example.test/cb"), null).status());
        // RequirePkce (IS4 4.x default): without a code_challenge the request goes back to the client with an error.
        Http.Response noPkce = Http.get(auth + WEB_4X + "&redirect_uri=" + redirect, null);
        assertEquals(302, noPkce.status());
        String location = noPkce.raw().headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("https://web.migrated.example.test/signin-oidc") && location.contains("error=invalid_request"), location);
        Http.Response withPkce = Http.get(auth + WEB_4X + "&redirect_uri=" + redirect
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCGOzZ-pO0jQK0mD7ZTp8U9s", null);
        assertEquals(200, withPkce.status(), "login page expected");
        // A scope the client was not given is not in its token.
        JsonNode t = token(SERVICE_4X, S1, "mig3.api", 400);
        assertEquals("invalid_scope", t.get("error").asText());
    }

    @Test
    @Order(8)
    void corsOriginsPostLogoutUrisPropertiesAndScopesArrivedInKeycloak() throws Exception {
        // AllowedCorsOrigins: Keycloak answers the allowed origin on the token endpoint.
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(kc.realmUrl() + "/protocol/openid-connect/token"))
                .header("Origin", "https://cors.migrated.example.test").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + SERVICE_4X + "&client_secret=" + S1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("https://cors.migrated.example.test", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        // Post-logout URI: Keycloak's logout accepts it for this client and refuses another.
        String logout = kc.realmUrl() + "/protocol/openid-connect/logout?client_id=" + WEB_4X + "&post_logout_redirect_uri=";
        Http.Response goodLogout = Http.get(logout + BrowserlessLogin.enc("https://web.migrated.example.test/signout-callback-oidc"), null);
        assertEquals(302, goodLogout.status(), goodLogout.body());
        assertTrue(goodLogout.raw().headers().firstValue("Location").orElse("").startsWith("https://web.migrated.example.test/signout-callback-oidc"));
        Http.Response badLogout = Http.get(logout + BrowserlessLogin.enc("https://evil.example.test/bye"), null);
        assertEquals(400, badLogout.status());
        // Properties.AllowedQueryParameters, as the authorize-request rules read it.
        JsonNode web = kc.admin("GET", "/realms/creatio/clients?clientId=" + WEB_4X, null).json().get(0);
        assertEquals("[\"invitationHash\",\"targetSubject\"]", web.get("attributes").get("ib.allowed.query.parameters").asText());
        // Identity and API scopes: in discovery, and the custom identity resource carries its claim mapper.
        JsonNode discovery = Http.get(kc.realmUrl() + "/.well-known/openid-configuration", null).json();
        Set<String> supported = new java.util.HashSet<>();
        discovery.get("scopes_supported").forEach(s -> supported.add(s.asText()));
        assertTrue(supported.containsAll(Set.of("mig4.tenant", "mig4.api.read", "mig3.api")), supported.toString());
        JsonNode scopes = kc.admin("GET", "/realms/creatio/client-scopes", null).json();
        for (JsonNode s : scopes) {
            if (s.get("name").asText().equals("mig4.api.read")) {
                String mappers = s.path("protocolMappers").toString();
                assertTrue(mappers.contains("claim department") && mappers.contains("claim role"), "API scope + API resource claims: " + mappers);
            }
        }
    }

    private static JsonNode token(String clientId, String secret, String scope, int expected) {
        Http.Response r = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/token",
                Http.form("grant_type", "client_credentials", "scope", scope), clientId, secret);
        assertEquals(expected, r.status(), clientId + ": " + r.body());
        return r.json();
    }

    static void assertNoSecretIn(String text) {
        for (String hash : HASHES) {
            assertFalse(text.contains(hash), "a secret hash was printed");
        }
        for (String plain : List.of(S1, S2, EXPIRED, S4, S5)) {
            assertFalse(text.contains(plain), "a secret was printed");
        }
    }
}
