package io.identitybridge.it;

import io.identitybridge.it.support.BrowserlessLogin;
import io.identitybridge.it.support.OwnedResourceBodies;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.SecurityFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §4 "Resources" (issue 10, finding 5; issue 19, finding 2): reserved names, caps per owner and grantee, and expiry for every grant. */
class ResourceRulesIT extends OnSharedServer {

    /** The suite's server runs with max-resources-per-owner=100 (KeycloakServer). */
    private static final int CAP = 100;
    /** And with max-resources-per-grantee=30. */
    private static final int GRANTEE_CAP = 30;
    /** max-resources-per-owner-and-grantee on the suite's server. */
    private static final int OWNER_SHARE = 20;
    private static final String OWNER = "it-resources-owner";
    private static final String CAP_OWNER = "it-resources-cap-owner";
    private static final String GRANTEE = "it-resources-grantee";
    private static final String CALLBACK = "https://app.example.test/resources-cb";
    private static final String USER = "it-resources-user";
    private static final String PASSWORD = KeycloakServer.randomSecret();
    private static String owner;

    @BeforeAll
    static void setUp() {
        kc.createUser(USER, PASSWORD);
        owner = seededRegistrar(OWNER);
        SecurityFixtures.seedRegistrar(kc, CAP_OWNER, null);
        SecurityFixtures.seed(kc, List.of(Map.of("ClientId", GRANTEE, "Secrets", List.of(SecurityFixtures.SECRET),
                "AllowedGrantTypes", List.of("client_credentials", "password", "authorization_code"), "AllowOfflineAccess", true,
                "RedirectUris", List.of(CALLBACK), "AllowedScopes", List.of("openid"))));
    }

    @Test
    void aResourceNeverTakesTheNameOfAStandardOrApiScope() {
        for (String name : List.of("openid", "OPENID", "profile", "email", "offline_access", "roles", "web-origins", "acr",
                "basic", "service_account", "IdentityServerApi", "register_own_resource", "get_service_info")) {
            Http.Response r = api.call("OwnedResources/register", owner, OwnedResourceBodies.registerBody(name, Instant.now().plus(1, ChronoUnit.HOURS), GRANTEE));
            JsonNode e = SecurityFixtures.error(r, 400, "invalid_request");
            assertTrue(e.get("error_description").asText().contains("ResourceInfo.Name"), e.toString());
        }
        // The name of any other existing scope is taken: 409, as before.
        SecurityFixtures.error(api.call("OwnedResources/register", owner,
                OwnedResourceBodies.registerBody(SecurityFixtures.REPORTS_SCOPE, Instant.now().plus(1, ChronoUnit.HOURS), GRANTEE)), 409, "conflict");
        // Finding 5's symptom: every client_credentials answer of the grantee had become an OpenID Connect one.
        Http.Response cc = api.tokenResponse(GRANTEE, SecurityFixtures.SECRET, null);
        assertEquals(200, cc.status(), cc.body());
        assertTrue(cc.json().get("id_token") == null, "a client_credentials answer never carries an id token");
        assertFalse(scopes(cc.json().get("access_token").asText()).contains("openid"));
    }

    @Test
    void liveResourcesPerOwnerAreCapped() {
        String token = SecurityFixtures.registrarToken(api, CAP_OWNER);
        String prefix = "cap_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        // Without grantees (Creatio's AddResource body): a grantee may hold fewer (max-resources-per-grantee=30).
        for (int i = 0; i < CAP; i++) {
            api.ok("OwnedResources/register", token, addResourceBody(prefix + i, Instant.now().plus(1, ChronoUnit.HOURS)));
        }
        JsonNode e = SecurityFixtures.error(api.call("OwnedResources/register", token,
                OwnedResourceBodies.registerBody(prefix + CAP, Instant.now().plus(1, ChronoUnit.HOURS), GRANTEE)), 409, "conflict");
        assertTrue(e.get("error_description").asText().contains("max-resources-per-owner"), e.toString());
        assertEquals(1, api.ok("OwnedResources/delete", token, Map.of("Resources", List.of(prefix + 0))).get("affectedResourceCount").asInt());
        api.ok("OwnedResources/register", token, OwnedResourceBodies.registerBody(prefix + CAP, Instant.now().plus(1, ChronoUnit.HOURS), GRANTEE));
    }

