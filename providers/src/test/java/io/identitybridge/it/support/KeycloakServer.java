package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's one real Keycloak: the stock distribution in dev mode on H2 (or PostgreSQL with {@code -Dib.db=postgres}),
 * our jar in {@code providers/},
 * the realm imported with {@code --import-realm}. Started once, shared by every test class.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "creatio";
    private static final String ADMIN_USER = "it-admin";

    private final KeycloakProcess process;
    private final String adminPassword;
    private final String initialDiscovery;
    private String adminToken;
    private long adminTokenAt;

    private KeycloakServer(KeycloakProcess process, String adminPassword) {
        this.process = process;
        this.adminPassword = adminPassword;
        this.initialDiscovery = Http.get(realmUrl() + "/.well-known/openid-configuration", null).body();
    }

    /** The discovery document as the freshly imported realm served it, before any test added scopes. */
    public String initialDiscovery() {
        return initialDiscovery;
    }

    public static KeycloakServer start() {
        return start(Map.of());
    }

    /** The suite's server, with extra environment (a database, say, for a benchmark). */
    public static KeycloakServer start(Map<String, String> extraEnv) {
        Path home = Path.of(Install.required("ib.keycloak.home"));
        Install.bundleInto(home);
        Map<String, String> env = new HashMap<>(Map.of(
                // The system client of seed 000, seeded at boot as an administrator would configure it.
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", Fixtures.path("seed/00_create.json").toString(),
                // Short, so that the expiry test sees the sweep remove a resource within seconds.
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__RESOURCE_SWEEP_INTERVAL", "5",
                // Small, so that ResourceRulesIT reaches the cap of live resources per owner in a few seconds.
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__MAX_RESOURCES_PER_OWNER", "100",
                // Small too, for ResourceRulesIT and ClientsApiIT: every other test stays well below them.
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__MAX_RESOURCES_PER_GRANTEE", "30",
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__MAX_CLIENTS_PER_REGISTRAR", "30",
                // One owner's share of the 30 above, for ResourceRulesIT.
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__MAX_RESOURCES_PER_OWNER_AND_GRANTEE", "20"));
        if (TestDatabase.suiteOnPostgres()) {
            TestDatabase db = TestDatabase.suite();
            if (db == null) {
                throw new IllegalStateException("-Dib.db=postgres needs eval \"$(scripts/postgres-for-tests.sh)\" first");
            }
            // A fresh schema per run, as H2's dev database is fresh per build.
            db.resetSchema();
            env.putAll(db.keycloakEnv());
        }
        env.putAll(extraEnv);
        return start(home, env, List.of(), Install.workDir().resolve("keycloak-suite.log"));
    }

    /**
     * {@code kc.sh start-dev --import-realm} of an unpacked distribution with the bundle in it ({@link Install#bundleInto}),
     * with a bootstrap administrator of its own and the given environment and extra arguments; ready when it returns.
     */
    public static KeycloakServer start(Path home, Map<String, String> extraEnv, List<String> extraArgs, Path log) {
        String password = randomSecret();
        Map<String, String> env = new HashMap<>(bootstrapAdmin(password));
        env.putAll(extraEnv);
        List<String> args = new java.util.ArrayList<>(List.of("start-dev", "--import-realm"));
        args.addAll(extraArgs);
        KeycloakProcess kc = KeycloakProcess.launch(home, args, env, log);
        try {
            return new KeycloakServer(kc.awaitReady(), password);
        } catch (RuntimeException | Error e) {
            // Never leave a server behind when the suite cannot use it (ready, but the discovery request failed).
            kc.close();
            throw e;
        }
    }

    /**
     * A server of a test's own, launched with {@link #bootstrapAdmin} in its environment; waits until it is ready.
     * Closes it when it never gets there.
     */
    public static KeycloakServer ready(KeycloakProcess launched, String adminPassword) {
        try {
            return new KeycloakServer(launched.awaitReady(), adminPassword);
        } catch (RuntimeException | Error e) {
            launched.close();
            throw e;
        }
    }

    /** The environment that makes a new server's master-realm administrator the one {@link #adminToken} signs in as. */
    public static Map<String, String> bootstrapAdmin(String password) {
        return Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER, "KC_BOOTSTRAP_ADMIN_PASSWORD", password);
    }

    public KeycloakProcess process() {
        return process;
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    /** Health and metrics (the conf file enables both), on the management port. */
    public String managementUrl() {
        return process.managementUrl();
    }

    /** The Identity Service URL after migration: the realm's issuer. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String log() {
        return process.log();
    }

    /** The suite's master-realm administrator, for tests that sign in to the admin console in a browser. */
    public String adminUser() {
        return ADMIN_USER;
    }

    /** Generated per run; a test may type it into the console's login form, never print it. */
    public String adminPassword() {
        return adminPassword;
    }

    /** A master-realm admin token, renewed before Keycloak's default 60 s lifetime runs out. */
    public synchronized String adminToken() {
        if (adminToken == null || System.currentTimeMillis() - adminTokenAt > 45_000) {
            Http.Response r = Http.postForm(baseUrl() + "/realms/master/protocol/openid-connect/token",
                    Http.form("grant_type", "password", "client_id", "admin-cli", "username", ADMIN_USER, "password", adminPassword),
                    null, null);
            if (r.status() != 200) {
                throw new IllegalStateException("admin login failed with " + r.status());
            }
            adminToken = r.json().get("access_token").asText();
            adminTokenAt = System.currentTimeMillis();
        }
        return adminToken;
    }

    public Http.Response admin(String method, String path, Object body) {
        String url = baseUrl() + "/admin" + path;
        return body == null && method.equals("GET") ? Http.get(url, adminToken()) : Http.sendJson(method, url, adminToken(), body == null ? "" : body);
    }

    /**
     * Creates a confidential client that can only use client_credentials, with the given scopes, and returns
     * its generated secret. Scopes that put nothing into the token's {@code scope} are its only defaults.
     */
    public String createServiceClient(String clientId, List<String> optionalScopes) {
        Map<String, Object> rep = Map.of(
                "clientId", clientId,
                "publicClient", false,
                "serviceAccountsEnabled", true,
                "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false,
                "defaultClientScopes", List.of("basic", "acr"),
                "optionalClientScopes", optionalScopes);
        Http.Response created = admin("POST", "/realms/" + REALM + "/clients", rep);
        if (created.status() != 201) {
            throw new IllegalStateException("creating client " + clientId + " answered " + created.status() + ": " + created.body());
        }
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode secret = admin("GET", "/realms/" + REALM + "/clients/" + id + "/client-secret", null).json();
        return secret.get("value").asText();
    }

    /** Creates an enabled user with a password in the creatio realm; returns nothing secret. */
    public void createUser(String username, String password) {
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", username + "@example.test",
                "emailVerified", true, "firstName", "Test", "lastName", "User",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        Http.Response r = admin("POST", "/realms/" + REALM + "/users", user);
        if (r.status() != 201 && r.status() != 409) {
            throw new IllegalStateException("creating user answered " + r.status() + ": " + r.body());
        }
    }

    /** The realm's clients, client scopes and flows as Keycloak exports them, to prove that nothing changed. */
    public String export() {
        Http.Response r = admin("POST", "/realms/" + REALM + "/partial-export?exportClients=true&exportGroupsAndRoles=true", "");
        if (r.status() != 200) {
            throw new IllegalStateException("partial export answered " + r.status());
        }
        // Keycloak lists a client's scopes from a set, in no fixed order: arrays of names are sorted so equal exports compare equal.
        JsonNode json = r.json();
        sortNameArrays(json);
        return json.toString();
    }

    private static void sortNameArrays(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isArray() && !e.getValue().isEmpty() && java.util.stream.StreamSupport.stream(e.getValue().spliterator(), false).allMatch(JsonNode::isTextual)) {
                    com.fasterxml.jackson.databind.node.ArrayNode sorted = object.arrayNode();
                    java.util.stream.StreamSupport.stream(e.getValue().spliterator(), false).map(JsonNode::asText).sorted().forEach(sorted::add);
                    e.setValue(sorted);
                } else {
                    sortNameArrays(e.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(KeycloakServer::sortNameArrays);
        }
    }

    @Override
    public void close() {
        process.close();
    }

    public static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
