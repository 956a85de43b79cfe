package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.identitybridge.creatioapi.clients.RequestCheckTest.RULES;
import static io.identitybridge.creatioapi.clients.RequestCheckTest.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A register body completed with what registration decides when the caller is silent, as a new body. */
class RegistrationDefaultsTest {

    @Test
    void aSilentBodyGetsAClientIdClientCredentialsIs4LifetimesAndTheRegistrarsCustomerId() throws Exception {
        ObjectNode request = body("{\"ClientId\":\"  \",\"ClientName\":\"App\"}");
        ObjectNode completed = RegistrationDefaults.completed(RULES, request);
        UUID.fromString(completed.get("ClientId").asText());
        assertEquals("[\"client_credentials\"]", completed.get("AllowedGrantTypes").toString());
        assertEquals(3600, completed.get("AccessTokenLifetime").asInt());
        assertEquals(300, completed.get("IdentityTokenLifetime").asInt());
        assertEquals("cust-1", completed.get("CustomerId").asText());
        assertFalse(completed.has("RequirePkce"));
        assertEquals(body("{\"ClientId\":\"  \",\"ClientName\":\"App\"}"), request, "the request stays as sent");
    }

    @Test
    void anAppWithRedirectUrisGetsTheCodeFlowWithPkceAndRefreshTokensBesideClientCredentials() throws Exception {
        ObjectNode completed = RegistrationDefaults.completed(RULES, body("{\"clientId\":\"app\",\"redirectUris\":[\"https://app.example/cb\"]}"));
        assertEquals("[\"authorization_code\",\"client_credentials\"]", completed.get("AllowedGrantTypes").toString());
        assertTrue(completed.get("AllowOfflineAccess").asBoolean());
        assertTrue(completed.get("RequirePkce").asBoolean());
        assertEquals("app", completed.get("clientId").asText());
        assertFalse(completed.has("ClientId"), "a property is completed under the caller's spelling, never twice");
    }

    @Test
    void whatTheCallerGivesStaysAndLifetimesNeverExceedTheCap() throws Exception {
        RegistrationRules lowCap = new RegistrationRules("registrar", Set.of("openid"), null, 600, false, false);
        ObjectNode completed = RegistrationDefaults.completed(lowCap, body("{\"ClientId\":\"c\",\"AllowedGrantTypes\":[\"authorization_code\"],"
                + "\"RequirePkce\":false,\"accessTokenLifetime\":60,\"RedirectUris\":[\"https://app.example/cb\"]}"));
        assertEquals("[\"authorization_code\"]", completed.get("AllowedGrantTypes").toString());
        assertFalse(completed.get("RequirePkce").asBoolean());
        assertFalse(completed.has("AllowOfflineAccess"));
        assertEquals(60, completed.get("accessTokenLifetime").asInt());
        assertEquals(300, completed.get("IdentityTokenLifetime").asInt());
        assertFalse(completed.has("CustomerId"), "a registrar without a CustomerId leaves it free");
    }

    @Test
    void theCodeFlowGivenForRedirectUrisIsJudgedLikeOneTheCallerSent() throws Exception {
        List<String> problems = RequestCheck.problems(RULES, RegistrationDefaults.completed(RULES,
                body("{\"RequirePkce\":false,\"RedirectUris\":[\"https://app.example/cb\"]}")));
        assertEquals(List.of(RegistrationRules.PKCE_PROBLEM), problems);
    }

    @Test
    void theDefaultsAddNoProblem() throws Exception {
        for (String json : List.of("{}", "{\"RedirectUris\":[\"https://app.example/cb\"]}", "{\"CustomerId\":null,\"RequirePkce\":null,"
                + "\"AllowedGrantTypes\":[\"authorization_code\"]}", "{\"AllowedScopes\":[\"nope\"],\"AccessTokenLifetime\":9000}")) {
            ObjectNode request = body(json);
            assertEquals(RequestCheck.problems(RULES, request), RequestCheck.problems(RULES, RegistrationDefaults.completed(RULES, request)), json);
        }
    }
}
