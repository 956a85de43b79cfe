package io.identitybridge.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.jsonbody.JsonKeys;
import io.identitybridge.vocabulary.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        List<DesiredScope> scopes = readScopes(parsed, problems);
        ClientSpecReader reader = new ClientSpecReader(secretMinLength);
        List<DesiredClient> clients = new ArrayList<>();
        for (int i = 0; i < parsed.clients().size(); i++) {
            clients.add(reader.read(parsed.clients().get(i), i, problems));
        }
        return new DesiredState(scopes, clients, problems);
    }

    /**
     * {@code Scopes}, then 4.x's {@code ApiScopes} (with the UserClaims of the {@code ApiResources} that hold them) and
     * {@code IdentityResources}, all as client scopes. A standard identity resource is Keycloak's own client scope,
     * left as it is.
     */
    private static List<DesiredScope> readScopes(SeedInput.Parsed parsed, List<Problem> problems) {
        Set<String> defined = new HashSet<>();
        for (List<ObjectNode> section : List.of(parsed.scopes(), parsed.apiScopes())) {
            section.forEach(s -> {
                JsonNode name = JsonKeys.get(s, "Name");
                if (name != null && name.isTextual()) {
                    defined.add(name.asText());
                }
            });
        }
        Map<String, Set<String>> resourceClaims = ApiResourceReader.read(parsed.apiResources(), defined, problems);
        List<DesiredScope> scopes = new ArrayList<>();
        for (int i = 0; i < parsed.scopes().size(); i++) {
            scopes.add(ScopeSpecReader.read(ScopeSpecReader.Model.SCOPE, parsed.scopes().get(i), i, problems,
                    claimsOf(parsed.scopes().get(i), resourceClaims)));
        }
        for (int i = 0; i < parsed.apiScopes().size(); i++) {
            scopes.add(ScopeSpecReader.read(ScopeSpecReader.Model.API_SCOPE, parsed.apiScopes().get(i), i, problems,
                    claimsOf(parsed.apiScopes().get(i), resourceClaims)));
        }
        for (int i = 0; i < parsed.identityResources().size(); i++) {
            JsonNode name = JsonKeys.get(parsed.identityResources().get(i), "Name");
            if (name != null && ApiResourceReader.STANDARD_IDENTITY.contains(name.asText())) {
                problems.add(new Problem(Problem.Severity.WARNING, ScopeSpecReader.Model.IDENTITY_RESOURCE.kind, i, name.asText(), "Name",
                        "is served by Keycloak's own client scope of that name, which seeding leaves as it is"));
                continue;
            }
            scopes.add(ScopeSpecReader.read(ScopeSpecReader.Model.IDENTITY_RESOURCE, parsed.identityResources().get(i), i, problems, Set.of()));
        }
        return scopes;
    }

    private static Set<String> claimsOf(ObjectNode scope, Map<String, Set<String>> resourceClaims) {
        JsonNode name = JsonKeys.get(scope, "Name");
        return name == null || !name.isTextual() ? Set.of() : resourceClaims.getOrDefault(name.asText(), Set.of());
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
