package io.identitybridge.seed;

import io.identitybridge.vocabulary.ClientFields;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin console's client tab accepts exactly what seeding accepts, and says why in the seeder's words. */
class ClientAttributeRulesTest {

    @Test
    void validValuesAreNormalisedAsSeedingStoresThem() {
        ClientAttributeRules.Result r = ClientAttributeRules.check("c", " [\"targetSubject\",\"invitationHash\"] ", "600",
                "cust-1", "TRUE", "{\"Other\":\"x\"}");
        assertTrue(r.valid(), r.problems().toString());
        assertEquals("[\"invitationHash\",\"targetSubject\"]", r.attributes().get(ClientFields.ATTR_ALLOWED_QUERY_PARAMETERS));
        assertEquals("600", r.attributes().get(ClientFields.ATTR_ID_TOKEN_LIFESPAN));
        assertEquals("cust-1", r.attributes().get(ClientFields.ATTR_CUSTOMER_ID));
        assertEquals("true", r.attributes().get(ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER));
        assertEquals("{\"AllowedQueryParameters\":\"[\\\"invitationHash\\\",\\\"targetSubject\\\"]\",\"Other\":\"x\"}",
                r.attributes().get(ClientFields.ATTR_PROPERTIES));
    }

    @Test
    void blankFieldsTakeSeedingsDefaults() {
        ClientAttributeRules.Result r = ClientAttributeRules.check("c", "", null, " ", null, null);
        assertTrue(r.valid());
        assertEquals("300", r.attributes().get(ClientFields.ATTR_ID_TOKEN_LIFESPAN));
        assertEquals("", r.attributes().get(ClientFields.ATTR_CUSTOMER_ID));
        assertEquals("false", r.attributes().get(ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER));
        assertEquals("", r.attributes().get(ClientFields.ATTR_ALLOWED_QUERY_PARAMETERS));
        assertEquals("", r.attributes().get(ClientFields.ATTR_PROPERTIES));
    }

    @Test
    void invalidValuesAreRefusedNamingTheField() {
        assertRefused("IdentityTokenLifetime", ClientAttributeRules.check("c", null, "0", null, null, null));
        assertRefused("IdentityTokenLifetime", ClientAttributeRules.check("c", null, "31536001", null, null, null));
        assertRefused("IdentityTokenLifetime", ClientAttributeRules.check("c", null, "1.5", null, null, null));
        assertRefused("AllowAccessTokensViaBrowser", ClientAttributeRules.check("c", null, null, null, "yes", null));
        assertRefused("CustomerId", ClientAttributeRules.check("c", null, null, "a\u0001b", null, null));
        assertRefused("CustomerId", ClientAttributeRules.check("c", null, null, "x".repeat(256), null, null));
        assertRefused("AllowedQueryParameters", ClientAttributeRules.check("c", "invitationHash", null, null, null, null));
        assertRefused("AllowedQueryParameters", ClientAttributeRules.check("c", "[\"bad name\"]", null, null, null, null));
        assertRefused("AllowedQueryParameters", ClientAttributeRules.check("c", "[\"" + "x".repeat(4000) + "\"]", null, null, null, null));
    }

    private static void assertRefused(String field, ClientAttributeRules.Result r) {
        assertFalse(r.valid());
        assertTrue(r.attributes().isEmpty());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains(field)), r.problems().toString());
    }
}
