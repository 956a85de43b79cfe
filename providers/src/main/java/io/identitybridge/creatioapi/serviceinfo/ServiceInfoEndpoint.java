package io.identitybridge.creatioapi.serviceinfo;

import io.identitybridge.BuildInfo;
import io.identitybridge.creatioapi.ApiCall;
import io.identitybridge.creatioapi.ApiOperationsFactory;
import io.identitybridge.creatioapi.ApiScopes;
import io.identitybridge.seed.SeedStatus;
import io.identitybridge.creatioapi.UnservedCalls;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.common.Version;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.Urls;
import org.keycloak.services.resource.RealmResourceProvider;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
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
        return ApiCall.run(session, ServiceInfoProviderFactory.PROVIDER_ID, SCOPE, none, (ctx, props) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", "Identity Bridge");
            m.put("version", BuildInfo.version());
            m.put("keycloakVersion", Version.VERSION);
            m.put("builtForKeycloak", BuildInfo.keycloakVersion());
            m.put("realm", ctx.realm().getName());
            m.put("issuer", Urls.realmIssuer(session.getContext().getUri().getBaseUri(), ctx.realm().getName()));
            m.put("supportedScopes", List.copyOf(new TreeSet<>(ApiScopes.ALL)));
            m.put("operations", operations(session));
            m.put("seeding", SeedStatus.last());
            m.put("unservedCalls", UnservedCalls.report());
            return m;
        });
    }

    /**
     * Every API operation: its path under the base URL, and the scope that guards it besides IdentityServerApi. Read
     * from the APIs Keycloak has deployed, so that the list cannot miss one.
     */
    static List<Map<String, String>> operations(KeycloakSession session) {
        List<Map<String, String>> out = new ArrayList<>();
        session.getKeycloakSessionFactory().getProviderFactoriesStream(RealmResourceProvider.class)
                .filter(ApiOperationsFactory.class::isInstance).map(ApiOperationsFactory.class::cast)
                .forEach(api -> api.operations().forEach((name, op) -> out.add(op(api.getId() + "/" + name, op.scope()))));
        out.sort(Comparator.comparing(m -> m.get("path")));
        out.add(op(ServiceInfoProviderFactory.PROVIDER_ID, SCOPE));
        return out;
    }

    private static Map<String, String> op(String path, String scope) {
        return Map.of("path", path, "scope", scope);
    }
}
