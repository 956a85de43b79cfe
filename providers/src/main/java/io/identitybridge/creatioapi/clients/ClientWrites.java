package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.seed.ClientChange;
import io.identitybridge.seed.DesiredClient;
import io.identitybridge.seed.DesiredState;
import io.identitybridge.seed.SeedInputException;
import io.identitybridge.seed.SeedReview;
import io.identitybridge.seed.Seeder;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.Problem;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What Clients/register and Clients/update write: one client in the seed input's IS4 model, read by seeding's own
 * reader and written through seeding's one door, so that the API and seeding never disagree on a property.
 */
final class ClientWrites {

    /** Properties that identify a client or its credentials: set once at registration, never by an update. */
    private static final Set<String> NOT_UPDATABLE = Set.of("clientid", "secrets", "clientsecrets", "requireclientsecret",
            "allowedgranttypes", "protocoltype");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The outcome: problems (nothing written), or the new client's id and its one-time secret. */
    record Registered(List<Problem> problems, boolean exists, String clientId, String secret) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final int secretMinLength;
    private final Seeder seeder;

    ClientWrites(KeycloakSession session, RealmModel realm, int secretMinLength) {
        this.session = session;
        this.realm = realm;
        this.secretMinLength = secretMinLength;
        this.seeder = new Seeder(secretMinLength, false);
    }

