package io.identitybridge.it.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Identity Service database as IdentityServer4's EF Core migrations create it (Npgsql), in a schema of its own in
 * the test database, with rows written the way IS4's stores write them (secrets as base64 SHA-256/512 of the plaintext).
 */
public final class Is4Database {

    private final TestDatabase db;
    public final String schema;
    private final List<String> statements = new ArrayList<>();

    public Is4Database(TestDatabase db, String schema, boolean v4) {
        this.db = db;
        this.schema = schema;
        String clients = Fixtures.text("is4/clients.sql");
        if (v4) {
            clients = clients.replace("/*4.x ", "").replace(" 4.x*/", ""); // the columns 4.x added; in 3.x they stay comments
        }
        String resources = Fixtures.text("is4/resources-" + (v4 ? "4x" : "3x") + ".sql");
        db.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema + "; SET search_path TO " + schema + ";"
                + Fixtures.text("is4/ef-child-table.sql") + clients + resources);
    }

    /** IdentityServer4's defaults for a new Client row (4.x: RequirePkce true; 3.x: false), overridden by {@code values}. */
    public void client(int id, String clientId, boolean v4, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Id", id);
        row.put("Enabled", true);
        row.put("ClientId", clientId);
        row.put("ProtocolType", "oidc");
        row.put("RequireClientSecret", true);
        row.put("RequireConsent", false);
        row.put("AllowRememberConsent", true);
        row.put("AlwaysIncludeUserClaimsInIdToken", false);
        row.put("RequirePkce", v4);
        row.put("AllowPlainTextPkce", false);
        if (v4) {
            row.put("RequireRequestObject", false);
        }
        row.put("AllowAccessTokensViaBrowser", false);
        row.put("FrontChannelLogoutSessionRequired", true);
        row.put("BackChannelLogoutSessionRequired", true);
        row.put("AllowOfflineAccess", false);
        row.put("IdentityTokenLifetime", 300);
        row.put("AccessTokenLifetime", 3600);
        row.put("AuthorizationCodeLifetime", 300);
        row.put("AbsoluteRefreshTokenLifetime", 2592000);
        row.put("SlidingRefreshTokenLifetime", 1296000);
        row.put("RefreshTokenUsage", 1);
        row.put("UpdateAccessTokenClaimsOnRefresh", false);
        row.put("RefreshTokenExpiration", 1);
        row.put("AccessTokenType", 0);
        row.put("EnableLocalLogin", true);
        row.put("IncludeJwtId", v4);
        row.put("AlwaysSendClientClaims", false);
        row.put("ClientClaimsPrefix", "client_");
        row.put("Created", "2021-03-01 10:00:00");
        row.put("DeviceCodeLifetime", 300);
        row.put("NonEditable", false);
        row.putAll(values);
        insert("Clients", row);
    }

    /**
     * A 4.x site of {@code n} clients {@code BulkMigratedClient00001...}, as IS4 stores them: each with the hash of
     * {@link #bulkSecret}, the scope {@code bulk.api}, two claims and two properties; every 5th an authorization_code
     * client with two redirect URIs and a post-logout URI, the others client_credentials; every 40th also an expired
     * second secret.
     */
    public void bulkClients(int n) {
        client(1, "BulkMigratedClient00001", true, Map.of("ClientName", "Bulk migrated client 1",
                "Description", "A client of the bulk migration test, as a site registers many", "ClientUri", "https://bulk.example.test/"));
        insert("ApiScopes", new LinkedHashMap<>(Map.of("Id", 1, "Enabled", true, "Name", "bulk.api", "DisplayName", "The bulk API",
                "Required", false, "Emphasize", false, "ShowInDiscoveryDocument", true)));
        commit();
        String series = " FROM generate_series(1, " + n + ") g";
        sql("INSERT INTO \"Clients\" SELECT g, \"Enabled\", 'BulkMigratedClient' || lpad(g::text, 5, '0'), \"ProtocolType\","
                + " \"RequireClientSecret\", 'Bulk migrated client ' || g, \"Description\", \"ClientUri\", \"LogoUri\", \"RequireConsent\","
                + " \"AllowRememberConsent\", \"AlwaysIncludeUserClaimsInIdToken\", \"RequirePkce\", \"AllowPlainTextPkce\", \"RequireRequestObject\","
                + " \"AllowAccessTokensViaBrowser\", \"FrontChannelLogoutUri\", \"FrontChannelLogoutSessionRequired\", \"BackChannelLogoutUri\","
                + " \"BackChannelLogoutSessionRequired\", \"AllowOfflineAccess\", \"IdentityTokenLifetime\", \"AllowedIdentityTokenSigningAlgorithms\","
                + " \"AccessTokenLifetime\", \"AuthorizationCodeLifetime\", \"ConsentLifetime\", \"AbsoluteRefreshTokenLifetime\","
                + " \"SlidingRefreshTokenLifetime\", \"RefreshTokenUsage\", \"UpdateAccessTokenClaimsOnRefresh\", \"RefreshTokenExpiration\","
                + " \"AccessTokenType\", \"EnableLocalLogin\", \"IncludeJwtId\", \"AlwaysSendClientClaims\", \"ClientClaimsPrefix\","
                + " \"PairWiseSubjectSalt\", \"Created\", \"Updated\", \"LastAccessed\", \"UserSsoLifetime\", \"UserCodeType\","
                + " \"DeviceCodeLifetime\", \"NonEditable\" FROM \"Clients\", generate_series(2, " + n + ") g WHERE \"Id\" = 1;"
                + " INSERT INTO \"ClientSecrets\" (\"ClientId\", \"Value\", \"Type\", \"Created\") SELECT g,"
                + " encode(sha256(convert_to('bulk-it-secret-' || g || '-0123456789abcdefghij', 'UTF8')), 'base64'), 'SharedSecret', now()" + series + ";"
                + " INSERT INTO \"ClientSecrets\" (\"ClientId\", \"Value\", \"Type\", \"Created\", \"Expiration\") SELECT g,"
                + " encode(sha256(convert_to('bulk-it-expired-' || g, 'UTF8')), 'base64'), 'SharedSecret', now(), '2020-01-01'"
                + " FROM generate_series(40, " + n + ", 40) g;"
                + " INSERT INTO \"ClientGrantTypes\" (\"ClientId\", \"GrantType\") SELECT g,"
                + " CASE WHEN g % 5 = 0 THEN 'authorization_code' ELSE 'client_credentials' END" + series + ";"
                + " INSERT INTO \"ClientRedirectUris\" (\"ClientId\", \"RedirectUri\") SELECT g, 'https://app' || g || '.bulk.example.test/' || p"
                + " FROM generate_series(5, " + n + ", 5) g, unnest(ARRAY['signin-oidc', 'signin-oidc-fallback']) p;"
                + " INSERT INTO \"ClientPostLogoutRedirectUris\" (\"ClientId\", \"PostLogoutRedirectUri\") SELECT g,"
                + " 'https://app' || g || '.bulk.example.test/signout-callback-oidc' FROM generate_series(5, " + n + ", 5) g;"
                + " INSERT INTO \"ClientScopes\" (\"ClientId\", \"Scope\") SELECT g, 'bulk.api'" + series + ";"
                + " INSERT INTO \"ClientClaims\" (\"ClientId\", \"Type\", \"Value\") SELECT g, t, t || '-' || (g % 97)"
                + series + ", unnest(ARRAY['tenant', 'region']) t;"
                + " INSERT INTO \"ClientProperties\" (\"ClientId\", \"Key\", \"Value\") SELECT g, 'AllowedQueryParameters', '[\"invitationHash\"]'" + series + ";"
                + " INSERT INTO \"ClientProperties\" (\"ClientId\", \"Key\", \"Value\") SELECT g, 'Owner', 'integration team ' || (g % 50)" + series + ";");
    }

    public static String bulkSecret(int g) {
        return "bulk-it-secret-" + g + "-0123456789abcdefghij";
    }

    public void insert(String table, Map<String, Object> row) {
        StringBuilder cols = new StringBuilder();
        StringBuilder vals = new StringBuilder();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            cols.append(cols.isEmpty() ? "" : ", ").append('"').append(e.getKey()).append('"');
            Object v = e.getValue();
            vals.append(vals.isEmpty() ? "" : ", ").append(v == null ? "NULL" : v instanceof Number || v instanceof Boolean ? v.toString()
                    : "'" + v.toString().replace("'", "''") + "'");
        }
        statements.add("INSERT INTO \"" + table + "\" (" + cols + ") VALUES (" + vals + ");");
    }

    /** A child row of a client: {@code ("ClientRedirectUris", 1, "RedirectUri", "https://...")}. */
    public void child(String table, int clientId, String... columnValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ClientId", clientId);
        for (int i = 0; i < columnValues.length; i += 2) {
            row.put(columnValues[i], columnValues[i + 1]);
        }
        insert(table, row);
    }

    public void secret(int clientId, String hash, String expiration) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ClientId", clientId);
        row.put("Value", hash);
        row.put("Type", "SharedSecret");
        row.put("Expiration", expiration);
        row.put("Created", "2021-03-01 10:00:00");
        insert("ClientSecrets", row);
    }

    public void persistedGrant(String key, String type) {
        insert("PersistedGrants", new LinkedHashMap<>(Map.of("Key", key, "Type", type, "SubjectId", "user-1", "ClientId", "any",
                "CreationTime", "2021-03-01 10:00:00", "Data", "{}")));
    }

    /** Runs what was queued, in one psql call. */
    public void commit() {
        db.sql("SET search_path TO " + schema + "; " + String.join("\n", statements));
        statements.clear();
    }

    public void sql(String statement) {
        db.sql("SET search_path TO " + schema + "; " + statement);
    }

    public static String sha256(String secret) {
        return hash("SHA-256", secret);
    }

    public static String sha512(String secret) {
        return hash("SHA-512", secret);
    }

    private static String hash(String alg, String secret) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(alg).digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
