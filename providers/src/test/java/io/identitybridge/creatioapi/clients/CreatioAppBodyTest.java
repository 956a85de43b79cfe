package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.creatioapi.ApiError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creatio's AddClient/UpdateClient body in the IS4 model, as a new body. */
class CreatioAppBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void creatioNamesMapToIs4NamesAndSystemUserIdBecomesAProperty() throws Exception {
        String sent = "{\"ClientId\":\"\",\"CustomerId\":\"c1\",\"ClientAppName\":\"App\",\"ClientAppDescription\":\"D\","
                + "\"ClientAppUri\":\"https://app.example\",\"Enabled\":true,\"SystemUserId\":\"u-1\",\"RedirectUris\":[]}";
        ObjectNode request = body(sent);
        ObjectNode is4 = CreatioAppBody.toIs4(request);
        assertEquals(JSON.readTree("{\"ClientId\":\"\",\"CustomerId\":\"c1\",\"Enabled\":true,\"RedirectUris\":[],\"ClientName\":\"App\","
                + "\"Description\":\"D\",\"ClientUri\":\"https://app.example\",\"Properties\":{\"SystemUserId\":\"u-1\"}}"), is4);
        assertEquals(body(sent), request, "the request stays as sent");
    }

    @Test
    void anIs4BodyComesBackEqualAndBothNamesAtOnceAreRefused() throws Exception {
        ObjectNode request = body("{\"ClientId\":\"x\",\"ClientName\":\"n\",\"AllowedScopes\":[\"a\"],\"RedirectUris\":[\"https://a.example/cb\"]}");
        assertEquals(request, CreatioAppBody.toIs4(request));
        ApiError both = assertThrows(ApiError.class, () -> CreatioAppBody.toIs4(body("{\"ClientAppName\":\"a\",\"ClientName\":\"b\"}")));
        assertTrue(both.getMessage().contains("ClientAppName"), both.getMessage());
    }

    @Test
    void aSystemUserIdThatIsNotAStringIsRefusedBeforeAPropertiesThatIsNotAnObject() throws Exception {
        ApiError e = assertThrows(ApiError.class, () -> CreatioAppBody.toIs4(body("{\"SystemUserId\":5,\"Properties\":[]}")));
        assertTrue(e.getMessage().startsWith("'SystemUserId'"), e.getMessage());
        e = assertThrows(ApiError.class, () -> CreatioAppBody.toIs4(body("{\"SystemUserId\":\"u\",\"Properties\":[]}")));
        assertTrue(e.getMessage().startsWith("'Properties'"), e.getMessage());
    }
}
