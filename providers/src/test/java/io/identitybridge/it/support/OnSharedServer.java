package io.identitybridge.it.support;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test on the suite's shared server starts from: the server and a Creatio-like caller of its API. One server
 * serves the whole suite, so the fields are the same for every subclass; a subclass's own {@code @BeforeAll} runs after.
 */
@ExtendWith(RealKeycloak.class)
public abstract class OnSharedServer {

    public static KeycloakServer kc;
    public static IdsApi api;

    @BeforeAll
    public static void connect(KeycloakServer server) {
        kc = server;
        api = new IdsApi(server);
    }

    /** Seeds a registrar like Creatio's system client (with every API scope) and returns its token. */
    public static String seededRegistrar(String clientId) {
        SecurityFixtures.seedRegistrar(kc, clientId, null);
        return SecurityFixtures.registrarToken(api, clientId);
    }
}
