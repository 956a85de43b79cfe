package io.identitybridge.migrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Reads IdentityServer4's configuration tables into the seeder's IdentityServer4 form: one {@code Clients} array of
 * IS4 Client models (secrets as the hashes IS4 stored) and one {@code Scopes} array. Columns the seeder knows go
 * through as they are, so that the seeder decides and reports what Keycloak cannot hold; columns it does not know
 * are reported here by name when they differ from IS4's default, and left out.
 */
final class Is4Reader {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Clients columns passed as they are (IS4 property name = column name). */
    private static final List<String> PASSED = List.of("Enabled", "ProtocolType", "RequireClientSecret", "ClientName", "Description",
            "ClientUri", "LogoUri", "RequireConsent", "AllowRememberConsent", "RequirePkce", "AllowPlainTextPkce",
            "AllowAccessTokensViaBrowser", "FrontChannelLogoutUri", "FrontChannelLogoutSessionRequired", "BackChannelLogoutUri",
            "BackChannelLogoutSessionRequired", "AllowOfflineAccess", "IdentityTokenLifetime", "AccessTokenLifetime",
            "AuthorizationCodeLifetime", "ConsentLifetime", "AbsoluteRefreshTokenLifetime", "SlidingRefreshTokenLifetime",
            "UpdateAccessTokenClaimsOnRefresh", "EnableLocalLogin", "IncludeJwtId", "AlwaysSendClientClaims", "PairWiseSubjectSalt");
    /** Columns with no Keycloak counterpart in the seeder, and IS4's default for each (null: empty). */
    private static final Map<String, Object> NOT_CARRIED = Map.of("AlwaysIncludeUserClaimsInIdToken", false, "RequireRequestObject", false,
            "AllowedIdentityTokenSigningAlgorithms", "", "UserSsoLifetime", "", "UserCodeType", "", "DeviceCodeLifetime", 300);
    /** Bookkeeping columns: nothing to carry. */
    private static final Set<String> IGNORED = Set.of("Id", "ClientId", "Created", "Updated", "LastAccessed", "NonEditable",
            "ClientClaimsPrefix", "RefreshTokenUsage", "RefreshTokenExpiration", "AccessTokenType");
    /** IS4's standard identity resources: Keycloak's own client scopes of these names serve them already. */
    static final Set<String> STANDARD_IDENTITY = Set.of("openid", "profile", "email", "address", "phone");

    record Result(String layout, ArrayNode clients, ArrayNode scopes, List<String> notes, int secrets, int expiredSecrets,
                  long persistedGrants, long deviceCodes) {
    }

    private final Tables t;
    private final List<String> notes = new ArrayList<>();
    private int secrets;
    private int expired;

    Is4Reader(Tables tables) {
        this.t = tables;
    }

    Result read(IntConsumer progress) throws SQLException {
        if (!t.exists("Clients")) {
            throw new IllegalArgumentException("no IdentityServer4 table \"Clients\" in this database" + " (wrong database or --schema?)");
        }
        boolean v4 = t.exists("ApiResourceScopes");
        ArrayNode clients = clients(progress);
        ArrayNode scopes = JSON.createArrayNode();
        identityResources(scopes, v4 ? "IdentityResourceClaims" : "IdentityClaims");
        if (v4) {
            new ApiResourcesV4(t, notes).read(scopes);
        } else {
            new ApiResourcesV3(t, notes).read(scopes);
        }
        return new Result(v4 ? "IdentityServer4 4.x" : "IdentityServer4 3.x", clients, scopes, notes, secrets, expired,
                t.count("PersistedGrants"), t.count("DeviceCodes"));
    }

