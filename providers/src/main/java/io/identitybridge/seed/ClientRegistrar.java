package io.identitybridge.seed;

import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Clients/register and Clients/update of the Identity Service API: one client in the seed input's IS4 model, mapped
 * and validated exactly as seeding does it, so that both paths can never disagree on what a property means.
 */
public final class ClientRegistrar {

    /** Properties that identify a client or its credentials: set once at registration, never by an update. */
    private static final Set<String> NOT_UPDATABLE = Set.of("clientid", "secrets", "clientsecrets", "requireclientsecret",
            "allowedgranttypes", "protocoltype");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome: problems (nothing written), or the new client's id and its one-time secret. */
    public record Registered(List<Problem> problems, boolean exists, String clientId, String secret) {
    }

    private ClientRegistrar() {
    }

    public static Registered register(KeycloakSession session, RealmModel realm, ObjectNode body, int secretMinLength,
                                      ClientModel registrar) {
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
        String secret = newSecret(secretMinLength);
        node.set("Secrets", JsonNodeFactory.instance.arrayNode().add(secret));

        SeedPlan plan = new SeedPlanner(secretMinLength, false)
                .plan(new SeedInput.Parsed(List.of(node), List.of()), new KeycloakRealmView(session, realm));
        problems.addAll(plan.problems().stream().filter(Problem::isError).toList());
        if (!problems.isEmpty()) {
            return new Registered(problems, false, null, null);
        }
        SeedPlan.Item item = plan.clients().get(0);
        if (item.action() != SeedPlan.Action.CREATE) {
            return new Registered(List.of(), true, item.name(), null);
        }
        SortedMap<String, String> desired = new TreeMap<>(item.desired());
        desired.put(ClientFields.ATTR + ClientFields.ATTR_SEEDED, ""); // seeding's prune must never remove it
        desired.put(ClientFields.ATTR + ClientFields.ATTR_REGISTERED_BY, registrar.getClientId());
        desired.put(ClientFields.ATTR + ClientFields.ATTR_REGISTERED_BY_ID, registrar.getId());
        SeedApplier.apply(session, realm, new SeedPlan(realm.getName(), List.of(),
                List.of(new SeedPlan.Item(item.name(), SeedPlan.Action.CREATE, List.of(), List.of(), desired)), List.of()));
        return new Registered(List.of(), false, item.name(), secret);
    }

    /**
     * Changes the given properties of an existing client, leaving every other one as it is. Returns the IS4 names of
     * what changed; throws {@link SeedInputException} when a property is invalid or not updatable (nothing written).
     */
    public static List<String> update(KeycloakSession session, RealmModel realm, ClientModel client, ObjectNode body,
                                      int secretMinLength) {
        Set<String> given = names(body);
        body = withStoredClaims(client, body, given);
        List<Problem> problems = new ArrayList<>();
        given.stream().filter(NOT_UPDATABLE::contains).filter(n -> !n.equals("clientid")).forEach(n -> problems.add(
                Problem.error(0, client.getClientId(), n, "cannot be changed by Clients/update; remove and register the client again")));
        DesiredClient desired = new ClientSpecReader(secretMinLength).read(body, 0, problems);
        KeycloakRealmView view = new KeycloakRealmView(session, realm);
        ClientSpecReader.capSessions(desired.state(), view);
        if (given.contains("allowedscopes")) {
            for (String scope : desired.scopes()) {
                if (!scope.equals("openid") && !view.scopeNames().contains(scope)) {
                    problems.add(Problem.error(0, client.getClientId(), "AllowedScopes", "names '" + scope
                            + "', which is not a scope of realm '" + realm.getName() + "'"));
                }
            }
        }
        // The reader judges a whole client; only findings about what this update gives apply to it.
        List<Problem> relevant = problems.stream().filter(Problem::isError)
                .filter(p -> p.field() != null && given.contains(root(p.field()))).toList();
        if (!relevant.isEmpty()) {
            throw new SeedInputException(relevant);
        }
        SortedMap<String, String> current = view.clientState(client.getClientId());
        SortedMap<String, String> target = new TreeMap<>(current);
        List<String> keys = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : ClientFields.SOURCE.entrySet()) {
            String value = desired.state().get(e.getKey());
            if (value != null && given.contains(root(e.getValue())) && !value.equals(current.get(e.getKey()))) {
                target.put(e.getKey(), value);
                keys.add(e.getKey());
                changed.add(e.getValue());
            }
        }
        if (keys.contains("optionalClientScopes") && !given.contains("allowofflineaccess")
                && ClientStateIO.list(current.get("optionalClientScopes")).contains("offline_access")) {
            List<String> optional = new ArrayList<>(ClientStateIO.list(target.get("optionalClientScopes")));
            optional.add("offline_access");
            target.put("optionalClientScopes", Json.sortedArray(new TreeSet<>(optional)));
        }
        ClientStateIO.write(session, realm, client, target, keys);
        return List.copyOf(changed);
    }

    /**
     * The client's AllowedScopes as IS4 lists them: its scopes as seeding reads them (no service-account or resource
     * scopes), less the ones seeding gives every client in Keycloak.
     */
    public static List<String> allowedScopes(ClientModel client) {
        Set<String> scopes = new TreeSet<>(ClientStateIO.scopeNames(client, true));
        scopes.addAll(ClientStateIO.scopeNames(client, false));
        scopes.removeAll(ClientSpecReader.DEFAULT_SCOPES);
        return List.copyOf(scopes);
    }

    /**
     * Replaces every secret of a registered client with one new generated secret and returns it (shown once, like at
     * registration). Written through the same state writer as {@link #update}, as seeding stores secrets: hashes only.
     */
    public static String rotateSecret(KeycloakSession session, RealmModel realm, ClientModel client, int secretMinLength) {
        String secret = newSecret(secretMinLength);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("ClientId", client.getClientId());
        body.set("Secrets", JsonNodeFactory.instance.arrayNode().add(secret));
        List<Problem> problems = new ArrayList<>();
        DesiredClient desired = new ClientSpecReader(secretMinLength).read(body, 0, problems);
        String key = ClientFields.ATTR + ClientFields.ATTR_SECRETS;
        String stored = desired.state().get(key);
        if (stored == null) {
            throw new IllegalStateException("a generated secret was not readable as a seed secret");
        }
        SortedMap<String, String> target = new TreeMap<>(new KeycloakRealmView(session, realm).clientState(client.getClientId()));
        target.put(key, stored);
        ClientStateIO.write(session, realm, client, target, List.of(key));
        return secret;
    }

    private static String newSecret(int secretMinLength) {
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
                    for (JsonNode pair : Json.MAPPER.readTree(stored)) {
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

    /** "Properties.AllowedQueryParameters" → "properties", "Claims[0].Type" → "claims". */
    static String root(String field) {
        int end = 0;
        while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
            end++;
        }
        return field.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
