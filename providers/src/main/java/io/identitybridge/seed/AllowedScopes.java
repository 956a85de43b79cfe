package io.identitybridge.seed;

import org.keycloak.models.ClientModel;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A client's AllowedScopes as IS4 lists them: its scopes as seeding reads them (no service-account or resource scopes),
 * less the ones seeding gives every client in Keycloak. What Clients/info shows and what a registrar may grant.
 */
public final class AllowedScopes {

    private AllowedScopes() {
    }

    public static List<String> of(ClientModel client) {
        Set<String> scopes = new TreeSet<>(ClientScopesIO.names(client, true));
        scopes.addAll(ClientScopesIO.names(client, false));
        scopes.removeAll(ClientSpecReader.GIVEN_TO_EVERY_CLIENT);
        return List.copyOf(scopes);
    }

    /** The same, of a client's state as seeding reads and writes it (a client about to be written). */
    public static List<String> of(SortedMap<String, String> state) {
        Set<String> scopes = new TreeSet<>(ClientFieldTable.DEFAULT_SCOPES.get(state));
        scopes.addAll(ClientFieldTable.OPTIONAL_SCOPES.get(state));
        scopes.removeAll(ClientSpecReader.GIVEN_TO_EVERY_CLIENT);
        return List.copyOf(scopes);
    }
}
