package io.identitybridge.creatioapi.clients;

import io.identitybridge.jsonbody.JsonKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.creatioapi.ApiScopes;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.seed.AllowedScopes;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a registrar may give a client it registers or updates: never more than it holds itself (SPEC §4, "Registration
 * grants no more than the registrar holds"). Each problem names the property and the rule. Shapes and sizes are the
 * seed model's business; this only judges privilege.
 */
final class RegistrationRules {

    private static final Set<String> GRANT_TYPES = Set.of("client_credentials", "authorization_code");
    private static final List<String> URI_LISTS = List.of("RedirectUris", "PostLogoutRedirectUris");
    private static final List<String> URI_FIELDS = List.of("LogoutUri", "FrontChannelLogoutUri", "BackChannelLogoutUri");
    private static final List<String> LIFETIMES = List.of("AccessTokenLifetime", "IdentityTokenLifetime");

    private final ClientModel registrar;
    private final RealmModel realm;
    private final IdentityBridgeSettings settings;

    RegistrationRules(ClientModel registrar, RealmModel realm, IdentityBridgeSettings settings) {
        this.registrar = registrar;
        this.realm = realm;
        this.settings = settings;
    }

    /** What a request body asks for, judged: each problem names the property and the rule. Nothing is changed. */
    List<String> check(ObjectNode body) {
        List<String> problems = new ArrayList<>();
        Set<String> grants = grants(body, problems);
        JsonNode pkce = JsonKeys.get(body, "RequirePkce");
        if (grants.contains("authorization_code") && pkce != null && !pkce.isNull() && !pkce.asText().equalsIgnoreCase("true")) {
            problems.add(PKCE_PROBLEM);
        }
        if (isTrue(JsonKeys.get(body, "AllowPlainTextPkce"))) {
            problems.add("'AllowPlainTextPkce' must be false: a registered client uses PKCE with S256 only");
        }
        if (isTrue(JsonKeys.get(body, "AllowAccessTokensViaBrowser"))) {
            problems.add(BROWSER_PROBLEM);
        }
        JsonNode scopes = JsonKeys.get(body, "AllowedScopes");
        if (scopes != null && scopes.isArray()) {
            scopes.forEach(scope -> add(problems, scopeProblem(scope.asText())));
        }
        for (String list : URI_LISTS) {
            JsonNode v = JsonKeys.get(body, list);
            if (v != null && v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    add(problems, v.get(i).isTextual() ? uriProblem(list + "[" + i + "]", v.get(i).asText()) : null);
                }
            }
        }
        for (String name : URI_FIELDS) {
            JsonNode v = JsonKeys.get(body, name);
            add(problems, v != null && v.isTextual() ? uriProblem(name, v.asText()) : null);
        }
        ServerCalledUris.check(body, settings.registrationAllowsPrivateServerUris(), problems);
        for (String name : LIFETIMES) {
            JsonNode v = JsonKeys.get(body, name);
            if (v != null && (v.isNumber() || v.isTextual())) {
                add(problems, lifetimeProblem(name, v.asLong(0)));
            }
        }
        JsonNode customerId = JsonKeys.get(body, "CustomerId");
        if (customerId != null && !customerId.isNull()) {
            add(problems, customerIdProblem(customerId.asText()));
        }
        return problems;
    }

    /**
     * A registration body completed with what the rules decide when it is silent: PKCE for authorization_code, IS4's
     * token lifetimes (3600 s, 300 s) unless the cap is lower, and the registrar's CustomerId. Returns a new body.
     */
    ObjectNode completed(ObjectNode request) {
        ObjectNode body = request.deepCopy();
        if (grants(body, new ArrayList<>()).contains("authorization_code") && absent(body, "RequirePkce")) {
            set(body, "RequirePkce", true);
        }
        for (String name : LIFETIMES) {
            if (absent(body, name)) {
                set(body, name, Math.min(maxLifetime(), name.equals("AccessTokenLifetime") ? 3600 : 300));
            }
        }
        String inherited = inheritedCustomerId();
        if (inherited != null && absent(body, "CustomerId")) {
            set(body, "CustomerId", inherited);
        }
        return body;
    }

    static final String PKCE_PROBLEM = "'RequirePkce' must be true: a registered client uses authorization_code only with PKCE (S256)";
    static final String BROWSER_PROBLEM = "'AllowAccessTokensViaBrowser' must be false: a registered client never receives access tokens via the browser";

    /** Why a registered client may not hold this scope, or null. */
    String scopeProblem(String scope) {
        if (ApiScopes.ALL.contains(scope) && !settings.registrationAllowsApiScopes()) {
            return "'AllowedScopes' names '" + scope + "', an Identity Service API scope, which registration never grants"
                    + " (server option " + IdentityBridgeSettings.cliName(IdentityBridgeSettings.OPT_REGISTRATION_ALLOW_API_SCOPES) + ")";
        }
        Set<String> held = new HashSet<>(AllowedScopes.of(registrar));
        held.add("openid");
        return held.contains(scope) ? null : "'AllowedScopes' names '" + ApiError.echo(scope) + "', which the registrar '"
                + registrar.getClientId() + "' does not hold itself; a registrar grants no more than it holds";
    }

    String lifetimeProblem(String name, long seconds) {
        int cap = maxLifetime();
        return seconds > cap ? "'" + name + "' is " + seconds + " s; a registered client's token lifetime is at most " + cap + " s" : null;
    }

    /** A registrar's CustomerId is its clients' too; a registrar without one leaves theirs free. */
    String customerIdProblem(String customerId) {
        String inherited = inheritedCustomerId();
        return inherited == null || inherited.equals(customerId) ? null
                : "'CustomerId' must be the registrar's own CustomerId, which a registered client inherits";
    }

    private String inheritedCustomerId() {
        String inherited = registrar.getAttribute(ClientFields.ATTR_CUSTOMER_ID);
        return inherited == null || inherited.isEmpty() ? null : inherited;
    }

    private Set<String> grants(ObjectNode body, List<String> problems) {
        Set<String> grants = new HashSet<>();
        JsonNode v = JsonKeys.get(body, "AllowedGrantTypes");
        if (v != null && v.isArray()) {
            for (JsonNode g : v) {
                String name = g.asText().strip().toLowerCase(Locale.ROOT);
                if (!GRANT_TYPES.contains(name)) {
                    problems.add("'AllowedGrantTypes' may hold only client_credentials and authorization_code (with PKCE); '"
                            + ApiError.echo(g.asText()) + "' is refused for registered clients");
                }
                grants.add(name);
            }
        }
        return grants;
    }

    /** https anywhere, or http on a loopback host; never user info or a fragment (RFC 6749 §3.1.2). Null when fine. */
    static String uriProblem(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null
                    && (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()));
            return ok ? null : "'" + name + "' must be an absolute https URI, or http on a loopback host, without user info or fragment";
        } catch (URISyntaxException e) {
            return "'" + name + "' is not a URI";
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
    }

    boolean allowsPrivateServerUris() {
        return settings.registrationAllowsPrivateServerUris();
    }

    int maxLifetime() {
        return settings.registrationMaxTokenLifetime() > 0 ? settings.registrationMaxTokenLifetime() : realm.getAccessTokenLifespan();
    }

    private static boolean absent(ObjectNode body, String name) {
        JsonNode v = JsonKeys.get(body, name);
        return v == null || v.isNull();
    }

    private static void add(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    private static boolean isTrue(JsonNode v) {
        return v != null && v.asText().equalsIgnoreCase("true");
    }

    /** Sets a property under the spelling the caller used, so that no second, differently cased key appears. */
    private static void set(ObjectNode body, String name, Object value) {
        String key = JsonKeys.keyOr(body, name);
        if (value instanceof Boolean b) {
            body.put(key, b);
        } else if (value instanceof Integer i) {
            body.put(key, i);
        } else {
            body.put(key, String.valueOf(value));
        }
    }
}