    Registered register(ObjectNode body, ClientModel registrar) {
        List<Problem> problems = new ArrayList<>();
        ObjectNode node = body.deepCopy();
        Set<String> given = names(body);
        for (String name : given) {
            if (name.equals("secrets") || name.equals("clientsecrets")) {
                problems.add(Problem.error(0, null, name, "must not be sent: Clients/register generates the secret and returns it once"));
            }
        }
        if (!given.contains("clientid")) {
            node.put("ClientId", UUID.randomUUID().toString());
        }
        if (!given.contains("allowedgranttypes")) {
            node.set("AllowedGrantTypes", JsonNodeFactory.instance.arrayNode().add("client_credentials"));
        }
        String secret = newSecret();
        node.set("Secrets", JsonNodeFactory.instance.arrayNode().add(secret));
        DesiredClient client = DesiredState.readClient(node, secretMinLength, problems);
        client.state().put(ClientFields.ATTR + ClientFields.ATTR_SEEDED, ""); // seeding's prune must never remove it
        client.state().put(ClientFields.ATTR + ClientFields.ATTR_REGISTERED_BY, registrar.getClientId());
        client.state().put(ClientFields.ATTR + ClientFields.ATTR_REGISTERED_BY_ID, registrar.getId());

        SeedReview review = seeder.review(session, realm, new DesiredState(List.of(), List.of(client), problems));
        List<Problem> errors = review.problems().stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            return new Registered(errors, false, null, null);
        }
        SeedReview.Item item = review.clients().get(0);
        if (item.action() != SeedReview.Action.CREATE) {
            return new Registered(List.of(), true, item.name(), null);
        }
        seeder.apply(session, realm, review.plan().orElseThrow());
        return new Registered(List.of(), false, item.name(), secret);
    }

    /**
     * Changes the given properties of an existing client, leaving every other one as it is. Returns the IS4 names of
     * what changed; throws {@link SeedInputException} when a property is invalid or not updatable (nothing written).
     */
    List<String> update(ClientModel client, ObjectNode body) {
        Set<String> given = names(body);
        body = withStoredClaims(client, body, given);
        List<Problem> problems = new ArrayList<>();
        given.stream().filter(NOT_UPDATABLE::contains).filter(n -> !n.equals("clientid")).forEach(n -> problems.add(
                Problem.error(0, client.getClientId(), n, "cannot be changed by Clients/update; remove and register the client again")));
        DesiredClient partial = DesiredState.readClient(body, secretMinLength, problems);
        // The reader judges a whole client; only findings about what this update gives apply to it.
        List<Problem> relevant = problems.stream().filter(Problem::isError)
                .filter(p -> p.field() != null && given.contains(ClientChange.rootOf(p.field()))).toList();
        if (!relevant.isEmpty()) {
            throw new SeedInputException(relevant);
        }
        return write(ClientChange.of(session, realm, client).setGiven(partial, given));
    }

    /**
     * Replaces every secret of a registered client with one new generated secret and returns it (shown once, like at
     * registration). Stored as seeding stores secrets: hashes only.
     */
    String rotateSecret(ClientModel client) {
        String secret = newSecret();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("ClientId", client.getClientId());
        body.set("Secrets", JsonNodeFactory.instance.arrayNode().add(secret));
        String key = ClientFields.ATTR + ClientFields.ATTR_SECRETS;
        String stored = DesiredState.readClient(body, secretMinLength, new ArrayList<>()).state().get(key);
        if (stored == null) {
            throw new IllegalStateException("a generated secret was not readable as a seed secret");
        }
        write(ClientChange.of(session, realm, client).set(key, stored));
        return secret;
    }

    /** Through the door; the IS4 names of what changed, in the order administrators know them. */
    private List<String> write(ClientChange change) {
        SeedReview review = seeder.review(session, realm, change.toState());
        if (!review.valid()) {
            throw new SeedInputException(review.problems().stream().filter(Problem::isError).toList());
        }
        SeedReview.Item item = review.clients().get(0);
        if (item.action() == SeedReview.Action.CREATE) {
            throw new SeedInputException(List.of(Problem.error(0, item.name(), "ClientId", "was removed by a concurrent request")));
        }
        seeder.apply(session, realm, review.plan().orElseThrow());
        return ClientFields.SOURCE.entrySet().stream().filter(e -> item.fields().contains(e.getKey()))
                .map(e -> e.getValue()).distinct().toList();
    }

    private String newSecret() {
        byte[] bytes = new byte[Math.max(48, secretMinLength)];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Claims and their prefix give the final claim names together, so an update of either is judged (and written) with
     * the stored other: a new prefix must not turn a stored claim into a reserved name, nor new claims dodge the check
     * under the default prefix when the client has another one.
     */
    private static ObjectNode withStoredClaims(ClientModel client, ObjectNode body, Set<String> given) {
        if (!given.contains("claims") && !given.contains("prefixclientclaims") && !given.contains("clientclaimsprefix")) {
            return body;
        }
        ObjectNode node = body.deepCopy();
        String prefix = client.getAttribute(ClientFields.ATTR_CLIENT_CLAIMS_PREFIX);
        boolean prefixed = prefix == null || !prefix.isEmpty();
        if (!given.contains("claims")) {
            ArrayNode claims = node.putArray("Claims");
            String stored = client.getAttribute(ClientFields.ATTR_CLIENT_CLAIMS);
            if (stored != null && !stored.isBlank()) {
                try {
                    for (JsonNode pair : MAPPER.readTree(stored)) {
                        claims.addObject().put("Type", pair.path(0).asText()).put("Value", pair.path(1).asText());
                    }
                } catch (JsonProcessingException e) {
                    throw new SeedInputException(List.of(Problem.error(0, client.getClientId(), "Claims",
                            "are stored in a form this version cannot read; send Claims with the update")));
                }
            }
        }
        if (!given.contains("prefixclientclaims")) {
            node.put("PrefixClientClaims", prefixed);
        }
        if (!given.contains("clientclaimsprefix") && prefix != null && !prefix.isEmpty()) {
            node.put("ClientClaimsPrefix", prefix);
        }
        given.addAll(Set.of("claims", "prefixclientclaims", "clientclaimsprefix"));
        return node;
    }

    private static Set<String> names(ObjectNode body) {
        Set<String> names = new HashSet<>();
        body.fieldNames().forEachRemaining(n -> names.add(n.toLowerCase(Locale.ROOT)));
        return names;
    }
}
