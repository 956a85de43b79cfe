package io.identitybridge.creatioapi.serviceinfo;

import io.identitybridge.BuildInfo;
import io.identitybridge.creatioapi.ApiCall;
import io.identitybridge.creatioapi.ApiScopes;
import io.identitybridge.seed.SeedStatus;
import io.identitybridge.creatioapi.unserved.UnservedCalls;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.common.Version;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.Urls;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /realms/{realm}/ServiceInfo} (scope get_service_info, GET or POST; a POST body is not read): what this
 * service is and serves. Never a secret, a client or a resource.
 */
public class ServiceInfoEndpoint {

    public static final String SCOPE = ApiScopes.GET_SERVICE_INFO;
    /** Every API operation: path under the base URL, and the scope that guards it besides IdentityServerApi. */
    static final List<Map<String, String>> OPERATIONS = List.of(
            op("OwnedResources/register", ApiScopes.REGISTER_OWN_RESOURCE),
            op("OwnedResources/update", ApiScopes.REGISTER_OWN_RESOURCE),
            op("OwnedResources/grant", ApiScopes.REGISTER_OWN_RESOURCE),
            op("OwnedResources/list", ApiScopes.GET_RESOURCE_LIST),
            op("OwnedResources/delete", ApiScopes.REGISTER_OWN_RESOURCE),
            op("Clients/find", ApiScopes.FIND_CLIENTS),
            op("Clients/info", ApiScopes.GET_CLIENT_INFO),
            op("Clients/register", ApiScopes.ADD_REGISTRAR_CLIENT),
            op("Clients/update", ApiScopes.UPDATE_CLIENT),
            op("Clients/deleteScopes", ApiScopes.UPDATE_CLIENT),
            op("Clients/remove", ApiScopes.REMOVE_CLIENT),
            op("Clients/revokeTokens", ApiScopes.REVOKE_CLIENT_TOKENS),
            op("ServiceInfo", ApiScopes.GET_SERVICE_INFO));

    private final KeycloakSession session;

    ServiceInfoEndpoint(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return answer();
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response post() {
        return answer();
    }

    private Response answer() {
        InputStream none = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));
        return ApiCall.run(session, SCOPE, none, (ctx, props) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", "Identity Bridge");
            m.put("version", BuildInfo.version());
            m.put("keycloakVersion", Version.VERSION);
            m.put("builtForKeycloak", BuildInfo.keycloakVersion());
            m.put("realm", ctx.realm().getName());
            m.put("issuer", Urls.realmIssuer(session.getContext().getUri().getBaseUri(), ctx.realm().getName()));
            m.put("supportedScopes", List.copyOf(new TreeSet<>(ApiScopes.ALL)));
            m.put("operations", OPERATIONS);
            m.put("seeding", SeedStatus.last());
            m.put("unservedCalls", UnservedCalls.NODE.snapshot());
            return m;
        });
    }

    private static Map<String, String> op(String path, String scope) {
        return Map.of("path", path, "scope", scope);
    }
}
