package io.identitybridge.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.sql.SQLException;
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
final class ApiResourcesV4 extends ApiResources {

    ApiResourcesV4(Tables t, List<String> notes) {
        super(t, notes);
    }

    @Override
    void read(ArrayNode scopes) throws SQLException {
        Map<String, Set<String>> extraClaims = new LinkedHashMap<>();
        if (t.exists("ApiResources")) {
            var resourceScopes = t.children("ApiResourceScopes", "ApiResourceId");
            var resourceClaims = t.children("ApiResourceClaims", "ApiResourceId");
            eachResource("ApiResourceSecrets", (r, id) -> {
                List<String> own = resourceScopes.getOrDefault(id, List.of()).stream().map(s -> String.valueOf(s.get("Scope"))).toList();
                for (String scope : own) {
                    extraClaims.computeIfAbsent(scope, k -> new LinkedHashSet<>()).addAll(types(resourceClaims.getOrDefault(id, List.of())));
                }
                return own;
            });
        }
        if (!t.exists("ApiScopes")) {
            return;
        }
        var scopeClaims = t.children("ApiScopeClaims", "ScopeId");
        for (Map<String, Object> row : t.rows("ApiScopes", "Id")) {
            Set<String> claims = new LinkedHashSet<>(types(scopeClaims.getOrDefault(Tables.key(row.get("Id")), List.of())));
            claims.addAll(extraClaims.getOrDefault(String.valueOf(row.get("Name")), Set.of()));
            putClaims(scope(scopes, row, "Resource"), claims);
        }
    }
}
