package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.jsonbody.JsonKeys;
import io.identitybridge.vocabulary.InternalHosts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * URIs the server calls name no internal host: Keycloak itself POSTs to
 * a client's back-channel logout URI, so a registrar could make the server call its own network. Such a URI may not
 * name a loopback, link-local, private, shared or unspecified address, literally or by a local name (the loopback
 * exception of redirect URIs is for the browser). Names are judged as written, never resolved. Only the registrar API
 * is bound; operators (seeding, the seed endpoints, the admin console) are not.
 */
final class ServerCalledUris {

    /** The IS4 properties a registrar can give whose URI Keycloak calls; jwks, sector and admin URLs have none. */
    static final List<String> FIELDS = List.of("BackChannelLogoutUri");

    private ServerCalledUris() {
    }

    /** The problems of the body's URIs that Keycloak calls; empty when there are none. */
    static List<String> problems(JsonNode body, boolean allowInternal) {
        List<String> problems = new ArrayList<>();
        for (String name : FIELDS) {
            JsonNode uri = JsonKeys.get(body, name);
            String problem = uri == null || !uri.isTextual() ? null : problem(name, uri.asText(), allowInternal);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** Why {@code uri}, given as property {@code name}, may not be a URI the server calls; null when it may. */
    static String problem(String name, String uri, boolean allowInternal) {
        String host = allowInternal || uri == null ? null : host(uri);
        String kind = host == null ? null : InternalHosts.kind(host);
        return kind == null ? null : "'" + name + "' names '" + ApiError.echo(host) + "', " + kind + "; Keycloak calls this URI"
                + " itself, so it must not name a loopback, link-local, private or unspecified host (server option "
                + IdentityBridgeSettings.cliName(IdentityBridgeSettings.OPT_REGISTRATION_ALLOW_PRIVATE_SERVER_URIS) + ")";
    }

    /** The host, or null where the URI rule of RegistrationRules already refuses the value. */
    private static String host(String text) {
        try {
            return text.isEmpty() ? null : new URI(text).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