    /** Issue 19, finding 2: an update that makes an expired resource live again counts as a register would. */
    @Test
    void revivingAnExpiredResourceCountsAgainstTheOwnersCap() throws InterruptedException {
        Revival r = expiredAtTheCap();
        // OwnedResources/update without ExpirationDate: it would never expire again.
        Http.Response refused = api.call("OwnedResources/update", r.token(), """
                {"Name":"%s","DisplayName":"revived","Properties":{"Type":"TempAccess"}}""".formatted(r.expired()));
        assertOwnerCapRefused(refused, r);
    }

    /** The same through Creatio's repeated AddResource (OwnedResources/register of the name again), with a new expiry. */
    @Test
    void updateThatMakesAResourceLiveCountsAgainstTheCap() throws InterruptedException {
        Revival r = expiredAtTheCap();
        Http.Response refused = api.call("OwnedResources/register", r.token(), addResourceBody(r.expired(), Instant.now().plus(1, ChronoUnit.DAYS)));
        assertOwnerCapRefused(refused, r);
    }

    /**
     * An owner at the cap whose one expired resource is granted to a fresh grantee. The sweep may remove the expired
     * resource before the refused call; then that call is a register, which the same cap refuses alike.
     */
    private static Revival expiredAtTheCap() throws InterruptedException {
        String owner = "it-revival-owner-" + UUID.randomUUID();
        SecurityFixtures.seedRegistrar(kc, owner, null);
        String token = SecurityFixtures.registrarToken(api, owner);
        String grantee = "it-revival-grantee-" + UUID.randomUUID();
        String secret = kc.createServiceClient(grantee, List.of());
        String prefix = "rev_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        for (int i = 1; i < CAP; i++) {
            api.ok("OwnedResources/register", token, addResourceBody(prefix + i, Instant.now().plus(1, ChronoUnit.HOURS)));
        }
        String expired = prefix + "expiring";
        Instant expires = Instant.now().plus(3, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        api.ok("OwnedResources/register", token, OwnedResourceBodies.registerBody(expired, expires, grantee));
        Thread.sleep(Math.max(0, expires.toEpochMilli() - System.currentTimeMillis()) + 100);
        // Expired, so no longer counted: one more registers, and the owner is at the cap again.
        api.ok("OwnedResources/register", token, addResourceBody(prefix + CAP, Instant.now().plus(1, ChronoUnit.HOURS)));
        return new Revival(owner, token, expired, grantee, secret);
    }

    private record Revival(String owner, String token, String expired, String grantee, String granteeSecret) {
    }

    /** 409 naming the option; the resource stays expired: its grantee cannot have it, its owner's list lacks it. */
    private static void assertOwnerCapRefused(Http.Response refused, Revival r) {
        JsonNode e = SecurityFixtures.error(refused, 409, "conflict");
        String description = e.get("error_description").asText();
        assertTrue(description.contains("max-resources-per-owner") && description.contains("at most " + CAP), e.toString());
        assertEquals("invalid_scope", api.tokenResponse(r.grantee(), r.granteeSecret(), r.expired()).json().get("error").asText());
        JsonNode groups = api.ok("OwnedResources/list", r.token(), Map.of("ClientId", r.owner()));
        assertEquals(CAP, groups.get(0).get("resources").size(), groups.toString());
        assertFalse(groups.toString().contains("\"" + r.expired() + "\""), "the refused revival left it expired");
    }

