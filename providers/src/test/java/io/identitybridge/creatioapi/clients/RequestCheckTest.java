package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A register or update body judged by the registration rules: problems, each naming the property, and no change. */
class RequestCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final RegistrationRules RULES = new RegistrationRules("registrar", Set.of("openid", "api"), "cust-1", 3600, false, false);

    static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void aBodyWithinTheRulesHasNoProblemsAndStaysAsSent() throws Exception {
        String sent = "{\"ClientId\":\"c\",\"AllowedGrantTypes\":[\"authorization_code\"],\"RequirePkce\":true,\"AllowedScopes\":[\"api\",\"openid\"],"
                + "\"RedirectUris\":[\"https://app.example/cb\",\"http://127.0.0.1:8080/cb\"],\"AccessTokenLifetime\":3600,\"CustomerId\":\"cust-1\"}";
        ObjectNode request = body(sent);
        assertEquals(List.of(), RequestCheck.problems(RULES, request));
        assertEquals(body(sent), request);
    }

    @Test
    void eachRefusedPropertyIsOneProblemNamingIt() throws Exception {
        List<String> problems = RequestCheck.problems(RULES, body("{\"allowedGrantTypes\":[\"password\",\"Authorization_Code\"],"
                + "\"RequirePkce\":false,\"AllowPlainTextPkce\":true,\"AllowAccessTokensViaBrowser\":\"true\","
                + "\"AllowedScopes\":[\"other\"],\"RedirectUris\":[\"http://app.example/cb\"],\"BackChannelLogoutUri\":\"https://10.0.0.1/out\","
                + "\"IdentityTokenLifetime\":\"7200\",\"CustomerId\":\"cust-2\"}"));
        assertEquals(9, problems.size(), problems.toString());
        List<String> starts = List.of("'AllowedGrantTypes' may hold only", "'RequirePkce' must be true", "'AllowPlainTextPkce' must be false",
                "'AllowAccessTokensViaBrowser' must be false", "'AllowedScopes' names 'other', which the registrar 'registrar'",
                "'RedirectUris[0]' must be an absolute https URI", "'BackChannelLogoutUri' names '10.0.0.1'",
                "'IdentityTokenLifetime' is 7200 s", "'CustomerId' must be the registrar's own");
        for (int i = 0; i < starts.size(); i++) {
            assertTrue(problems.get(i).startsWith(starts.get(i)), problems.get(i));
        }
    }

    @Test
    void anApiScopeIsRefusedEvenWhenTheRegistrarHoldsIt() throws Exception {
        RegistrationRules rules = new RegistrationRules("registrar", Set.of("openid", "add_registrar_client"), null, 3600, false, false);
        List<String> problems = RequestCheck.problems(rules, body("{\"AllowedScopes\":[\"add_registrar_client\"]}"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("an Identity Service API scope"), problems.get(0));
    }
}
