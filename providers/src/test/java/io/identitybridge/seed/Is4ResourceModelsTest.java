package io.identitybridge.seed;

import io.identitybridge.vocabulary.Problem;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IdentityServer4 4.x's ApiScopes, ApiResources and IdentityResources in a seed object are read as Scopes are. */
class Is4ResourceModelsTest {

    private static final String CLIENT = "{\"ClientId\":\"OrdersServiceClient01\",\"Secrets\":[\"orders-secret-0123456789abcdefghijklmnop\"],"
            + "\"AllowedGrantTypes\":[\"client_credentials\"],\"AllowedScopes\":[\"orders.read\",\"orders.write\"]}";

    private static SeedReview plan(String input) {
        return new SeedPlanner(false).review(DesiredState.parse(new SeedText(input, "test"), 32), new FakeRealm());
    }

    private static Map<String, DesiredScope> scopes(String input) {
        return DesiredState.parse(new SeedText(input, "test"), 32).scopes().stream()
                .collect(Collectors.toMap(DesiredScope::name, s -> s));
    }

    private static List<String> texts(SeedReview r, Problem.Severity severity) {
        return r.problems().stream().filter(p -> p.severity() == severity).map(Problem::toString).toList();
    }

    @Test
    void aClientNamingAnApiScopesScopePlansFine() {
        SeedReview r = plan("{\"Clients\":[" + CLIENT + "],\"ApiScopes\":[{\"Name\":\"orders.read\",\"DisplayName\":\"Read orders\","
                + "\"UserClaims\":[\"tenant\"]},{\"Name\":\"orders.write\"}]}");
        assertTrue(r.valid(), r.problems().toString());
        assertEquals(List.of("orders.read", "orders.write"), r.scopes().stream().map(SeedReview.Item::name).toList());
        assertEquals(SeedReview.Action.CREATE, r.clients().get(0).action());
        SortedFields read = new SortedFields(r.scopes().get(0).desired());
        assertEquals("Resource", read.get(ScopeSpecReader.TYPE));
        assertEquals("orders.read", read.get(ScopeSpecReader.AUDIENCE));
        assertEquals("[\"tenant\"]", read.get(ScopeSpecReader.CLAIMS));
        assertEquals("Read orders", read.get("attributes.consent.screen.text"));
    }

    @Test
    void withoutTheApiScopesTheSameClientNamesAScopeTheRealmLacks() {
        SeedReview r = plan("{\"Clients\":[" + CLIENT + "]}");
        assertFalse(r.valid());
        assertTrue(texts(r, Problem.Severity.ERROR).stream().anyMatch(t -> t.contains("names 'orders.read', which is not a scope of realm")),
                r.problems().toString());
    }

    @Test
    void identityResourcesAreIdentityScopesAndTheStandardOnesStayKeycloaks() {
        SeedReview r = plan("{\"Clients\":[],\"IdentityResources\":[{\"Name\":\"openid\",\"UserClaims\":[\"sub\"]},"
                + "{\"Name\":\"profile\",\"UserClaims\":[\"name\"]},{\"Name\":\"creatio.profile\",\"UserClaims\":[\"department\"],"
                + "\"Properties\":{\"x\":\"y\"}}]}");
        assertTrue(r.valid(), r.problems().toString());
        assertEquals(List.of("creatio.profile"), r.scopes().stream().map(SeedReview.Item::name).toList());
        SortedFields s = new SortedFields(r.scopes().get(0).desired());
        assertEquals("Identity", s.get(ScopeSpecReader.TYPE));
        assertEquals("", s.get(ScopeSpecReader.AUDIENCE));
        assertEquals("[\"department\"]", s.get(ScopeSpecReader.CLAIMS));
        List<String> warnings = texts(r, Problem.Severity.WARNING);
        assertTrue(warnings.contains("warning: IdentityResources #0 (openid) Name is served by Keycloak's own client scope of that name,"
                + " which seeding leaves as it is"), warnings.toString());
        assertTrue(warnings.contains("warning: IdentityResources #1 (profile) Name is served by Keycloak's own client scope of that name,"
                + " which seeding leaves as it is"), warnings.toString());
        assertTrue(warnings.contains("warning: IdentityResources #2 (creatio.profile) Properties has no counterpart in a Keycloak client"
                + " scope and is not carried over"), warnings.toString());
    }

