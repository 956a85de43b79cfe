package io.identitybridge.clientsapi;

import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.idsapi.ApiError;
import io.identitybridge.idsapi.CallContext;
import io.identitybridge.idsapi.Props;
import io.identitybridge.seed.ClientRegistrar;
import io.identitybridge.seed.Problem;
import io.identitybridge.seed.SeedInputException;
import org.keycloak.models.ClientModel;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Clients/info, register, update and remove: who may touch which client, and the answers. */
final class ClientRegistry {

    private final CallContext ctx;

    ClientRegistry(CallContext ctx) {
        this.ctx = ctx;
    }

    /** The client named by the body's ClientId (the body has nothing else), or 404. */
    ClientModel existing(Props body) {
        ClientModel c = lookup(body.requiredText("ClientId"));
        body.rejectUnread();
        return c;
    }

    Map<String, Object> register(Props body) {
        ClientRegistrar.Registered r;
        try {
            r = ClientRegistrar.register(ctx.session(), ctx.realm(), body.node(), secretMinLength(), ctx.caller().getClientId());
        } catch (SeedInputException e) {
            throw invalid(e.problems());
        }
        if (!r.problems().isEmpty()) {
            throw invalid(r.problems());
        }
        if (r.exists()) {
            throw ApiError.conflict("client '" + r.clientId() + "' exists already");
        }
        Map<String, Object> out = new LinkedHashMap<>(ClientInfo.details(ctx.session().clients().getClientByClientId(ctx.realm(), r.clientId())));
        out.put("clientSecret", r.secret()); // the only time it is shown; Keycloak keeps only its hash
        return out;
    }

    Map<String, Object> update(Props body) {
        ClientModel c = changeable(body.requiredText("ClientId"));
        try {
            List<String> changed = ClientRegistrar.update(ctx.session(), ctx.realm(), c, body.node(), secretMinLength());
            Map<String, Object> out = new LinkedHashMap<>(ClientInfo.details(c));
            out.put("changed", changed);
            return out;
        } catch (SeedInputException e) {
            throw invalid(e.problems());
        }
    }

    int remove(Props body) {
        String clientId = body.requiredText("ClientId");
        body.rejectUnread();
        ClientModel c = changeable(clientId);
        // Keycloak's own removal: service-account user, roles, sessions; our listener removes the resources it owns.
        return new ClientManager(new RealmManager(ctx.session())).removeClient(ctx.realm(), c) ? 1 : 0;
    }

    private ClientModel changeable(String clientId) {
        ClientModel c = lookup(clientId);
        if (ClientRegistrar.isBuiltIn(ctx.realm(), clientId)) {
            throw new ApiError(403, "access_denied", "'" + clientId + "' is one of Keycloak's own clients; the API does not change it");
        }
        if (c.getId().equals(ctx.caller().getId())) {
            throw new ApiError(403, "access_denied", "a client cannot change or remove itself through the API");
        }
        return c;
    }

    private ClientModel lookup(String clientId) {
        ClientModel c = ctx.session().clients().getClientByClientId(ctx.realm(), clientId);
        if (c == null) {
            throw ApiError.notFound("client '" + clientId + "' does not exist in realm '" + ctx.realm().getName() + "'");
        }
        return c;
    }

    private int secretMinLength() {
        return ctx.session().getProvider(IdentityBridgeProvider.class).settings().secretMinLength();
    }

    private static ApiError invalid(List<Problem> problems) {
        return ApiError.badRequest(problems.stream().filter(Problem::isError)
                .map(p -> (p.field() == null ? "" : "'" + p.field() + "' ") + p.message()).collect(Collectors.joining("; ")));
    }
}
