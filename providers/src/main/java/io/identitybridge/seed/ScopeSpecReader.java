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
import java.util.Objects;
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

    /**
     * The models a scope comes in: IdentityServer4's {@code Scopes} (a Type, Claims) and 4.x's {@code ApiScopes} and
     * {@code IdentityResources} (the type is the section, claims are UserClaims). {@code kind} names the section in problems.
     */
    enum Model {
        SCOPE("scope", "scope property (IdentityServer4 Scope model)"),
        API_SCOPE("ApiScopes", "ApiScopes property (IdentityServer4 4.x ApiScope model)"),
        IDENTITY_RESOURCE("IdentityResources", "IdentityResources property (IdentityServer4 4.x IdentityResource model)");

        final String kind;
        final String what;

        Model(String kind, String what) {
            this.kind = kind;
            this.what = what;
        }
    }

    private ScopeSpecReader() {
    }

    static DesiredScope read(ObjectNode node, int index, List<Problem> problems) {
        return read(Model.SCOPE, node, index, problems, List.of());
    }

    /** {@code extraClaims}: the UserClaims of the 4.x ApiResources that hold this scope. */
    static DesiredScope read(Model model, ObjectNode node, int index, List<Problem> problems, java.util.Collection<String> extraClaims) {
        JsonBody in = new JsonBody(node, Problems.collect(model.kind, index, problems));
        String name = in.identifier("Name", Limits.COLUMN);
        in.owner(name);
        if (name == null || !name.matches("[A-Za-z0-9_.:/\\-]{1,200}")) {
            in.error("Name", name == null ? "is missing" : "must be 1-200 letters, digits or _ . : / -");
        }
        SortedMap<String, String> state = new TreeMap<>();
        state.put("description", Objects.requireNonNullElse(in.text("Description", Limits.COLUMN), ""));
        state.put("attributes.consent.screen.text", Objects.requireNonNullElse(in.text("DisplayName", Limits.COLUMN), ""));
        state.put("attributes.display.on.consent.screen", "true");
        state.put("attributes.include.in.token.scope", "true");
        state.put("attributes.include.in.openid.provider.metadata", String.valueOf(in.bool("ShowInDiscoveryDocument", true)));
        String type = model == Model.SCOPE ? in.text("Type", Limits.COLUMN) : null;
        boolean identity = model == Model.IDENTITY_RESOURCE || type != null && type.equalsIgnoreCase("Identity");
        if (type != null && !identity && !type.equalsIgnoreCase("Resource")) {
            in.error("Type", "must be 'Identity' or 'Resource'");
        }
        state.put(TYPE, identity ? "Identity" : "Resource");
        state.put(AUDIENCE, identity || name == null ? "" : name);
        TreeSet<String> claims = new TreeSet<>(extraClaims);
        String claimsKey = model == Model.SCOPE ? "Claims" : "UserClaims";
        JsonNode list = in.array(claimsKey, Limits.MAX_SCOPES);
        for (JsonNode claim : list == null ? List.<JsonNode>of() : list) {
            JsonNode claimName = claim.isTextual() ? claim : JsonKeys.get(claim, "Name");
            String problem = claimName == null || !claimName.isTextual() || claimName.asText().isBlank() ? "has a claim without a Name"
                    : claimProblem(claimName.asText());
            if (problem != null) {
                in.error(claimsKey, problem);
            } else {
                claims.add(claimName.asText());
            }
        }
        state.put(CLAIMS, Json.sortedArray(claims));
        if (!in.bool("Enabled", true)) {
            in.error("Enabled", "false is not supported yet: remove the scope from the clients instead");
        }
        for (String flag : List.of("Required", "Emphasize", "IncludeAllClaimsForUser", "AllowUnrestrictedIntrospection")) {
            if (in.bool(flag, false)) {
                in.error(flag, "true is not supported yet");
            }
        }
        if (model == Model.SCOPE) {
            for (String unsupported : List.of("ScopeSecrets", "ClaimsRule")) {
                if (given(in.raw(unsupported))) {
                    in.error(unsupported, "is not supported yet");
                }
            }
        } else if (given(in.raw("Properties"))) {
            in.warning("Properties", "has no counterpart in a Keycloak client scope and is not carried over");
        }
        in.rejectUnread(model.what);
        return new DesiredScope(model.kind, index, name, state);
    }

    /** Why a claim name cannot be a scope's claim, or null. */
    static String claimProblem(String claim) {
        if (ReservedClaims.shapeProblem(claim) != null) {
            return "has a claim name that " + ReservedClaims.shapeProblem(claim);
        }
        return ReservedClaims.isStructural(claim) ? "names '" + claim + "', a key of the token's own structure" : null;
    }

    /** A value other than null, an empty array, object or string. */
    static boolean given(JsonNode value) {
        return value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty())
                && !(value.isTextual() && value.asText().isEmpty());
    }
}
