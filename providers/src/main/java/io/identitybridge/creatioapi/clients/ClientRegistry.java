package io.identitybridge.creatioapi.clients;

import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.BuiltInClients;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.creatioapi.CallContext;
import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.vocabulary.Problem;
import io.identitybridge.seed.SeedInputException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ModelIllegalStateException;
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

    /** The client named by the body's ClientId (the body has nothing else), if the caller may see it; else 403 or 404. */
    ClientModel existing(JsonBody body) {
        String clientId = body.requiredText("ClientId");
        body.rejectUnread();
        ClientModel c = lookup(clientId);
        if (!c.getId().equals(ctx.caller().getId())) {
            owned(c);
        }
        return c;
    }

    Map<String, Object> register(JsonBody body) {
        boolean creatioApp = CreatioAppBody.isCreatioApp(body.node());
        RegistrationRules rules = rules();
        ObjectNode request = RegistrationDefaults.completed(rules, CreatioAppBody.toIs4(body.node()));
        refuse(RequestCheck.problems(rules, request));
        RegistrarCap.lock(ctx);
        // Registration reports its problems in the answer; it never throws them.
        ClientWrites.Registered registered = writes().register(request, new RegisteredClientRules(rules));
        if (!registered.problems().isEmpty()) {
            throw invalid(registered.problems());
        }
        if (registered.exists() && creatioApp) {
            return RepeatedAddClient.answer(ctx, repeatable(registered.clientId()), request, new RegisteredClientRules(rules));
        }
        if (registered.exists()) {
            throw ApiError.conflict("client '" + registered.clientId() + "' exists already");
        }
        RegistrarCap.check(ctx); // a new client: over the cap, the 409 rolls it back
        ClientModel created = ctx.session().clients().getClientByClientId(ctx.realm(), registered.clientId());
        ctx.audit().client(OperationType.CREATE, created);
        Map<String, Object> out = new LinkedHashMap<>(ClientInfo.details(created));
        out.put("clientSecret", registered.secret()); // the only time it is shown; Keycloak keeps only its hash
        out.put("secret", registered.secret()); // the name Creatio's AddClient reads
        return out;
    }

    /** A repeated AddClient may update only a client the caller registered; any other stays a 409, unchanged. */
    private ClientModel repeatable(String clientId) {
        try {
            return changeable(clientId); // the one ownership rule of update and remove
        } catch (ApiError notTheCallers) {
            throw ApiError.conflict("client '" + ApiError.echo(clientId) + "' exists already");
        }
    }

    Map<String, Object> update(JsonBody body) {
        ClientModel c = changeable(body.requiredText("ClientId"));
        ObjectNode request = CreatioAppBody.toIs4(body.node());
        refuse(RequestCheck.problems(rules(), request));
        try {
            List<String> changed = writes().update(c, request, stateRules());
            ctx.audit().client(OperationType.UPDATE, c);
            Map<String, Object> out = new LinkedHashMap<>(ClientInfo.details(c));
            out.put("changed", changed);
            return out;
        } catch (SeedInputException e) {
            throw invalid(e.problems());
        }
    }

    /** A client that does not exist (any more) counts 0: Creatio repeats RemoveClient, and an error would cancel its save. */
    int remove(JsonBody body) {
        String clientId = body.requiredText("ClientId");
        body.rejectUnread();
        if (ctx.session().clients().getClientByClientId(ctx.realm(), clientId) == null) {
            return 0;
        }
        // Keycloak's own removal: service-account user, roles, sessions; our listener removes the resources it owns.
        try {
            ClientModel c = changeable(clientId);
            String id = c.getId();
            String foundClientId = c.getClientId(); // as stored: the request's may differ in case
            if (!new ClientManager(new RealmManager(ctx.session())).removeClient(ctx.realm(), c)) {
                return 0;
            }
            ctx.audit().clientRemoved(id, foundClientId);
            return 1;
        } catch (ModelIllegalStateException | IllegalStateException e) {
            // A concurrent remove of the same client got there first, mid-way through this one: nothing of this call is
            // kept (an ApiError rolls back), and the caller learns the client is gone.
            throw ApiError.notFound("client '" + ApiError.echo(clientId) + "' was removed by a concurrent request");
        }
    }

    /** A client the caller registered, other than itself: the only ones update, remove and revokeTokens may touch. */
    ClientModel changeable(String clientId) {
        ClientModel c = lookup(clientId);
        if (c.getId().equals(ctx.caller().getId())) {
            throw ApiError.accessDenied("a client cannot change or remove itself through the API");
        }
        return owned(c);
    }

    /** Judged on the client found, never on the request's text (a database may match ClientIds case-insensitively). */
    private ClientModel owned(ClientModel c) {
        if (BuiltInClients.isBuiltIn(ctx.realm(), c.getClientId())) {
            throw ApiError.accessDenied("'" + c.getClientId() + "' is one of Keycloak's own clients; the API does not touch it");
        }
        if (!ctx.caller().getId().equals(c.getAttribute(ClientFields.ATTR_REGISTERED_BY_ID))) {
            throw ApiError.accessDenied("client '" + c.getClientId() + "' was not registered by '" + ctx.caller().getClientId()
                    + "'; a client acts only on the clients it registered (seeded and hand-made clients belong to the seed"
                    + " input and the admin console)");
        }
        return c;
    }

    private RegistrationRules rules() {
        return RegistrationRules.of(ctx.caller(), ctx.realm(), settings());
    }

    private RegisteredClientRules stateRules() {
        return new RegisteredClientRules(rules());
    }

    private static void refuse(List<String> problems) {
        if (!problems.isEmpty()) {
            throw ApiError.badRequest(String.join("; ", problems));
        }
    }

    private ClientModel lookup(String clientId) {
        ClientModel c = ctx.session().clients().getClientByClientId(ctx.realm(), clientId);
        if (c == null) {
            throw ApiError.notFound("client '" + ApiError.echo(clientId) + "' does not exist in realm '" + ctx.realm().getName() + "'");
        }
        return c;
    }

    private IdentityBridgeSettings settings() {
        return ctx.session().getProvider(IdentityBridgeProvider.class).settings();
    }

    private ClientWrites writes() {
        return ClientWrites.of(ctx);
    }

    static ApiError invalid(List<Problem> problems) {
        return ApiError.badRequest(problems.stream().filter(Problem::isError)
                .map(p -> (p.field() == null ? "" : "'" + p.field() + "' ") + p.message()).collect(Collectors.joining("; ")));
    }
}
