package io.identitybridge.creatioapi.clients;

import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.creatioapi.ApiScopes;
import io.identitybridge.seed.AllowedScopes;
import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a registrar may give a client it registers or updates: never more than it holds itself, and never a flow, scope,
 * URI or lifetime the server keeps from registered clients. Plain values, read once from the registrar, the realm and
 * the settings, so that the request check ({@link RequestCheck}), the defaults ({@link RegistrationDefaults}) and the
 * check of the client's whole state ({@link RegisteredClientRules}) judge by the same rules. Each problem names the
 * property and the rule; shapes and sizes are the seed model's business, this only judges privilege.
 *
 * @param registrarClientId        the registrar's ClientId, named in problems
 * @param heldScopes               the scopes the registrar holds, and openid
 * @param inheritedCustomerId      the registrar's CustomerId, which its clients inherit; null when it has none
 * @param maxLifetime              the longest token lifetime of a registered client, in seconds
 * @param apiScopesAllowed         whether registration may grant Identity Service API scopes
 * @param privateServerUrisAllowed whether a URI that Keycloak calls may name an internal host
 */
record RegistrationRules(String registrarClientId, Set<String> heldScopes, String inheritedCustomerId, int maxLifetime,
                         boolean apiScopesAllowed, boolean privateServerUrisAllowed) {

    static final Set<String> GRANT_TYPES = Set.of("client_credentials", "authorization_code");
    static final String PKCE_PROBLEM = "'RequirePkce' must be true: a registered client uses authorization_code only with PKCE (S256)";
    static final String BROWSER_PROBLEM = "'AllowAccessTokensViaBrowser' must be false: a registered client never receives access tokens via the browser";

    RegistrationRules {
        heldScopes = Set.copyOf(heldScopes);
    }

    static RegistrationRules of(ClientModel registrar, RealmModel realm, IdentityBridgeSettings settings) {
        Set<String> held = new HashSet<>(AllowedScopes.of(registrar));
        held.add("openid");
        String customerId = registrar.getAttribute(ClientFields.ATTR_CUSTOMER_ID);
        int cap = settings.registrationMaxTokenLifetime() > 0 ? settings.registrationMaxTokenLifetime() : realm.getAccessTokenLifespan();
        return new RegistrationRules(registrar.getClientId(), held, customerId == null || customerId.isEmpty() ? null : customerId,
                cap, settings.registrationAllowsApiScopes(), settings.registrationAllowsPrivateServerUris());
    }

    /** Why a registered client may not hold this scope, or null. */
    String scopeProblem(String scope) {
        if (ApiScopes.ALL.contains(scope) && !apiScopesAllowed) {
            return "'AllowedScopes' names '" + scope + "', an Identity Service API scope, which registration never grants"
                    + " (server option " + IdentityBridgeSettings.cliName(IdentityBridgeSettings.OPT_REGISTRATION_ALLOW_API_SCOPES) + ")";
        }
        return heldScopes.contains(scope) ? null : "'AllowedScopes' names '" + ApiError.echo(scope) + "', which the registrar '"
                + registrarClientId + "' does not hold itself; a registrar grants no more than it holds";
    }

    String lifetimeProblem(String name, long seconds) {
        return seconds > maxLifetime ? "'" + name + "' is " + seconds + " s; a registered client's token lifetime is at most "
                + maxLifetime + " s" : null;
    }

    /** A registrar's CustomerId is its clients' too; a registrar without one leaves theirs free. */
    String customerIdProblem(String customerId) {
        return inheritedCustomerId == null || inheritedCustomerId.equals(customerId) ? null
                : "'CustomerId' must be the registrar's own CustomerId, which a registered client inherits";
    }

    /** Why {@code grant} is refused for registered clients, or null. */
    static String grantProblem(String grant) {
        return GRANT_TYPES.contains(grantName(grant)) ? null : "'AllowedGrantTypes' may hold only client_credentials and"
                + " authorization_code (with PKCE); '" + ApiError.echo(grant) + "' is refused for registered clients";
    }

    /** A grant type as the rules compare it: trimmed, lower case. */
    static String grantName(String grant) {
        return grant.strip().toLowerCase(Locale.ROOT);
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
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.equals("[::1]") || lower.matches("127(\\.\\d{1,3}){3}");
    }
}
