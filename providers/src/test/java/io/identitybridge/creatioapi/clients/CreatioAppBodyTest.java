package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.creatioapi.ApiError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creatio's AddClient/UpdateClient body in the IS4 model (SPEC §4). */
class CreatioAppBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void creatioNamesMapToIs4NamesAndSystemUserIdBecomesAProperty() throws Exception {
        ObjectNode b = body("{\"ClientId\":\"\",\"CustomerId\":\"c1\",\"ClientAppName\":\"App\",\"ClientAppDescription\":\"D\","
                + "\"ClientAppUri\":\"https://app.example\",\"Enabled\":true,\"SystemUserId\":\"u-1\",\"RedirectUris\":[]}");
        CreatioAppBody.toIs4(b, true);
        assertEquals(JSON.readTree("{\"CustomerId\":\"c1\",\"Enabled\":true,\"RedirectUris\":[],\"ClientName\":\"App\",\"Description\":\"D\","
                + "\"ClientUri\":\"https://app.example\",\"Properties\":{\"SystemUserId\":\"u-1\"}}"), b);
    }

    @Test
    void anAppWithRedirectUrisGetsTheCodeFlowAndRefreshTokensBesideClientCredentials() throws Exception {
        ObjectNode b = body("{\"clientAppName\":\"App\",\"redirectUris\":[\"https://app.example/cb\"]}");
        CreatioAppBody.toIs4(b, true);
        assertEquals("[\"authorization_code\",\"client_credentials\"]", b.get("AllowedGrantTypes").toString());
        assertTrue(b.get("AllowOfflineAccess").asBoolean());
        ObjectNode update = body("{\"ClientId\":\"x\",\"RedirectUris\":[\"https://app.example/cb\"]}");
        CreatioAppBody.toIs4(update, false);
        assertFalse(update.has("AllowedGrantTypes"), "an update never changes grant types");
    }

    @Test
    void anIs4BodyPassesUnchangedAndBothNamesAtOnceAreRefused() throws Exception {
        ObjectNode is4 = body("{\"ClientId\":\"x\",\"ClientName\":\"n\",\"AllowedScopes\":[\"a\"]}");
        String before = is4.toString();
        CreatioAppBody.toIs4(is4, true);
        assertEquals(before, is4.toString());
        ApiError e = assertThrows(ApiError.class, () -> CreatioAppBody.toIs4(body("{\"ClientAppName\":\"a\",\"ClientName\":\"b\"}"), true));
        assertTrue(e.getMessage().contains("ClientAppName"), e.getMessage());
        assertThrows(ApiError.class, () -> CreatioAppBody.toIs4(body("{\"SystemUserId\":5}"), true));
    }
}