    /** Creatio's AddResource body: no grantees (GrantAccess links apps later). */
    static String addResourceBody(String name, Instant expires) {
        return """
                {"Name":"%s","DisplayName":"d","Properties":{"Type":"ApplicationAccess","ExpirationDate":"%s"}}"""
                .formatted(name, expires.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Issue 19, finding 2: live resources granted to one client are capped across all owners, on every path that grants. */
    @Test
    void grantsBeyondMaxResourcesPerGranteeAre409() {
        String a = freshRegistrar("it-grantee-cap-a-");
        String b = freshRegistrar("it-grantee-cap-b-");
        String grantee = "it-grantee-cap-" + UUID.randomUUID();
        String granteeSecret = kc.createServiceClient(grantee, List.of());
        String other = "it-grantee-cap-other-" + UUID.randomUUID();
        String otherSecret = kc.createServiceClient(other, List.of());
        String prefix = "gc_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        Instant hour = Instant.now().plus(1, ChronoUnit.HOURS);
        for (int i = 0; i < GRANTEE_CAP; i++) { // two owners, half each: the cap counts them together
            api.ok("OwnedResources/register", i % 2 == 0 ? a : b, OwnedResourceBodies.registerBody(prefix + i, hour, grantee));
        }

        // OwnedResources/register with GranteeClientIds: refused whole, for the other grantee as well.
        String over = prefix + "over";
        assertGranteeCapRefused(api.call("OwnedResources/register", b, OwnedResourceBodies.registerBody(over, hour, other, grantee)), grantee);
        assertEquals("invalid_scope", api.tokenResponse(other, otherSecret, over).json().get("error").asText(), "nothing was registered");
        api.ok("OwnedResources/register", b, OwnedResourceBodies.registerBody(over, hour, other));

        // OwnedResources/grant (Creatio's GrantAccess) of a resource registered without grantees.
        String plain = prefix + "plain";
        api.ok("OwnedResources/register", a, addResourceBody(plain, hour));
        Map<String, String> grant = Map.of("ClientId", grantee, "ResourceName", plain);
        assertGranteeCapRefused(api.call("OwnedResources/grant", a, grant), grantee);
        assertEquals("invalid_scope", api.tokenResponse(grantee, granteeSecret, plain).json().get("error").asText(), "nothing was granted");
        // Granted already is still no error at the cap, and another client is not affected.
        assertFalse(api.ok("OwnedResources/grant", a, Map.of("ClientId", grantee, "ResourceName", prefix + 0)).get("granted").asBoolean());
        assertTrue(api.ok("OwnedResources/grant", a, Map.of("ClientId", other, "ResourceName", plain)).get("granted").asBoolean());

        // One fewer live resource, one more grant.
        assertEquals(1, api.ok("OwnedResources/delete", a, Map.of("Resources", List.of(prefix + 0))).get("affectedResourceCount").asInt());
        assertTrue(api.ok("OwnedResources/grant", a, grant).get("granted").asBoolean());
        assertTrue(scopes(api.token(grantee, granteeSecret, plain)).contains(plain));
    }

    /** Parallel calls at cap-1 are counted one after another (the grantee's row is locked): exactly one passes. */
    @Test
    void parallelRegistrationsGrantingOneClientAtCapMinusOneAdmitExactlyOne() throws Exception {
        String owner = freshRegistrar("it-grantee-race-");
        String first = freshRegistrar("it-grantee-race-first-"); // one owner's share is less than the grantee's cap
        String grantee = "it-grantee-race-" + UUID.randomUUID();
        kc.createServiceClient(grantee, List.of());
        String prefix = "gr_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        Instant hour = Instant.now().plus(1, ChronoUnit.HOURS);
        for (int i = 0; i < GRANTEE_CAP - 1; i++) {
            api.ok("OwnedResources/register", i % 2 == 0 ? first : owner, OwnedResourceBodies.registerBody(prefix + i, hour, grantee));
        }
        List<Http.Response> answers = SecurityFixtures.parallel(3, i -> api.call("OwnedResources/register", owner,
                OwnedResourceBodies.registerBody(prefix + "race" + i, hour, grantee)));
        assertEquals(1, answers.stream().filter(r -> r.status() == 200).count(), answers.toString());
        answers.stream().filter(r -> r.status() != 200).forEach(r -> assertGranteeCapRefused(r, grantee));
    }

    /** One owner alone can never fill a grantee's cap, or it could lock every other owner out of granting to it. */
    @Test
    void oneOwnerGrantsOneClientAtMostItsShareOfTheGranteesCap() {
        String greedy = freshRegistrar("it-share-greedy-");
        String fair = freshRegistrar("it-share-fair-");
        String grantee = "it-share-grantee-" + UUID.randomUUID();
        String granteeSecret = kc.createServiceClient(grantee, List.of());
        String prefix = "sh_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        Instant hour = Instant.now().plus(1, ChronoUnit.HOURS);
        for (int i = 0; i < OWNER_SHARE; i++) {
            api.ok("OwnedResources/register", greedy, OwnedResourceBodies.registerBody(prefix + i, hour, grantee));
        }
        String over = prefix + "over";
        JsonNode e = SecurityFixtures.error(api.call("OwnedResources/register", greedy, OwnedResourceBodies.registerBody(over, hour, grantee)),
                409, "conflict");
        String description = e.get("error_description").asText();
        assertTrue(description.contains("max-resources-per-owner-and-grantee") && description.contains("at most " + OWNER_SHARE)
                && description.contains("'" + grantee + "'"), e.toString());
        assertEquals("invalid_scope", api.tokenResponse(grantee, granteeSecret, over).json().get("error").asText(), "nothing was registered");
        // The same through GrantAccess, and another owner still has room.
        api.ok("OwnedResources/register", greedy, addResourceBody(over, hour));
        assertEquals(409, api.call("OwnedResources/grant", greedy, Map.of("ClientId", grantee, "ResourceName", over)).status());
        String fairOne = prefix + "fair";
        api.ok("OwnedResources/register", fair, OwnedResourceBodies.registerBody(fairOne, hour, grantee));
        assertTrue(scopes(api.token(grantee, granteeSecret, fairOne)).contains(fairOne));
    }

    private static void assertGranteeCapRefused(Http.Response r, String grantee) {
        JsonNode e = SecurityFixtures.error(r, 409, "conflict");
        String description = e.get("error_description").asText();
        assertTrue(description.contains("max-resources-per-grantee") && description.contains("at most " + GRANTEE_CAP)
                && description.contains("'" + grantee + "'"), e.toString());
    }

    private static String freshRegistrar(String prefix) {
        return seededRegistrar(prefix + UUID.randomUUID());
    }

    @Test
    void anExpiredResourceNeverEntersATokenOfAnyGrant() throws InterruptedException {
        String name = "Expiring_" + UUID.randomUUID().toString().substring(0, 8);
        Instant expires = Instant.now().plus(8, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        api.ok("OwnedResources/register", owner, OwnedResourceBodies.registerBody(name, expires, GRANTEE));
        // Before expiry every grant may carry it.
        assertTrue(scopes(api.token(GRANTEE, SecurityFixtures.SECRET, name)).contains(name));
        JsonNode password = password(name + " offline_access");
        assertTrue(scopes(password.get("access_token").asText()).contains(name));
        String refresh = password.get("refresh_token").asText();

        Thread.sleep(Math.max(0, expires.toEpochMilli() - System.currentTimeMillis()) + 100);
        assertEquals("invalid_scope", api.tokenResponse(GRANTEE, SecurityFixtures.SECRET, name).json().get("error").asText());
        assertFalse(scopes(api.token(GRANTEE, SecurityFixtures.SECRET, null)).contains(name), "client_credentials without scope");
        // From here on the sweep (every 5 s on the suite's server) may remove the resource at any moment; a request that
        // names it then is refused as naming an unknown scope, which keeps it out of every token as well.
        notCarried(Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "password", "username", USER,
                "password", PASSWORD, "scope", name), GRANTEE, SecurityFixtures.SECRET), name, "password");
        notCarried(Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "refresh_token",
                "refresh_token", refresh), GRANTEE, SecurityFixtures.SECRET), name, "refresh_token");
        String location = BrowserlessLogin.loginOrRefusal(kc.realmUrl() + "/connect/authorize?client_id=" + GRANTEE + "&response_type=code"
                + "&scope=" + BrowserlessLogin.enc("openid " + name) + "&state=s&redirect_uri=" + BrowserlessLogin.enc(CALLBACK), USER, PASSWORD);
        Map<String, String> redirect = ApiCallerRuleIT.params(java.net.URI.create(location).getRawQuery());
        if (redirect.containsKey("error")) {
            assertEquals("invalid_scope", redirect.get("error"), location);
            assertFalse(api.clientScopeNames().contains(name), "refused at authorize only once the sweep removed it: " + location);
            return;
        }
        Http.Response tokens = Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "authorization_code",
                "code", redirect.get("code"), "redirect_uri", CALLBACK), GRANTEE, SecurityFixtures.SECRET);
        notCarried(tokens, name, "authorization_code");
        if (tokens.status() == 200) {
            assertFalse(Http.jwtPayload(tokens.json().get("access_token").asText()).path("aud").toString().contains(name), "aud");
        }
    }

    /** A token answer without the expired resource: 200 without it, or, once the sweep removed it, invalid_scope. */
    private static void notCarried(Http.Response r, String name, String grant) {
        if (r.status() == 200) {
            assertFalse(scopes(r.json().get("access_token").asText()).contains(name), grant);
            return;
        }
        assertEquals("invalid_scope", r.json().path("error").asText(), grant + ": " + r.body());
        assertFalse(api.clientScopeNames().contains(name), grant + " refused only once the sweep removed it: " + r.body());
    }

    private static JsonNode password(String scope) {
        Http.Response r = Http.postForm(kc.realmUrl() + "/connect/token", Http.form("grant_type", "password", "username", USER,
                "password", PASSWORD, "scope", scope), GRANTEE, SecurityFixtures.SECRET);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<String> scopes(String jwt) {
        JsonNode scope = Http.jwtPayload(jwt).get("scope");
        return scope == null ? List.of() : Arrays.asList(scope.asText().split(" "));
    }
}
