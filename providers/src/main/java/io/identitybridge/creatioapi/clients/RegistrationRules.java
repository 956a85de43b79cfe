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

    /** Checks the body, and fills in what the rules decide when it is absent (PKCE, the inherited CustomerId). */
    List<String> apply(ObjectNode body, boolean registering) {
        List<String> problems = new ArrayList<>();
        Set<String> grants = grants(body, problems);
        if (grants.contains("authorization_code")) {
            JsonNode pkce = JsonKeys.get(body, "RequirePkce");
            if (pkce != null && !pkce.isNull() && !pkce.asText().equalsIgnoreCase("true")) {
                problems.add("'RequirePkce' must be true: a registered client uses authorization_code only with PKCE");
            } else if (pkce == null || pkce.isNull()) {
                set(body, "RequirePkce", true);
            }
        }
        if (isTrue(JsonKeys.get(body, "AllowPlainTextPkce"))) {
            problems.add("'AllowPlainTextPkce' must be false: a registered client uses PKCE with S256 only");
        }
        if (isTrue(JsonKeys.get(body, "AllowAccessTokensViaBrowser"))) {
            problems.add("'AllowAccessTokensViaBrowser' must be false: a registered client never receives access tokens via the browser");
        }
        scopes(body, problems);
        for (String list : URI_LISTS) {
            JsonNode v = JsonKeys.get(body, list);
            if (v != null && v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    uri(list + "[" + i + "]", v.get(i), problems);
                }
            }
        }
        for (String name : URI_FIELDS) {
            uri(name, JsonKeys.get(body, name), problems);
        }
        ServerCalledUris.check(body, settings.registrationAllowsPrivateServerUris(), problems);
        int cap = maxLifetime();
        for (String name : LIFETIMES) {
            JsonNode v = JsonKeys.get(body, name);
            if (v != null && (v.isNumber() || v.isTextual()) && v.asLong(0) > cap) {
                problems.add("'" + name + "' is " + v.asLong() + " s; a registered client's token lifetime is at most " + cap + " s");
            } else if (registering && (v == null || v.isNull())) {
                // IS4's defaults (3600 s, 300 s), unless the cap is lower.
                set(body, name, Math.min(cap, name.equals("AccessTokenLifetime") ? 3600 : 300));
            }
        }
        customerId(body, registering, problems);
        return problems;
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

    private void scopes(ObjectNode body, List<String> problems) {
        JsonNode v = JsonKeys.get(body, "AllowedScopes");
        if (v == null || !v.isArray()) {
            return;
        }
        Set<String> held = new HashSet<>(AllowedScopes.of(registrar));
        held.add("openid");
        for (JsonNode s : v) {
            String scope = s.asText();
            if (ApiScopes.ALL.contains(scope) && !settings.registrationAllowsApiScopes()) {
                problems.add("'AllowedScopes' names '" + scope + "', an Identity Service API scope, which registration never grants"
                        + " (server option " + IdentityBridgeSettings.cliName(IdentityBridgeSettings.OPT_REGISTRATION_ALLOW_API_SCOPES) + ")");
            } else if (!held.contains(scope)) {
                problems.add("'AllowedScopes' names '" + ApiError.echo(scope) + "', which the registrar '" + registrar.getClientId()
                        + "' does not hold itself; a registrar grants no more than it holds");
            }
        }
    }

    private void customerId(ObjectNode body, boolean registering, List<String> problems) {
        String inherited = registrar.getAttribute(ClientFields.ATTR_CUSTOMER_ID);
        if (inherited == null || inherited.isEmpty()) {
            return;
        }
        JsonNode given = JsonKeys.get(body, "CustomerId");
        if (given != null && !given.isNull() && !inherited.equals(given.asText())) {
            problems.add("'CustomerId' must be the registrar's own CustomerId, which a registered client inherits");
        } else if (registering && (given == null || given.isNull())) {
            set(body, "CustomerId", inherited);
        }
    }

    /** https anywhere, or http on a loopback host; never user info or a fragment (RFC 6749 §3.1.2). */
    private static void uri(String name, JsonNode v, List<String> problems) {
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(v.asText());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null
                    && (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()));
            if (!ok) {
                problems.add("'" + name + "' must be an absolute https URI, or http on a loopback host, without user info or fragment");
            }
        } catch (URISyntaxException e) {
            problems.add("'" + name + "' is not a URI");
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
    }

    private int maxLifetime() {
        return settings.registrationMaxTokenLifetime() > 0 ? settings.registrationMaxTokenLifetime() : realm.getAccessTokenLifespan();
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
