package io.identitybridge.seed;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.identitybridge.seed.SeedInputTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every client field round-trips: a desired value, put into the representation a client is created from, read back,
 * plans as unchanged. The same round trip through a stored client is SeedingIT's reseed that plans all unchanged.
 */
class ClientFieldTableTest {

    private final SeedPlanner planner = new SeedPlanner(false);

    @Test
    void everyDeclaredFieldIsListedOnceInAll() throws IllegalAccessException {
        Set<Object> declared = new HashSet<>();
        for (Field constant : ClientFieldTable.class.getDeclaredFields()) {
            if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == ClientField.class) {
                declared.add(constant.get(null));
            }
        }
        assertEquals(declared, new HashSet<>(ClientFieldTable.ALL));
        assertEquals(ClientFieldTable.ALL.size(), ClientFieldTable.ALL.stream().map(ClientField::key).distinct().count());
    }

    @Test
    void theReaderGivesEveryFieldAValue() {
        DesiredState input = DesiredState.parse(new SeedText(fixture("04_is4_model.json"), "test"), 32);
        assertEquals(ClientFieldTable.ALL.stream().map(ClientField::key).toList(),
                List.copyOf(orderedAsTable(input.clients().get(0).state()).keySet()));
    }

    @Test
    void everyFixtureClientIsCreatedThenReadBackUnchanged() {
        for (String name : List.of("00_create.json", "01_update.json", "04_is4_model.json")) {
            DesiredState input = DesiredState.parse(new SeedText(fixture(name), "test"), 32);
            for (DesiredClient client : input.clients()) {
                assertUnchangedAfterCreate(client.clientId(), client.state());
            }
        }
    }

    @Test
    void everyFieldRoundTripsEachValueOfItsType() {
        SortedMap<String, String> base = DesiredState.parse(new SeedText(fixture("04_is4_model.json"), "test"), 32)
                .clients().get(0).state();
        for (ClientField<?> field : ClientFieldTable.ALL) {
            for (String value : samples(field)) {
                SortedMap<String, String> desired = new TreeMap<>(base);
                desired.put(field.key(), value);
                SortedMap<String, String> read = assertUnchangedAfterCreate("round-trip", desired);
                assertEquals(value, read.get(field.key()), field.key());
            }
        }
    }

    @Test
    void aServiceAccountClientIsCreatedWithKeycloaksScopeWhichIsNotCompared() {
        SortedMap<String, String> desired = DesiredState.parse(new SeedText(fixture("04_is4_model.json"), "test"), 32)
                .clients().get(0).state();
        ClientFieldTable.SERVICE_ACCOUNTS.put(desired, true);
        ClientRepresentation rep = ClientStateIO.representation("service", desired);
        assertTrue(rep.getDefaultClientScopes().contains(ClientScopesIO.SERVICE_ACCOUNT_SCOPE));
        assertEquals(desired.get("defaultClientScopes"), ClientStateIO.readCreated(rep).get("defaultClientScopes"));
    }

    private SortedMap<String, String> assertUnchangedAfterCreate(String clientId, SortedMap<String, String> desired) {
        SortedMap<String, String> read = ClientStateIO.readCreated(ClientStateIO.representation(clientId, desired));
        FakeRealm realm = new FakeRealm();
        realm.clients.put(clientId, read);
        SeedReview review = planner.review(DesiredState.of(new DesiredClient(0, clientId, new TreeMap<>(desired), List.of())), realm);
        assertEquals(SeedReview.Action.UNCHANGED, review.clients().get(0).action(),
                clientId + " changes " + review.clients().get(0).fields());
        return read;
    }

    private static List<String> samples(ClientField<?> field) {
        if (field.type() == ClientField.BOOLEAN) {
            return List.of("true", "false");
        }
        if (field.type() == ClientField.SET) {
            return List.of("[]", "[\"a\"]", "[\"a\",\"b\"]");
        }
        return List.of("", "value");
    }

    private static Map<String, String> orderedAsTable(Map<String, String> state) {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        List<String> unknown = new ArrayList<>(state.keySet());
        for (ClientField<?> field : ClientFieldTable.ALL) {
            if (state.containsKey(field.key())) {
                ordered.put(field.key(), state.get(field.key()));
                unknown.remove(field.key());
            }
        }
        unknown.forEach(key -> ordered.put(key, state.get(key)));
        return ordered;
    }
}
