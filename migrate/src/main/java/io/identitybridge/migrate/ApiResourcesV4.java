package io.identitybridge.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IdentityServer4 4.x: standalone {@code ApiScopes} become Resource scopes; {@code ApiResources} group them by
 * {@code ApiResourceScopes} and add their {@code ApiResourceClaims} to each of their scopes. The resource name was
 * the token's {@code aud}; the seeder's audience is the scope name, and every difference is reported.
 */
final class ApiResourcesV4 {

    private final Tables t;
    private final List<String> notes;

    ApiResourcesV4(Tables t, List<String> notes) {
        this.t = t;
        this.notes = notes;
    }

    void read(ArrayNode scopes) throws SQLException {
        Map<String, Set<String>> extraClaims = new LinkedHashMap<>();
        if (t.exists("ApiResources")) {
            var resourceScopes = t.children("ApiResourceScopes", "ApiResourceId");
            var resourceClaims = t.children("ApiResourceClaims", "ApiResourceId");
            var resourceSecrets = t.children("ApiResourceSecrets", "ApiResourceId");
            for (Map<String, Object> r : t.rows("ApiResources", "Id")) {
                Object id = Tables.key(r.get("Id"));
                String name = String.valueOf(r.get("Name"));
                List<String> own = new ArrayList<>();
                resourceScopes.getOrDefault(id, List.of()).forEach(s -> own.add(String.valueOf(s.get("Scope"))));
                for (String scope : own) {
                    Set<String> claims = extraClaims.computeIfAbsent(scope, k -> new LinkedHashSet<>());
                    resourceClaims.getOrDefault(id, List.of()).forEach(c -> claims.add(String.valueOf(c.get("Type"))));
                }
                audienceNote(notes, name, own);
                secretsNote(notes, name, resourceSecrets.getOrDefault(id, List.of()).size());
            }
        }
        if (!t.exists("ApiScopes")) {
            return;
        }
        var scopeClaims = t.children("ApiScopeClaims", "ScopeId");
        for (Map<String, Object> row : t.rows("ApiScopes", "Id")) {
            ObjectNode s = scope(scopes, row, "Resource");
            Set<String> claims = new LinkedHashSet<>();
            scopeClaims.getOrDefault(Tables.key(row.get("Id")), List.of()).forEach(c -> claims.add(String.valueOf(c.get("Type"))));
            claims.addAll(extraClaims.getOrDefault(String.valueOf(row.get("Name")), Set.of()));
            ArrayNode cl = s.putArray("Claims");
            claims.forEach(cl::add);
        }
    }

    /** One seeder scope from a row of IdentityResources or ApiScopes (both versions share these columns). */
    static ObjectNode scope(ArrayNode scopes, Map<String, Object> row, String type) {
        ObjectNode s = scopes.addObject();
        s.put("Name", String.valueOf(row.get("Name")));
        s.put("Type", type);
        for (String col : List.of("DisplayName", "Description")) {
            if (row.get(col) != null) {
                s.put(col, String.valueOf(row.get(col)));
            }
        }
        if (row.get("ShowInDiscoveryDocument") != null) {
            s.putPOJO("ShowInDiscoveryDocument", row.get("ShowInDiscoveryDocument"));
        }
        // Passed only when they differ from the seeder's default, so that the seeder names what it cannot hold.
        if (Boolean.FALSE.equals(row.get("Enabled"))) {
            s.put("Enabled", false);
        }
        for (String flag : List.of("Required", "Emphasize")) {
            if (Boolean.TRUE.equals(row.get(flag))) {
                s.put(flag, true);
            }
        }
        return s;
    }

    static void audienceNote(List<String> notes, String resource, List<String> scopes) {
        List<String> other = scopes.stream().filter(s -> !s.equals(resource)).toList();
        if (!other.isEmpty()) {
            notes.add("API resource '" + resource + "': IS4 put aud '" + resource + "' in tokens for scopes " + other
                    + "; Keycloak puts each scope's own name in aud");
        }
        if (scopes.isEmpty()) {
            notes.add("API resource '" + resource + "' has no scopes: nothing to carry");
        }
    }

    static void secretsNote(List<String> notes, String resource, int count) {
        if (count > 0) {
            notes.add("API resource '" + resource + "': " + count + " API secret(s) (introspection) cannot move; in Keycloak an API"
                    + " introspects with a client of its own");
        }
    }
}
