package io.identitybridge.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IdentityServer4 3.x: {@code ApiScopes} are children of {@code ApiResources}; a scope's claims are its
 * {@code ApiScopeClaims} plus its resource's {@code ApiClaims}; {@code ApiSecrets} cannot move.
 */
final class ApiResourcesV3 extends ApiResources {

    ApiResourcesV3(Tables t, List<String> notes) {
        super(t, notes);
    }

    @Override
    void read(ArrayNode scopes) throws SQLException {
        if (!t.exists("ApiResources")) {
            return;
        }
        var apiScopes = t.children("ApiScopes", "ApiResourceId");
        var scopeClaims = t.children("ApiScopeClaims", "ApiScopeId");
        var resourceClaims = t.children("ApiClaims", "ApiResourceId");
        eachResource("ApiSecrets", (r, id) -> {
            List<String> names = new ArrayList<>();
            for (Map<String, Object> row : apiScopes.getOrDefault(id, List.of())) {
                if (Boolean.FALSE.equals(r.get("Enabled"))) {
                    row.put("Enabled", false);
                }
                Set<String> claims = new LinkedHashSet<>(types(scopeClaims.getOrDefault(Tables.key(row.get("Id")), List.of())));
                claims.addAll(types(resourceClaims.getOrDefault(id, List.of())));
                putClaims(scope(scopes, row, "Resource"), claims);
                names.add(String.valueOf(row.get("Name")));
            }
            return names;
        });
    }
}
