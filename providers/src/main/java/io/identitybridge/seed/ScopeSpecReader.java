package io.identitybridge.seed;

import io.identitybridge.jsonbody.JsonKeys;

import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.jsonbody.Problems;
import io.identitybridge.vocabulary.Limits;
import io.identitybridge.vocabulary.Problem;
import io.identitybridge.vocabulary.ReservedClaims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * IdentityServer4 {@code Scope}: Identity scopes put their claims into the id token, Resource scopes into the access
 * token; both show in the token's {@code scope} and, unless hidden, in discovery.
 */
final class ScopeSpecReader {

    static final String CLAIMS = "claims";
    static final String TYPE = "attributes.ib.scope.type";
    /** IS4 resource servers check aud against their API name, which in the IS4 scope model is the scope name. */
    static final String AUDIENCE = "audience";
    static final java.util.Set<String> KEYS = java.util.Set.of("description", "attributes.consent.screen.text",
            "attributes.display.on.consent.screen", "attributes.include.in.token.scope",
            "attributes.include.in.openid.provider.metadata", TYPE, CLAIMS, AUDIENCE);

    private ScopeSpecReader() {
    }

    static DesiredScope read(ObjectNode node, int index, List<Problem> problems) {
        JsonBody in = new JsonBody(node, Problems.collect("scope", index, problems));
        String name = in.identifier("Name", Limits.COLUMN);
        in.owner(name);
        if (name == null || !name.matches("[A-Za-z0-9_.:/\\-]{1,200}")) {
            in.error("Name", name == null ? "is missing" : "must be 1-200 letters, digits or _ . : / -");
        }
        SortedMap<String, String> s = new TreeMap<>();
        s.put("description", nz(in.text("Description", Limits.COLUMN)));
        s.put("attributes.consent.screen.text", nz(in.text("DisplayName", Limits.COLUMN)));
        s.put("attributes.display.on.consent.screen", "true");
        s.put("attributes.include.in.token.scope", "true");
        s.put("attributes.include.in.openid.provider.metadata", String.valueOf(in.bool("ShowInDiscoveryDocument", true)));
        String type = in.text("Type", Limits.COLUMN);
        boolean identity = type != null && type.equalsIgnoreCase("Identity");
        if (type != null && !identity && !type.equalsIgnoreCase("Resource")) {
            in.error("Type", "must be 'Identity' or 'Resource'");
        }
        s.put(TYPE, identity ? "Identity" : "Resource");
        s.put(AUDIENCE, identity || name == null ? "" : name);
        TreeSet<String> claims = new TreeSet<>();
        JsonNode list = in.array("Claims", Limits.MAX_SCOPES);
        for (JsonNode claim : list == null ? List.<JsonNode>of() : list) {
            JsonNode claimName = claim.isTextual() ? claim : JsonKeys.get(claim, "Name");
            if (claimName == null || !claimName.isTextual() || claimName.asText().isBlank()) {
                in.error("Claims", "has a claim without a Name");
            } else if (ReservedClaims.shapeProblem(claimName.asText()) != null) {
                in.error("Claims", "has a claim name that " + ReservedClaims.shapeProblem(claimName.asText()));
            } else if (ReservedClaims.isStructural(claimName.asText())) {
                in.error("Claims", "names '" + claimName.asText() + "', a key of the token's own structure");
            } else {
                claims.add(claimName.asText());
            }
        }
        s.put(CLAIMS, Json.sortedArray(claims));
        if (!in.bool("Enabled", true)) {
            in.error("Enabled", "false is not supported yet: remove the scope from the clients instead");
        }
        for (String flag : List.of("Required", "Emphasize", "IncludeAllClaimsForUser", "AllowUnrestrictedIntrospection")) {
            if (in.bool(flag, false)) {
                in.error(flag, "true is not supported yet");
            }
        }
        for (String unsupported : List.of("ScopeSecrets", "ClaimsRule")) {
            JsonNode v = in.raw(unsupported);
            if (v != null && !v.isNull() && !(v.isArray() && v.isEmpty()) && !(v.isTextual() && v.asText().isEmpty())) {
                in.error(unsupported, "is not supported yet");
            }
        }
        in.rejectUnread("scope property (IdentityServer4 Scope model)");
        return new DesiredScope(index, name, s);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
