package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.creatioapi.CallContext;
import io.identitybridge.seed.ClientChange;
import io.identitybridge.seed.DesiredClient;
import io.identitybridge.seed.DesiredState;
import io.identitybridge.seed.SeedInputException;
import io.identitybridge.seed.SeedPlan;
import io.identitybridge.seed.SeedReview;
import io.identitybridge.seed.Seeder;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.Problem;
import io.identitybridge.vocabulary.SecretHashes;
import org.keycloak.models.ClientModel;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What Clients/register and Clients/update write: one client in the seed input's IS4 model, read by seeding's own
 * reader and written through seeding's one door, so that the API and seeding never disagree on a property.
 */
final class ClientWrites {

    /** A client's flows: set once at registration, never by an update. */
    static final Set<String> FLOWS = Set.of("requireclientsecret", "allowedgranttypes", "protocoltype");
    /** Its secrets: generated at registration, replaced only by a repeated AddClient. */
    static final Set<String> SECRETS = Set.of("secrets", "clientsecrets");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome: problems (nothing written), or the new client's id and its one-time secret. */
    record Registered(List<Problem> problems, boolean exists, String clientId, String secret) {
    }

    private final CallContext ctx;
    private final int secretMinLength;
    private final Seeder seeder;

    static ClientWrites of(CallContext ctx) {
        return new ClientWrites(ctx, ctx.session().getProvider(IdentityBridgeProvider.class).settings().secretMinLength());
    }

    private ClientWrites(CallContext ctx, int secretMinLength) {
        this.ctx = ctx;
        this.secretMinLength = secretMinLength;
        this.seeder = new Seeder(secretMinLength, false);
    }

    /**
     * Registers a client from a completed request ({@link RegistrationDefaults}); the rules judge the client as it
     * would be written, after the reader's defaults, with the registrar's marks.
     */
    Registered register(ObjectNode request, RegisteredClientRules rules) {
        List<Problem> problems = new ArrayList<>();
        for (String name : names(request)) {
            if (SECRETS.contains(name)) {
                problems.add(Problem.error(0, null, name, "must not be sent: Clients/register generates the secret and returns it once"));
            }
        }
        String secret = newSecret();
        ObjectNode withSecret = request.deepCopy();
        withSecret.putArray("Secrets").add(secret);
        DesiredClient client = marked(DesiredState.readClient(withSecret, secretMinLength, problems), ctx.caller());
        if (problems.stream().noneMatch(Problem::isError)) {
            problems.addAll(rules.check(client.clientId(), client.state()));
        }

        SeedReview review = seeder.review(ctx.session(), ctx.realm(), new DesiredState(List.of(), List.of(client), problems));
        SeedPlan plan = review.plan().orElse(null);
        if (plan == null) {
            return new Registered(errors(review), false, null, null);
        }
        SeedReview.Item item = review.clients().get(0);
        if (item.action() != SeedReview.Action.CREATE) {
            return new Registered(List.of(), true, item.name(), null);
        }
        seeder.apply(ctx.session(), ctx.realm(), plan);
        return new Registered(List.of(), false, item.name(), secret);
    }

    /** The client with its registrar's marks, as a new client; seeding's prune never removes a seeded-marked client. */
    private static DesiredClient marked(DesiredClient client, ClientModel registrar) {
        SortedMap<String, String> state = new TreeMap<>(client.state());
        state.put(ClientFields.ATTR + ClientFields.ATTR_SEEDED, "");
        state.put(ClientFields.ATTR + ClientFields.ATTR_REGISTERED_BY, registrar.getClientId());
        state.put(ClientFields.ATTR + ClientFields.ATTR_REGISTERED_BY_ID, registrar.getId());
        return new DesiredClient(client.index(), client.clientId(), state, client.scopes());
    }

    /**
     * Changes the given properties of an existing client, leaving every other one as it is: a property whose value is
     * JSON null is not given. The rules judge the client as the change would leave it. Returns the IS4 names of what
     * changed; throws {@link SeedInputException} when a property is invalid or not updatable, or the client would break
     * a rule (nothing written).
     */
    List<String> update(ClientModel client, ObjectNode request, RegisteredClientRules rules) {
        ClientUpdate update = ClientUpdate.read(client, request, secretMinLength);
        ClientChange change = ClientChange.of(ctx.session(), ctx.realm(), client);
        // Refused is what this write would break. A stored value that a stricter rule would refuse today (a lower
        // lifetime cap, a scope the registrar lost) stays as it is and blocks no unrelated edit: Creatio's UpdateClient
        // cannot send it.
        Set<String> before = rules.check(client.getClientId(), new TreeMap<>(change.state())).stream()
                .map(Problem::message).collect(Collectors.toSet());
        change.setGiven(update.partial(), update.given());
        List<Problem> broken = rules.check(client.getClientId(), change.state()).stream()
                .filter(p -> !before.contains(p.message())).toList();
        if (!broken.isEmpty()) {
            throw new SeedInputException(broken);
        }
        return write(change);
    }

    /**
     * Replaces every secret of a registered client with one new generated secret and returns it (shown once, like at
     * registration). Stored as seeding stores secrets: hashes only.
     */
    String rotateSecret(ClientModel client) {
        String secret = newSecret();
        write(ClientChange.of(ctx.session(), ctx.realm(), client)
                .set(ClientFields.ATTR + ClientFields.ATTR_SECRETS, SecretHashes.storedForm(secret)));
        return secret;
    }

    /** Takes scopes (never resource scopes: those are OwnedResources' links) out of a client's AllowedScopes. */
    void removeScopes(ClientModel client, Collection<String> names) {
        write(ClientChange.of(ctx.session(), ctx.realm(), client).withoutScopes(names));
    }

    /** Through the door; the IS4 names of what changed, in the order administrators know them. */
    private List<String> write(ClientChange change) {
        List<String> fields = seeder.change(ctx.session(), ctx.realm(), change).review().clients().get(0).fields();
        return ClientChange.properties(fields);
    }

    private static List<Problem> errors(SeedReview review) {
        return review.problems().stream().filter(Problem::isError).toList();
    }

    private String newSecret() {
        return newSecret(secretMinLength);
    }

    /**
     * A random secret of at least {@code minLength} and at least 64 characters, and never longer than needed: base64
     * makes 4 characters of 3 bytes, so the longest accepted minimum (1024) still gives a secret the reader accepts.
     */
    static String newSecret(int minLength) {
        byte[] bytes = new byte[(Math.max(64, minLength) * 3 + 3) / 4];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Set<String> names(ObjectNode body) {
        Set<String> names = new HashSet<>();
        body.fieldNames().forEachRemaining(name -> names.add(name.toLowerCase(Locale.ROOT)));
        return names;
    }
}
