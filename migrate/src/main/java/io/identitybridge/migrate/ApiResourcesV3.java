package io.identitybridge.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
final class ApiResourcesV3 {

    private final Tables t;
    private final List<String> notes;

    ApiResourcesV3(Tables t, List<String> notes) {
        this.t = t;
        this.notes = notes;
    }

    void read(ArrayNode scopes) throws SQLException {
        if (!t.exists("ApiResources")) {
            return;
        }
        var apiScopes = t.children("ApiScopes", "ApiResourceId");
        var scopeClaims = t.children("ApiScopeClaims", "ApiScopeId");
        var resourceClaims = t.children("ApiClaims", "ApiResourceId");
        var secrets = t.children("ApiSecrets", "ApiResourceId");
        for (Map<String, Object> r : t.rows("ApiResources", "Id")) {
            Object id = Tables.key(r.get("Id"));
            String name = String.valueOf(r.get("Name"));
            List<String> names = new ArrayList<>();
            for (Map<String, Object> row : apiScopes.getOrDefault(id, List.of())) {
                if (Boolean.FALSE.equals(r.get("Enabled"))) {
                    row.put("Enabled", false);
                }
                ObjectNode s = ApiResourcesV4.scope(scopes, row, "Resource");
                names.add(String.valueOf(row.get("Name")));
                Set<String> claims = new LinkedHashSet<>();
                scopeClaims.getOrDefault(Tables.key(row.get("Id")), List.of()).forEach(c -> claims.add(String.valueOf(c.get("Type"))));
                resourceClaims.getOrDefault(id, List.of()).forEach(c -> claims.add(String.valueOf(c.get("Type"))));
                ArrayNode cl = s.putArray("Claims");
                claims.forEach(cl::add);
            }
            ApiResourcesV4.audienceNote(notes, name, names);
            ApiResourcesV4.secretsNote(notes, name, secrets.getOrDefault(id, List.of()).size());
        }
    }
}
