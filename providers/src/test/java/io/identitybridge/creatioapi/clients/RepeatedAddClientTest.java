package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.identitybridge.creatioapi.clients.RequestCheckTest.body;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A repeated AddClient updates everything but what registration sets once, and leaves its request as it was. */
class RepeatedAddClientTest {

    @Test
    void theUpdateKeepsTheFlowsAndCreatiosSwitchesAsRegistered() throws Exception {
        String sent = "{\"ClientId\":\"c\",\"ClientName\":\"App\",\"allowedGrantTypes\":[\"client_credentials\"],\"RequirePkce\":true,"
                + "\"AllowOfflineAccess\":true,\"RequireClientSecret\":true,\"ProtocolType\":\"oidc\",\"AccessTokenLifetime\":3600}";
        ObjectNode request = body(sent);
        assertEquals(body("{\"ClientId\":\"c\",\"ClientName\":\"App\",\"AccessTokenLifetime\":3600}"), RepeatedAddClient.update(request));
        assertEquals(body(sent), request);
    }
}
