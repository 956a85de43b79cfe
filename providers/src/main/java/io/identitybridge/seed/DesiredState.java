package io.identitybridge.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.vocabulary.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 2 of seeding: the clients and scopes wanted, as flat Keycloak field maps, and every problem found while reading
 * them. Nothing here needs the realm; checking against it is {@link SeedPlanner}'s part.
 */
public record DesiredState(List<DesiredScope> scopes, List<DesiredClient> clients, List<Problem> problems) {

    public DesiredState {
        scopes = List.copyOf(scopes);
        clients = List.copyOf(clients);
        problems = List.copyOf(problems);
    }

    /** Reads a whole seed input; a text that is not readable at all gives a state of problems only. */
    public static DesiredState parse(SeedText text, int secretMinLength) {
        SeedInput.Parsed parsed;
        try {
            parsed = SeedInput.parse(text.text(), text.source());
        } catch (SeedInputException e) {
            return new DesiredState(List.of(), List.of(), e.problems());
        }
        List<Problem> problems = new ArrayList<>();
        List<DesiredScope> scopes = new ArrayList<>();
        for (int i = 0; i < parsed.scopes().size(); i++) {
            scopes.add(ScopeSpecReader.read(parsed.scopes().get(i), i, problems));
        }
        ClientSpecReader reader = new ClientSpecReader(secretMinLength);
        List<DesiredClient> clients = new ArrayList<>();
        for (int i = 0; i < parsed.clients().size(); i++) {
            clients.add(reader.read(parsed.clients().get(i), i, problems));
        }
        return new DesiredState(scopes, clients, problems);
    }

    /**
     * Reads one client in the seed input's IS4 model (a Clients API body), reporting into {@code problems}: the same
     * reader as seeding, so that both can never disagree on what a property means.
     */
    public static DesiredClient readClient(ObjectNode body, int secretMinLength, List<Problem> problems) {
        return new ClientSpecReader(secretMinLength).read(body, 0, problems);
    }

    /** One client and no scopes: what the Clients API and the admin console write. */
    public static DesiredState of(DesiredClient client) {
        return new DesiredState(List.of(), List.of(client), List.of());
    }
}
