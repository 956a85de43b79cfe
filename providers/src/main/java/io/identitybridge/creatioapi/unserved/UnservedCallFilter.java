package io.identitybridge.creatioapi.unserved;

import io.identitybridge.vocabulary.LogText;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.identitybridge.config.BridgeRealm;
import io.identitybridge.creatioapi.ApiGuard;
import io.identitybridge.creatioapi.UnservedCalls;
import io.identitybridge.metrics.BridgeMetrics;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;
import org.keycloak.utils.KeycloakSessionUtil;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log of what we do not serve, so that a Creatio call the bridge lacks shows in the log rather than only as a 404:
 * a request under the bridge realm's base URL that no endpoint matched, by path or by method, is logged once per
 * method and path at WARN with the JSON body's top-level property names (never a value, header or query string),
 * counted, and answered 404 {@code {"error":"not_found"}}.
 */
@Provider
public class UnservedCallFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(UnservedCallFilter.class);
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_NAMES = 50;
    private static final int MAX_NAME = 64;
    private static final int MAX_PATH = 200;

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            if ((response.getStatus() != 404 && response.getStatus() != 405) || !unmatched(response)) {
                return;
            }
            KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
            String path = "/" + stripLeadingSlashes(request.getUriInfo().getPath());
            if (!BridgeRealm.servesPath(session, path)) {
                return;
            }
            String method = LogText.escape(request.getMethod(), 20);
            String logged = LogText.escape(path, MAX_PATH);
            ClientModel caller = verifiedCaller(session, request);
            UnservedCalls budget = caller != null ? UnservedCalls.NODE : UnservedCalls.WITHOUT_TOKEN;
            BridgeMetrics.unservedCall(request.getMethod(), caller != null);
            if (budget.count(method, logged)) {
                String who = caller != null ? "from client '" + LogText.escape(caller.getClientId(), MAX_NAME) + "' (valid bearer token)"
                        : "without a valid bearer token";
                LOG.warnf("Not served: %s %s with JSON body properties %s, %s. Logged once per method and path; ServiceInfo"
                        + " counts the repeats.", method, logged, names(request), who);
            }
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", "not_found");
            body.put("error_description", "no endpoint serves this method and path");
            response.setStatus(404);
            response.getHeaders().remove("Allow");
            response.setEntity(body, new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        } catch (RuntimeException e) {
            LOG.debugf("unserved-call filter skipped: %s", e.getClass().getName());
        }
    }

    /**
     * The client of a bearer token that Keycloak verifies for the bridge realm, as the API guard checks it; only such
     * callers use the main budget of logged paths. No Authorization header: no lookup at all.
     */
    private static ClientModel verifiedCaller(KeycloakSession session, ContainerRequestContext request) {
        String auth = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        try {
            RealmModel realm = BridgeRealm.find(session);
            return realm == null ? null : ApiGuard.bearerClient(session, realm);
        } catch (RuntimeException e) {
            return null; // a token the authenticator chokes on is no valid token; the 404 answer stays
        }
    }

    /** Keycloak's own answer to a request routing could not match, not a 404 an endpoint chose to give. */
    private boolean unmatched(ContainerResponseContext response) {
        if (response.getEntity() instanceof OAuth2ErrorRepresentation e) {
            String error = e.getError();
            return "HTTP 404 Not Found".equals(error) || "HTTP 405 Method Not Allowed".equals(error);
        }
        return resourceInfo == null || resourceInfo.getResourceMethod() == null;
    }

    /** The top-level property names of a JSON object body, read as tokens: values are skipped, never kept. */
    static List<String> names(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.getSubtype().toLowerCase().contains("json")) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (InputStream in = request.getEntityStream()) {
            if (in == null) {
                return names;
            }
            byte[] bytes = in.readNBytes(MAX_BODY);
            try (JsonParser p = new JsonFactory().createParser(bytes)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return List.of("(not a JSON object)");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME && names.size() < MAX_NAMES) {
                    names.add(LogText.escape(p.currentName(), MAX_NAME));
                    p.nextToken();
                    p.skipChildren();
                }
            }
        } catch (Exception e) {
            names.add("(body not readable as JSON)");
        }
        return names;
    }

    private static String stripLeadingSlashes(String p) {
        int i = 0;
        while (i < p.length() && p.charAt(i) == '/') {
            i++;
        }
        return p.substring(i);
    }
}
