package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.seed.AllowedScopes;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.GrantTypes;
import io.identitybridge.vocabulary.Problem;
import io.identitybridge.vocabulary.ReservedClaims;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import static io.identitybridge.vocabulary.ClientFields.ATTR;

/**
 * The registration rules judged on a registered client's whole state as a write would leave it (its stored fields
 * with the request's replaced), the same for Clients/register, Clients/update and a repeated AddClient: so no
 * combination of an update with what is stored (PKCE switched off, a prefix dropped under stored claims) escapes a
 * rule that registration keeps. {@link RequestCheck#problems} judges the body first, for messages that point into it.
 */
final class RegisteredClientRules {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Keycloak's switch → the IS4 grant type it means; none of them is open to registered clients. */
    private static final Map<String, String> REFUSED_FLOWS = Map.of("implicitFlowEnabled", GrantTypes.IMPLICIT,
            "directAccessGrantsEnabled", GrantTypes.PASSWORD, ATTR + GrantTypes.DEVICE_ATTRIBUTE, GrantTypes.DEVICE);
    private static final Map<String, String> URIS = Map.of("frontchannel.logout.url", "LogoutUri",
            "backchannel.logout.url", "BackChannelLogoutUri");
    private static final Map<String, String> LIFETIMES = Map.of("access.token.lifespan", "AccessTokenLifetime",
            ClientFields.ATTR_ID_TOKEN_LIFESPAN, "IdentityTokenLifetime");

    private final RegistrationRules rules;

    RegisteredClientRules(RegistrationRules rules) {
        this.rules = rules;
    }

    /** The problems of a registered client's state (Keycloak fields, as seeding reads them); empty when it may be written. */
    List<Problem> check(String clientId, SortedMap<String, String> state) {
        List<String> problems = new ArrayList<>();
        REFUSED_FLOWS.forEach((key, grant) -> {
            if (on(state, key)) {
                problems.add("'AllowedGrantTypes' gives the client '" + grant + "', which is refused for registered clients:"
                        + " they may hold only client_credentials and authorization_code (with PKCE)");
            }
        });
        if (on(state, "standardFlowEnabled") && !"S256".equals(state.get(ATTR + "pkce.code.challenge.method"))) {
            problems.add(RegistrationRules.PKCE_PROBLEM);
        }
        if (on(state, ATTR + ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER)) {
            problems.add(RegistrationRules.BROWSER_PROBLEM);
        }
        boolean offline = on(state, ATTR + "use.refresh.tokens");
        for (String scope : AllowedScopes.of(state)) {
            // offline_access is how AllowOfflineAccess is kept; only named by itself is it a scope to hold.
            add(problems, offline && scope.equals("offline_access") ? null : rules.scopeProblem(scope));
        }
        for (String uri : list(state.get("redirectUris"))) {
            add(problems, uriProblem("RedirectUris", uri));
        }
        for (String uri : String.valueOf(state.get(ATTR + "post.logout.redirect.uris")).split("##")) {
            add(problems, uri.equals("-") || uri.equals("null") ? null : uriProblem("PostLogoutRedirectUris", uri));
        }
        URIS.forEach((key, name) -> add(problems, uriProblem(name, state.get(ATTR + key))));
        String backChannel = state.get(ATTR + "backchannel.logout.url");
        add(problems, ServerCalledUris.problem("BackChannelLogoutUri", backChannel, rules.privateServerUrisAllowed()));
        LIFETIMES.forEach((key, name) -> add(problems, lifetimeProblem(name, state.get(ATTR + key))));
        add(problems, rules.customerIdProblem(state.getOrDefault(ATTR + ClientFields.ATTR_CUSTOMER_ID, "")));
        claims(state, problems);
        return problems.stream().distinct().map(p -> Problem.error(0, clientId, null, p)).toList();
    }

    /** The final claim names (prefix + type) of the client's Claims, against the names read as identity or roles. */
    private static void claims(SortedMap<String, String> state, List<String> problems) {
        // As the mapper reads it: no prefix stored is no prefix.
        String finalPrefix = state.getOrDefault(ATTR + ClientFields.ATTR_CLIENT_CLAIMS_PREFIX, "");
        for (JsonNode pair : tree(state.get(ATTR + ClientFields.ATTR_CLIENT_CLAIMS))) {
            String name = finalPrefix + pair.path(0).asText();
            String why = ReservedClaims.identityProblem(name);
            if (why != null) {
                problems.add("'Claims' gives the claim name '" + shown(name) + "' (Type '" + shown(pair.path(0).asText())
                        + "'), which " + why);
            }
        }
    }

    /** Seeding's reader let claim names through its shape check (at most 128 characters, no control characters). */
    private static String shown(String claimName) {
        return ReservedClaims.shapeProblem(claimName) == null ? claimName : ApiError.echo(claimName);
    }

    /** A stored URI that the request did not give is named by its value, so that the caller can find it. */
    private static String uriProblem(String name, String uri) {
        String problem = RegistrationRules.uriProblem(name, uri);
        return problem == null ? null : problem + " ('" + ApiError.echo(uri) + "')";
    }

    private String lifetimeProblem(String name, String seconds) {
        return seconds == null || !seconds.matches("\\d{1,18}") ? null : rules.lifetimeProblem(name, Long.parseLong(seconds));
    }

    private static List<String> list(String jsonArray) {
        List<String> out = new ArrayList<>();
        tree(jsonArray).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static JsonNode tree(String json) {
        if (json == null || json.isBlank()) {
            return MAPPER.createArrayNode();
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            return node != null && node.isArray() ? node : MAPPER.createArrayNode();
        } catch (IOException e) {
            // Seeding writes these; a hand edit into something else is the console's business, not a caller's.
            return MAPPER.createArrayNode();
        }
    }

    private static boolean on(SortedMap<String, String> state, String key) {
        return "true".equals(state.get(key));
    }

    private static void add(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
