package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.creatioapi.CallContext;
import io.identitybridge.seed.SeedInputException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Creatio repeats AddClient (an error cancels its save, and a save may be retried), and only a secret hash is kept: so
 * Creatio's body from the client's registrar updates it and gives it a new secret, shown once. Which client and body
 * qualify is {@link ClientRegistry}'s business; a refused update changes nothing, the secret included.
 */
final class RepeatedAddClient {

    /** What a repeated AddClient keeps as registered: the flows, and the switches Creatio's body always sends. */
    private static final Set<String> KEPT_AS_REGISTERED = Stream.concat(ClientWrites.FLOWS.stream(),
            Stream.of("requirepkce", "allowofflineaccess")).collect(Collectors.toUnmodifiableSet());

    private RepeatedAddClient() {
    }

    /** The update the repeated registration request makes, as a new body: all of it but what registration sets once. */
    static ObjectNode update(ObjectNode request) {
        ObjectNode update = request.deepCopy();
        request.fieldNames().forEachRemaining(name -> {
            if (KEPT_AS_REGISTERED.contains(name.toLowerCase(Locale.ROOT))) {
                update.remove(name);
            }
        });
        return update;
    }

    /** Updates the client the caller registered and gives it a new secret; the answer shows the secret once. */
    static Map<String, Object> answer(CallContext ctx, ClientModel client, ObjectNode request, RegisteredClientRules rules) {
        ClientWrites writes = ClientWrites.of(ctx);
        List<String> changed;
        String secret;
        try {
            changed = writes.update(client, update(request), rules);
            secret = writes.rotateSecret(client);
        } catch (SeedInputException e) {
            throw ClientRegistry.invalid(e.problems());
        }
        ctx.audit().client(OperationType.UPDATE, client);
        ctx.audit().secretRotated(client);
        Map<String, Object> out = new LinkedHashMap<>(ClientInfo.details(client));
        out.put("changed", changed);
        out.put("clientSecret", secret);
        out.put("secret", secret);
        return out;
    }
}
