package io.identitybridge.seed;

import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.Problem;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.identitybridge.seed.SeedInputTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedPlannerTest {

    private final SeedPlanner planner = new SeedPlanner(false);

    private SeedReview plan(String input, FakeRealm realm) {
        return planner.review(DesiredState.parse(new SeedText(input, "test"), 32), realm);
    }

    private static Set<String> errors(SeedReview plan) {
        return plan.problems().stream().filter(Problem::isError).map(Problem::toString).collect(Collectors.toSet());
    }

    @Test
    void numberedFixturesCreateUpdateThenStayUnchanged() {
        FakeRealm realm = new FakeRealm();
        SeedReview create = plan(fixture("00_create.json"), realm);
        assertTrue(create.valid(), create.problems().toString());
        assertEquals(SeedReview.Action.CREATE, create.clients().get(0).action());
        realm.apply(create);

        SeedReview again = plan(fixture("00_create.json"), realm);
        assertTrue(again.changesNothing());

        SeedReview update = plan(fixture("01_update.json"), realm);
        assertEquals(SeedReview.Action.UPDATE, update.clients().get(0).action());
        assertEquals(Set.of("RedirectUris", "AccessTokenLifetime"), Set.copyOf(update.clients().get(0).changes()));
        assertEquals(List.of("attributes.access.token.lifespan", "redirectUris"), update.clients().get(0).fields());
        assertEquals(SeedReview.Action.CREATE, update.clients().get(1).action());
        realm.apply(update);

        // 02 is 01 again, but as a whole appsettings.json with the escaped Creatio string: both forms map alike.
        SeedReview unchanged = plan(fixture("02_unchanged.json"), realm);
        assertTrue(unchanged.valid(), unchanged.problems().toString());
        assertTrue(unchanged.changesNothing(), unchanged.clients().toString());
    }

    @Test
    void invalidFixtureReportsEveryProblemAtOnce() {
        SeedReview plan = plan(fixture("03_invalid.json"), new FakeRealm());
        assertFalse(plan.valid());
        Set<String> errors = errors(plan);
        for (String expected : List.of(
                "client #0 ClientId is missing",
                "client #1 (CreatioSystemClient01) Secrets[0] is shorter than 32 characters",
                "client #1 (CreatioSystemClient01) AllowedGrantTypes has the unknown grant type 'teleport'",
                "client #1 (CreatioSystemClient01) RedirectUris[0] 'http://localhost:8090/*' contains a wildcard",
                "client #1 (CreatioSystemClient01) RedirectUris[1] 'lib/relative' is not an absolute URI",
                "client #1 (CreatioSystemClient01) AllowedScopes names 'no_such_scope'",
                "client #1 (CreatioSystemClient01) AccessTokenLifetime is -1 s",
                "client #1 (CreatioSystemClient01) IdentityTokenLifetime is 999999999 s",
                "client #1 (CreatioSystemClient01) AccessTokenType 'Reference' is not supported yet",
                "client #2 (CreatioSystemClient01) ClientId is used by an earlier client",
                "client #3 (short) Colour is not a known client property")) {
            assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), "missing: " + expected + "\nin: " + errors);
        }
        assertTrue(plan.problems().stream().anyMatch(p -> !p.isError() && p.toString().contains("(short) ClientId is shorter than the 16")));
    }

    @Test
    void aReviewWithAnErrorNeverBecomesAPlan() {
        SeedReview invalid = plan(fixture("03_invalid.json"), new FakeRealm());
        assertTrue(invalid.plan().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new SeedPlan(invalid));
        SeedReview valid = plan(fixture("00_create.json"), new FakeRealm());
        assertEquals(valid, valid.plan().orElseThrow().review());
    }

    @Test
    void problemsKeepTheInputsOrderWhateverStageFoundThem() {
        // Reading finds the secret, reviewing finds the duplicate and the unknown scope: reported by position.
        String input = "[{\"ClientId\":\"order-client-000001\",\"Secrets\":[\"short\"],\"AllowedGrantTypes\":[\"client_credentials\"],"
                + "\"AllowedScopes\":[\"no_such_scope\"]},{\"ClientId\":\"order-client-000001\",\"Secrets\":[\"short\"],"
                + "\"AllowedGrantTypes\":[\"client_credentials\"]}]";
        List<Integer> positions = plan(input, new FakeRealm()).problems().stream().filter(Problem::isError).map(Problem::index).toList();
        assertEquals(positions.stream().sorted().toList(), positions);
        assertEquals(List.of(0, 1), positions.stream().distinct().toList());
    }

    @Test
    void noSecretEverReachesAProblemOrThePlan() {
        String input = "[{\"ClientId\":\"a-client-with-a-long-id\",\"Secrets\":[\"tiny-secret-value\"],\"AllowedGrantTypes\":[\"client_credentials\"],"
                + "\"ClientSecrets\":[{\"Value\":\"not-a-hash-secret-value\"}]}]";
        SeedReview plan = plan(input, new FakeRealm());
        assertFalse(plan.valid());
        String all = plan.problems().toString() + plan.clients();
        assertFalse(all.contains("tiny-secret-value"), all);
        assertFalse(all.contains("not-a-hash-secret-value"), all);
    }

    @Test
    void fullIdentityServer4ModelAtDefaultsIsAcceptedAndMapped() {
        SeedReview plan = plan(fixture("04_is4_model.json"), new FakeRealm());
        assertTrue(plan.valid(), plan.problems().toString());
        assertEquals(SeedReview.Action.CREATE, plan.scopes().get(0).action());
        Map<String, String> s = plan.clients().get(0).desired();
        assertEquals("true", s.get("standardFlowEnabled"));
        assertEquals("true", s.get("implicitFlowEnabled"));
        assertEquals("S256", s.get("attributes.pkce.code.challenge.method"));
        assertEquals("http://localhost:21402/", s.get("attributes.post.logout.redirect.uris"));
        assertEquals("http://localhost:21402/signout-oidc", s.get("attributes.frontchannel.logout.url"));
        assertEquals("[\"crm.read\",\"offline_access\",\"profile\"]", s.get("optionalClientScopes"));
        assertEquals("1296000", s.get("attributes.client.session.idle.timeout"));
        assertEquals("true", s.get("attributes.use.refresh.tokens"));
        assertTrue(s.get("attributes.ib.secrets").contains("K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols="));
    }

    @Test
    void everyDesiredFieldIsOneTheStateReaderKnows() {
        SeedReview plan = plan(fixture("04_is4_model.json"), new FakeRealm());
        assertTrue(ClientFieldTable.ALL.stream().map(ClientField::key).toList().containsAll(plan.clients().get(0).desired().keySet()));
        assertTrue(ScopeSpecReader.KEYS.containsAll(plan.scopes().get(0).desired().keySet()));
    }

    @Test
    void unsupportedValuesAreRefusedByName() {
        String input = "[{\"ClientId\":\"unsupported-values-client\",\"AllowedGrantTypes\":[\"implicit\"],\"RedirectUris\":[\"https://x.example/cb\"],"
                + "\"RefreshTokenUsage\":\"ReUse\",\"EnableLocalLogin\":false,\"IdentityProviderRestrictions\":[\"aad\"],"
                + "\"AuthorizationCodeLifetime\":60,\"AllowAccessToAllScopes\":true}]";
        Set<String> errors = errors(plan(input, new FakeRealm()));
        for (String field : List.of("RefreshTokenUsage", "EnableLocalLogin", "IdentityProviderRestrictions",
                "AuthorizationCodeLifetime", "AllowAccessToAllScopes")) {
            assertTrue(errors.stream().anyMatch(e -> e.contains(field) && e.contains("not supported yet")), field + " in " + errors);
        }
    }

    @Test
    void clientClaimsAreKeptWithTheirPrefixRule() {
        String input = "[{\"ClientId\":\"claims-client-000001\",\"Secrets\":[\"it-only-secret-0123456789abcdefghijklmnop\"],"
                + "\"AllowedGrantTypes\":[\"client_credentials\"],\"Claims\":[{\"Type\":\"tier\",\"Value\":\"gold\"}],"
                + "\"AlwaysSendClientClaims\":true},"
                + "{\"ClientId\":\"claims-client-000002\",\"Secrets\":[\"it-only-secret-0123456789abcdefghijklmnop\"],"
                + "\"AllowedGrantTypes\":[\"client_credentials\"],\"Claims\":[{\"Type\":\"tier\"}],\"PrefixClientClaims\":false}]";
        SeedReview plan = plan(input, new FakeRealm());
        Map<String, String> first = plan.clients().get(0).desired();
        assertEquals("[[\"tier\",\"gold\"]]", first.get("attributes.ib.client.claims"));
        assertEquals("client_", first.get("attributes.ib.client.claims.prefix"));
        assertEquals("true", first.get("attributes.ib.client.claims.always"));
        assertEquals("", plan.clients().get(1).desired().get("attributes.ib.client.claims.prefix"));
        assertTrue(errors(plan).stream().anyMatch(e -> e.contains("(claims-client-000002) Claims[0] must be")), errors(plan).toString());
    }

    @Test
    void emptyPostLogoutListMeansNoneNotAllRedirects() {
        String input = "[{\"ClientId\":\"implicit-only-client-01\",\"AllowedGrantTypes\":[\"implicit\"],\"RedirectUris\":[\"https://x.example/cb\"]}]";
        SeedReview plan = plan(input, new FakeRealm());
        assertEquals("-", plan.clients().get(0).desired().get("attributes.post.logout.redirect.uris"));
        assertEquals("true", plan.clients().get(0).desired().get("publicClient"));
    }

    @Test
    void grantTypeConflictsFollowIdentityServer4() {
        String input = "[{\"ClientId\":\"conflicting-grants-01\",\"Secrets\":[\"it-only-secret-0123456789abcdefghijklmnop\"],"
                + "\"AllowedGrantTypes\":[\"implicit\",\"authorization_code\"],\"RedirectUris\":[\"https://x.example/cb\"]}]";
        assertTrue(errors(plan(input, new FakeRealm())).stream().anyMatch(e -> e.contains("cannot contain both 'implicit' and 'authorization_code'")));
    }

    @Test
    void builtInClientsAreNeverTouched() {
        String input = "[{\"ClientId\":\"admin-cli\",\"AllowedGrantTypes\":[\"password\"],\"RequireClientSecret\":false}]";
        assertTrue(errors(plan(input, new FakeRealm())).stream().anyMatch(e -> e.contains("one of Keycloak's own clients")));
    }

    @Test
    void pruneDeletesOnlySeededClientsGoneFromTheInput() {
        FakeRealm realm = new FakeRealm();
        realm.apply(plan(fixture("01_update.json"), realm));
        realm.clients.put("hand-made-client-0001", new java.util.TreeMap<>(Map.of("name", "by hand")));
        SeedReview plan = new SeedPlanner(true).review(DesiredState.parse(new SeedText(fixture("00_create.json"), "t"), 32), realm);
        List<String> deleted = plan.clients().stream().filter(i -> i.action() == SeedReview.Action.DELETE).map(SeedReview.Item::name).toList();
        assertEquals(List.of("CreatioIntegrationClient"), deleted);
    }

    private static final String TAKEN = "[{\"ClientId\":\"registered-then-seeded-01\",\"Secrets\":[\"it-only-secret-0123456789abcdefghijklmnop\"],"
            + "\"AllowedGrantTypes\":[\"client_credentials\"]}]";

    /** The state a registration leaves: the same fields, unseeded, with the registrar's marks. */
    private static FakeRealm registeredBy(String registrar, String registrarId) {
        FakeRealm realm = new FakeRealm();
        realm.apply(new SeedPlanner(false).review(DesiredState.parse(new SeedText(TAKEN, "t"), 32), realm));
        Map<String, String> state = realm.clients.get("registered-then-seeded-01");
        state.put(ClientFields.ATTR + ClientFields.ATTR_SEEDED, "");
        state.put(ClientFields.ATTR + ClientFields.ATTR_REGISTERED_BY, registrar);
        state.put(ClientFields.ATTR + ClientFields.ATTR_REGISTERED_BY_ID, registrarId);
        return realm;
    }

    @Test
    void aSeedTakesOverARegisteredClientAndThePlanSaysSo() {
        FakeRealm realm = registeredBy("some-registrar-01", "0f8c-registrar-id");
        SeedReview plan = plan(TAKEN, realm);
        assertTrue(plan.valid(), plan.problems().toString());
        SeedReview.Item item = plan.clients().get(0);
        assertEquals(SeedReview.Action.UPDATE, item.action());
        assertEquals("some-registrar-01", item.takesOverFrom());
        assertTrue(item.changes().contains("(registrar)"), item.changes().toString());
        assertTrue(item.fields().containsAll(List.of("attributes.ib.registered.by", "attributes.ib.registered.by.id")), item.fields().toString());
        assertEquals("", item.desired().get("attributes.ib.registered.by.id"));
        assertTrue(plan.problems().stream().anyMatch(p -> !p.isError() && p.toString().contains(
                "client #0 (registered-then-seeded-01) ClientId takes over the client registered by 'some-registrar-01'")), plan.problems().toString());
    }

    @Test
    void theTakeoverHappensOnceThenTheSameInputIsUnchanged() {
        FakeRealm realm = registeredBy("some-registrar-01", "0f8c-registrar-id");
        realm.apply(plan(TAKEN, realm));
        SeedReview again = plan(TAKEN, realm);
        assertTrue(again.changesNothing(), again.clients().toString());
        assertEquals(null, again.clients().get(0).takesOverFrom());
        assertTrue(again.problems().isEmpty(), again.problems().toString());
    }

    @Test
    void aClientWithoutRegistrationMarksIsNoTakeover() {
        FakeRealm realm = registeredBy("", "");
        SeedReview plan = plan(TAKEN, realm);
        assertEquals(null, plan.clients().get(0).takesOverFrom());
        assertTrue(plan.problems().isEmpty(), plan.problems().toString());
        // A registrar known only by its id (its ClientId mark lost) is still named.
        assertEquals("0f8c-registrar-id", plan(TAKEN, registeredBy("", "0f8c-registrar-id")).clients().get(0).takesOverFrom());
    }

    @Test
    void aChangeThatKeepsTheMarksIsNoTakeover() {
        FakeRealm realm = registeredBy("some-registrar-01", "0f8c-registrar-id");
        java.util.SortedMap<String, String> kept = new java.util.TreeMap<>(realm.clients.get("registered-then-seeded-01"));
        kept.put("name", "renamed by its registrar");
        SeedReview plan = planner.review(DesiredState.of(new DesiredClient(0, "registered-then-seeded-01", kept, List.of())), realm);
        assertEquals(List.of("name"), plan.clients().get(0).fields());
        assertEquals(null, plan.clients().get(0).takesOverFrom());
        assertTrue(plan.problems().isEmpty(), plan.problems().toString());
    }
}
