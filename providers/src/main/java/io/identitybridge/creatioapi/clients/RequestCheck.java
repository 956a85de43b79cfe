package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.jsonbody.JsonKeys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Clients/register or Clients/update body (in the IS4 model) judged by the {@link RegistrationRules}: the problems
 * point into the body, by the names the caller sent. Nothing is changed; an empty list lets the body through.
 */
final class RequestCheck {

    private static final List<String> URI_LISTS = List.of("RedirectUris", "PostLogoutRedirectUris");
    private static final List<String> URI_FIELDS = List.of("LogoutUri", "FrontChannelLogoutUri", "BackChannelLogoutUri");
    static final List<String> LIFETIMES = List.of("AccessTokenLifetime", "IdentityTokenLifetime");

    private RequestCheck() {
    }

    /** What the body asks for that the rules refuse, each naming the property and the rule. */
    static List<String> problems(RegistrationRules rules, ObjectNode body) {
        List<String> problems = new ArrayList<>();
        JsonNode grants = JsonKeys.get(body, "AllowedGrantTypes");
        if (grants != null && grants.isArray()) {
            grants.forEach(grant -> add(problems, RegistrationRules.grantProblem(grant.asText())));
        }
        JsonNode pkce = JsonKeys.get(body, "RequirePkce");
        if (grants(body).contains("authorization_code") && pkce != null && !pkce.isNull() && !pkce.asText().equalsIgnoreCase("true")) {
            problems.add(RegistrationRules.PKCE_PROBLEM);
        }
        if (isTrue(JsonKeys.get(body, "AllowPlainTextPkce"))) {
            problems.add("'AllowPlainTextPkce' must be false: a registered client uses PKCE with S256 only");
        }
        if (isTrue(JsonKeys.get(body, "AllowAccessTokensViaBrowser"))) {
            problems.add(RegistrationRules.BROWSER_PROBLEM);
        }
        JsonNode scopes = JsonKeys.get(body, "AllowedScopes");
        if (scopes != null && scopes.isArray()) {
            scopes.forEach(scope -> add(problems, rules.scopeProblem(scope.asText())));
        }
        for (String list : URI_LISTS) {
            JsonNode uris = JsonKeys.get(body, list);
            for (int i = 0; uris != null && uris.isArray() && i < uris.size(); i++) {
                add(problems, uris.get(i).isTextual() ? RegistrationRules.uriProblem(list + "[" + i + "]", uris.get(i).asText()) : null);
            }
        }
        for (String name : URI_FIELDS) {
            JsonNode uri = JsonKeys.get(body, name);
            add(problems, uri != null && uri.isTextual() ? RegistrationRules.uriProblem(name, uri.asText()) : null);
        }
        problems.addAll(ServerCalledUris.problems(body, rules.privateServerUrisAllowed()));
        for (String name : LIFETIMES) {
            JsonNode seconds = JsonKeys.get(body, name);
            if (seconds != null && (seconds.isNumber() || seconds.isTextual())) {
                add(problems, rules.lifetimeProblem(name, seconds.asLong(0)));
            }
        }
        JsonNode customerId = JsonKeys.get(body, "CustomerId");
        if (customerId != null && !customerId.isNull()) {
            add(problems, rules.customerIdProblem(customerId.asText()));
        }
        return problems;
    }

    /** The grant types the body names, as the rules compare them. */
    static Set<String> grants(ObjectNode body) {
        Set<String> grants = new HashSet<>();
        JsonNode given = JsonKeys.get(body, "AllowedGrantTypes");
        if (given != null && given.isArray()) {
            given.forEach(grant -> grants.add(RegistrationRules.grantName(grant.asText())));
        }
        return grants;
    }

    private static boolean isTrue(JsonNode value) {
        return value != null && value.asText().equalsIgnoreCase("true");
    }

    private static void add(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
