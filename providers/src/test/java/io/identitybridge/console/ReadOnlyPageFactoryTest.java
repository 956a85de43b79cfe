package io.identitybridge.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadOnlyPageFactoryTest {

    /** The keys messages_en.properties defines for the two pages. */
    @Test
    void eachPageNamesItsHelpKeyAfterItsId() {
        assertEquals("identity-service-help", new ResourcesPageFactory().getHelpText());
        assertEquals("identity-service-seeding-help", new SeedingPageFactory().getHelpText());
        assertEquals("identity-service", new ResourcesPageFactory().getId());
        assertEquals("identity-service-seeding", new SeedingPageFactory().getId());
    }
}
