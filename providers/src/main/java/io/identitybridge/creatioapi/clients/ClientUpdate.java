package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.seed.ClientChange;
import io.identitybridge.seed.DesiredClient;
import io.identitybridge.seed.DesiredState;
import io.identitybridge.seed.SeedInputException;
import io.identitybridge.vocabulary.Problem;
import org.keycloak.models.ClientModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Clients/update body read by seeding's own reader, as the part of a client it gives: a property whose value is JSON
 * null is not given, so the stored value stays and no reader default is ever written.
 *
 * @param partial the client the reader makes of the body; only the given properties' fields count
 * @param given   the IS4 names (lower case) the update gives
 */
record ClientUpdate(DesiredClient partial, Set<String> given) {

    /**
     * Reads the request; throws {@link SeedInputException} when a given property is invalid or not updatable (a flow
     * or a secret). The reader judges a whole client; only findings about what the update gives apply to it.
     */
    static ClientUpdate read(ClientModel client, ObjectNode request, int secretMinLength) {
        StoredClaims.Update update = StoredClaims.joinedTo(client, request, givenNames(request));
        Set<String> given = update.given();
        List<Problem> problems = new ArrayList<>();
        update.body().fieldNames().forEachRemaining(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (given.contains(lower) && (ClientWrites.FLOWS.contains(lower) || ClientWrites.SECRETS.contains(lower))) {
                problems.add(Problem.error(0, client.getClientId(), name,
                        "cannot be changed by Clients/update; remove and register the client again"));
            }
        });
        DesiredClient partial = DesiredState.readClient(update.body(), secretMinLength, problems);
        List<Problem> relevant = problems.stream().filter(Problem::isError)
                .filter(p -> p.field() != null && given.contains(ClientChange.rootOf(p.field()))).toList();
        if (!relevant.isEmpty()) {
            throw new SeedInputException(relevant);
        }
        return new ClientUpdate(partial, given);
    }

    private static Set<String> givenNames(ObjectNode body) {
        Set<String> names = new HashSet<>();
        body.fields().forEachRemaining(property -> {
            if (!property.getValue().isNull()) {
                names.add(property.getKey().toLowerCase(Locale.ROOT));
            }
        });
        return names;
    }
}
