package io.identitybridge.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What IdentityServer4 3.x and 4.x share in carrying API resources to seeder scopes: a resource groups scopes and has
 * secrets, both noted where Keycloak differs; a scope row becomes one seeder scope with its claim types.
 */
abstract sealed class ApiResources permits ApiResourcesV3, ApiResourcesV4 {

    final Tables t;
    private final List<String> notes;

    ApiResources(Tables t, List<String> notes) {
        this.t = t;
        this.notes = notes;
    }

    abstract void read(ArrayNode scopes) throws SQLException;

    /**
     * Each row of ApiResources, given with its key to {@code scopesOf}, which returns the names of the resource's scopes;
     * then the notes on its audience and on its secrets (in {@code secretsTable}).
     */
    void eachResource(String secretsTable, BiFunction<Map<String, Object>, Object, List<String>> scopesOf) throws SQLException {
        var secrets = t.children(secretsTable, "ApiResourceId");
        for (Map<String, Object> r : t.rows("ApiResources", "Id")) {
            Object id = Tables.key(r.get("Id"));
            String name = String.valueOf(r.get("Name"));
            audienceNote(name, scopesOf.apply(r, id));
            secretsNote(name, secrets.getOrDefault(id, List.of()).size());
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

    /** The claim types of claim rows (column Type), in their order. */
    static List<String> types(List<Map<String, Object>> claimRows) {
        return claimRows.stream().map(c -> String.valueOf(c.get("Type"))).toList();
    }

    static void putClaims(ObjectNode scope, Collection<String> types) {
        ArrayNode claims = scope.putArray("Claims");
        types.forEach(claims::add);
    }

    private void audienceNote(String resource, List<String> scopes) {
        List<String> other = scopes.stream().filter(s -> !s.equals(resource)).toList();
        if (!other.isEmpty()) {
            notes.add("API resource '" + resource + "': IS4 put aud '" + resource + "' in tokens for scopes " + other
                    + "; Keycloak puts each scope's own name in aud");
        }
        if (scopes.isEmpty()) {
            notes.add("API resource '" + resource + "' has no scopes: nothing to carry");
        }
    }

    private void secretsNote(String resource, int count) {
        if (count > 0) {
            notes.add("API resource '" + resource + "': " + count + " API secret(s) (introspection) cannot move; in Keycloak an API"
                    + " introspects with a client of its own");
        }
    }
}
