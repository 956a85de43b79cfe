package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.jsonbody.Problems;
import io.identitybridge.vocabulary.Limits;
import io.identitybridge.vocabulary.Problem;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IdentityServer4 4.x {@code ApiResources}: a resource groups ApiScopes under one audience. Keycloak has no such
 * group: each scope puts its own name in {@code aud}, so a resource only gives its UserClaims to its scopes, and what
 * has no counterpart (the audience when it differs, ApiSecrets, signing algorithms, Properties) is named in a warning.
 */
final class ApiResourceReader {

    static final String KIND = "ApiResources";
    /** IS4 4.x's identity resources that Keycloak serves with its own client scopes of the same names. */
    static final Set<String> STANDARD_IDENTITY = Set.of("openid", "profile", "email", "address", "phone");

    private ApiResourceReader() {
    }

    /** Reads every resource; answers the claims each scope name gets from the resources that hold it. */
    static Map<String, Set<String>> read(List<ObjectNode> resources, Set<String> definedScopes, List<Problem> problems) {
        Map<String, Set<String>> claims = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            JsonBody in = new JsonBody(resources.get(i), Problems.collect(KIND, i, problems));
            String name = in.identifier("Name", Limits.COLUMN);
            in.owner(name);
            if (name == null || name.isBlank()) {
                in.error("Name", "is missing");
            }
            in.text("DisplayName", Limits.COLUMN); // labels of the group, which Keycloak does not have
            in.text("Description", Limits.COLUMN);
            in.bool("ShowInDiscoveryDocument", true);
            if (!in.bool("Enabled", true)) {
                in.error("Enabled", "false is not supported yet: remove the resource's scopes from the clients instead");
            }
            List<String> scopes = in.strings("Scopes", Limits.MAX_SCOPES, Limits.COLUMN);
            List<String> userClaims = new ArrayList<>();
            for (String claim : in.strings("UserClaims", Limits.MAX_SCOPES, Limits.COLUMN)) {
                String problem = ScopeSpecReader.claimProblem(claim);
                if (problem != null) {
                    in.error("UserClaims", problem);
                } else {
                    userClaims.add(claim);
                }
            }
            for (String scope : scopes) {
                claims.computeIfAbsent(scope, k -> new LinkedHashSet<>()).addAll(userClaims);
                if (!userClaims.isEmpty() && !definedScopes.contains(scope)) {
                    in.warning("Scopes", "names '" + scope + "', which the input does not define in ApiScopes or Scopes:"
                            + " the resource's UserClaims do not reach it");
                }
            }
            List<String> others = scopes.stream().filter(s -> !s.equals(name)).toList();
            if (name != null && !others.isEmpty()) {
                in.warning("Name", "was the aud of tokens for the scopes " + others + "; Keycloak puts each scope's own name in aud");
            }
            List<String> unmatched = new ArrayList<>();
            for (String key : List.of("ApiSecrets", "AllowedAccessTokenSigningAlgorithms", "Properties")) {
                if (ScopeSpecReader.given(in.raw(key))) {
                    unmatched.add(in.name(key));
                }
            }
            if (!unmatched.isEmpty()) {
                in.warning(String.join(", ", unmatched), "has no counterpart in Keycloak and is not carried over"
                        + (unmatched.stream().anyMatch(k -> k.equalsIgnoreCase("ApiSecrets"))
                        ? " (an API introspects tokens with a Keycloak client of its own)" : ""));
            }
            in.rejectUnread("ApiResources property (IdentityServer4 4.x ApiResource model)");
        }
        return claims;
    }
}
