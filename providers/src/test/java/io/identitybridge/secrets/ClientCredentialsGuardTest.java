package io.identitybridge.secrets;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which credentials are refused before any client lookup, and that real ones are not. */
class ClientCredentialsGuardTest {

    private static final List<String> NONE = List.of();

    @Test
    void wellFormedCredentialsGoOn() {
        assertNull(ClientCredentialsGuard.refusal(basic("app:s3cr%3At"), NONE, NONE, NONE));
        assertNull(ClientCredentialsGuard.refusal(null, List.of("app"), List.of("secret with\ttab"), NONE));
        assertNull(ClientCredentialsGuard.refusal("Bearer x", NONE, NONE, List.of(jwt("{\"sub\":\"app\",\"iss\":\"app\"}"))));
    }

    @Test
    void aControlCharacterInAFormClientIdIsRefusedInAnyOfItsValues() {
        assertNotNull(ClientCredentialsGuard.refusal(null, List.of("app", "a\u0000b"), NONE, NONE));
        assertNotNull(ClientCredentialsGuard.refusal(null, List.of("line\nbreak"), NONE, NONE));
        assertNotNull(ClientCredentialsGuard.refusal(null, List.of("del\u007f"), NONE, NONE));
    }

    @Test
    void aNulInAFormSecretIsRefused() {
        assertNotNull(ClientCredentialsGuard.refusal(null, List.of("app"), List.of("s\u0000"), NONE));
    }

    @Test
    void aBasicHeaderWithABrokenEscapeOrAControlCharacterInItsIdIsRefused() {
        assertNotNull(ClientCredentialsGuard.refusal(basic("app%zz:secret"), NONE, NONE, NONE));
        assertNotNull(ClientCredentialsGuard.refusal(basic("app:sec%"), NONE, NONE, NONE));
        assertNotNull(ClientCredentialsGuard.refusal(basic("a%00b:secret"), NONE, NONE, NONE));
        assertNotNull(ClientCredentialsGuard.refusal("basic " + b64("a\u0001b:secret"), NONE, NONE, NONE));
        assertNotNull(ClientCredentialsGuard.refusal(basic("app:s%00"), NONE, NONE, NONE));
        // Keycloak takes any sixth character for the space: a tab or a letter must not slip past.
        assertNotNull(ClientCredentialsGuard.refusal("Basic\t" + b64("a%zz:b"), NONE, NONE, NONE));
        assertNotNull(ClientCredentialsGuard.refusal("BASICx" + b64("a%00:b"), NONE, NONE, NONE));
    }

    @Test
    void aBasicHeaderKeycloakReadsNoCredentialsFromIsLeftToKeycloak() {
        assertNull(ClientCredentialsGuard.refusal("Basic !!!=", NONE, NONE, NONE));
        assertNull(ClientCredentialsGuard.refusal(basic("no-colon"), NONE, NONE, NONE));
        assertNull(ClientCredentialsGuard.refusal("Basic", NONE, NONE, NONE));
    }

    @Test
    void aClientAssertionNamingAClientWithAControlCharacterIsRefused() {
        assertNotNull(ClientCredentialsGuard.refusal(null, NONE, NONE, List.of(jwt("{\"sub\":\"a\\u0000b\",\"iss\":\"a\"}"))));
    }

    @Test
    void aClientAssertionKeycloakCannotReadAsAJwtIsRefused() {
        for (String assertion : List.of("not a jwt", "a.%%%.b", "", "a.b.c.d", jwt("[1]"), jwt("{\"exp\":\"soon\"}"))) {
            assertNotNull(ClientCredentialsGuard.refusal(null, NONE, NONE, List.of(assertion)), assertion);
        }
    }

    private static String basic(String idColonSecret) {
        return "Basic " + b64(idColonSecret);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String jwt(String claims) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + e.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