    private ArrayNode clients(IntConsumer progress) throws SQLException {
        var secretRows = t.children("ClientSecrets", "ClientId");
        var grants = t.children("ClientGrantTypes", "ClientId");
        var redirects = t.children("ClientRedirectUris", "ClientId");
        var postLogout = t.children("ClientPostLogoutRedirectUris", "ClientId");
        var scopes = t.children("ClientScopes", "ClientId");
        var claims = t.children("ClientClaims", "ClientId");
        var cors = t.children("ClientCorsOrigins", "ClientId");
        var props = t.children("ClientProperties", "ClientId");
        var idps = t.children("ClientIdPRestrictions", "ClientId");
        ArrayNode out = JSON.createArrayNode();
        int n = 0;
        for (Map<String, Object> row : t.rows("Clients", "Id")) {
            Object id = Tables.key(row.get("Id"));
            String clientId = String.valueOf(row.get("ClientId"));
            ObjectNode c = out.addObject();
            c.put("ClientId", clientId);
            for (String col : PASSED) {
                if (row.containsKey(col) && row.get(col) != null) {
                    c.putPOJO(col, row.get(col));
                }
            }
            enums(row, c);
            String prefix = (String) row.get("ClientClaimsPrefix");
            if (prefix == null || prefix.isEmpty()) {
                c.put("PrefixClientClaims", false);
            } else {
                c.put("ClientClaimsPrefix", prefix);
            }
            for (Map.Entry<String, Object> col : row.entrySet()) {
                if (NOT_CARRIED.containsKey(col.getKey()) && !isDefault(col.getValue(), NOT_CARRIED.get(col.getKey()))) {
                    notes.add("client '" + clientId + "': " + col.getKey() + " is not carried over (Keycloak has no per-client counterpart)");
                } else if (!PASSED.contains(col.getKey()) && !NOT_CARRIED.containsKey(col.getKey()) && !IGNORED.contains(col.getKey())) {
                    notes.add("client '" + clientId + "': column " + col.getKey() + " is not known to this command and is left out");
                }
            }
            secrets(clientId, secretRows.getOrDefault(id, List.of()), c.putArray("ClientSecrets"));
            strings(grants.get(id), "GrantType", c.putArray("AllowedGrantTypes"));
            strings(redirects.get(id), "RedirectUri", c.putArray("RedirectUris"));
            strings(postLogout.get(id), "PostLogoutRedirectUri", c.putArray("PostLogoutRedirectUris"));
            strings(scopes.get(id), "Scope", c.putArray("AllowedScopes"));
            strings(cors.get(id), "Origin", c.putArray("AllowedCorsOrigins"));
            strings(idps.get(id), "Provider", c.putArray("IdentityProviderRestrictions"));
            ArrayNode cl = c.putArray("Claims");
            for (Map<String, Object> r : claims.getOrDefault(id, List.of())) {
                cl.addObject().put("Type", String.valueOf(r.get("Type"))).put("Value", String.valueOf(r.get("Value")));
            }
            ObjectNode p = c.putObject("Properties");
            for (Map<String, Object> r : props.getOrDefault(id, List.of())) {
                p.put(String.valueOf(r.get("Key")), String.valueOf(r.get("Value")));
            }
            if (++n % 100 == 0) {
                progress.accept(n);
            }
        }
        return out;
    }

    /** IS4 stores enums as numbers; the seeder reads their names. */
    private void enums(Map<String, Object> row, ObjectNode c) {
        if (row.get("RefreshTokenUsage") instanceof Number u) {
            c.put("RefreshTokenUsage", u.intValue() == 0 ? "ReUse" : "OneTimeOnly");
        }
        if (row.get("RefreshTokenExpiration") instanceof Number e) {
            c.put("RefreshTokenExpiration", e.intValue() == 0 ? "Sliding" : "Absolute");
        }
        if (row.get("AccessTokenType") instanceof Number a) {
            c.put("AccessTokenType", a.intValue() == 0 ? "Jwt" : "Reference");
        }
    }

    private void secrets(String clientId, List<Map<String, Object>> rows, ArrayNode out) {
        int i = 0;
        for (Map<String, Object> r : rows) {
            i++;
            String type = r.get("Type") == null ? "SharedSecret" : String.valueOf(r.get("Type"));
            if (!"SharedSecret".equals(type)) {
                notes.add("client '" + clientId + "': secret #" + i + " of type " + type + " cannot move (only SharedSecret); left out");
                continue;
            }
            OffsetDateTime expiration = Tables.utc(r.get("Expiration"));
            if (expiration != null && expiration.isBefore(OffsetDateTime.now())) {
                expired++;
                notes.add("client '" + clientId + "': secret #" + i + " expired on " + expiration.toLocalDate() + " and is dropped");
                continue;
            }
            ObjectNode s = out.addObject();
            s.put("Value", String.valueOf(r.get("Value")));
            s.put("Type", "SharedSecret");
            if (r.get("Description") != null) {
                s.put("Description", String.valueOf(r.get("Description")));
            }
            if (expiration != null) {
                s.put("Expiration", expiration.toString());
            }
            secrets++;
        }
    }

    private void identityResources(ArrayNode scopes, String claimsTable) throws SQLException {
        if (!t.exists("IdentityResources")) {
            return;
        }
        var claims = t.children(claimsTable, "IdentityResourceId");
        for (Map<String, Object> row : t.rows("IdentityResources", "Id")) {
            String name = String.valueOf(row.get("Name"));
            if (STANDARD_IDENTITY.contains(name)) {
                notes.add("identity resource '" + name + "' is served by Keycloak's own client scope of that name");
                continue;
            }
            ApiResources.putClaims(ApiResources.scope(scopes, row, "Identity"),
                    ApiResources.types(claims.getOrDefault(Tables.key(row.get("Id")), List.of())));
        }
    }

    static void strings(List<Map<String, Object>> rows, String column, ArrayNode out) {
        if (rows != null) {
            rows.forEach(r -> out.add(String.valueOf(r.get(column))));
        }
    }

    private static boolean isDefault(Object value, Object dflt) {
        if (value == null) {
            return true;
        }
        if (dflt instanceof Boolean b) {
            return value instanceof Boolean v ? v.equals(b) : value.toString().equals(b ? "1" : "0");
        }
        if (dflt instanceof Integer i) {
            return value instanceof Number v && v.intValue() == i;
        }
        return value.toString().isEmpty();
    }
}
