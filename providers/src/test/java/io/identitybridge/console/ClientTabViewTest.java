package io.identitybridge.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The client tab shows IdentityServer4 secrets as a count with expiry dates, never a hash. */
class ClientTabViewTest {

    @Test
    void secretsAreACountWithExpiryDates() {
        assertEquals("2 secrets: expires 2030-01-31T00:00:00Z; never expires", ClientTabView.secrets(
                "[{\"hash\":\"K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=\",\"expires\":1896048000},{\"hash\":\"abc\"}]"));
        assertEquals("no IdentityServer4 secrets", ClientTabView.secrets(null));
        assertEquals("secrets attribute unreadable", ClientTabView.secrets("K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols="));
    }
}