    @Test
    void anApiResourceGivesItsUserClaimsToItsScopesAndNamesWhatKeycloakCannotHold() {
        String input = "{\"Clients\":[" + CLIENT + "],\"ApiScopes\":[{\"Name\":\"orders.read\",\"UserClaims\":[\"tenant\"]},"
                + "{\"Name\":\"orders.write\"}],\"ApiResources\":[{\"Name\":\"orders\",\"DisplayName\":\"Orders API\","
                + "\"Scopes\":[\"orders.read\",\"orders.write\",\"orders.admin\"],\"UserClaims\":[\"role\"],"
                + "\"ApiSecrets\":[{\"Value\":\"K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=\"}],\"AllowedAccessTokenSigningAlgorithms\":[\"RS256\"]}]}";
        assertEquals("[\"role\",\"tenant\"]", scopes(input).get("orders.read").state().get(ScopeSpecReader.CLAIMS));
        assertEquals("[\"role\"]", scopes(input).get("orders.write").state().get(ScopeSpecReader.CLAIMS));
        SeedReview r = plan(input);
        assertTrue(r.valid(), r.problems().toString());
        List<String> warnings = texts(r, Problem.Severity.WARNING);
        assertTrue(warnings.contains("warning: ApiResources #0 (orders) ApiSecrets, AllowedAccessTokenSigningAlgorithms has no counterpart"
                + " in Keycloak and is not carried over (an API introspects tokens with a Keycloak client of its own)"), warnings.toString());
        assertTrue(warnings.contains("warning: ApiResources #0 (orders) Name was the aud of tokens for the scopes [orders.read, orders.write,"
                + " orders.admin]; Keycloak puts each scope's own name in aud"), warnings.toString());
        assertTrue(warnings.contains("warning: ApiResources #0 (orders) Scopes names 'orders.admin', which the input does not define in"
                + " ApiScopes or Scopes: the resource's UserClaims do not reach it"), warnings.toString());
        assertTrue(warnings.stream().noneMatch(w -> w.contains("K7gNU3sdo")), "a secret in a warning: " + warnings);
    }

    @Test
    void unknownPropertiesOfThe4xModelsAreRefusedByName() {
        SeedReview r = plan("{\"Clients\":[],\"ApiScopes\":[{\"Name\":\"a\",\"Type\":\"Identity\"}],"
                + "\"ApiResources\":[{\"Name\":\"r\",\"Scopes\":[\"a\"],\"Claims\":[\"x\"]}],\"IdentityResources\":[{\"Name\":\"i\",\"Enabled\":false}]}");
        List<String> errors = texts(r, Problem.Severity.ERROR);
        assertTrue(errors.contains("error: ApiScopes #0 (a) Type is not a known ApiScopes property (IdentityServer4 4.x ApiScope model)"), errors.toString());
        assertTrue(errors.contains("error: ApiResources #0 (r) Claims is not a known ApiResources property (IdentityServer4 4.x ApiResource model)"),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("error: IdentityResources #0 (i) Enabled false is not supported yet")), errors.toString());
    }

    @Test
    void aScopeInBothScopesAndApiScopesIsDefinedTwice() {
        SeedReview r = plan("{\"Clients\":[],\"Scopes\":[{\"Name\":\"a\"}],\"ApiScopes\":[{\"Name\":\"a\"}]}");
        assertTrue(texts(r, Problem.Severity.ERROR).contains("error: ApiScopes #0 (a) Name is defined twice in the input"), r.problems().toString());
    }

    /** A scope's desired fields. */
    private record SortedFields(Map<String, String> fields) {
        String get(String key) {
            return fields.get(key);
        }
    }
}
