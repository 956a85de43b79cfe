package io.identitybridge.seed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which body property a problem belongs to, so that Clients/update reports every problem of what it was given. */
class ClientRegistrarTest {

    @Test
    void aProblemPathBelongsToItsTopLevelPropertyWhetherCutAtADotOrABracket() {
        assertEquals("claims", ClientRegistrar.root("Claims[0].Type"));
        assertEquals("allowedscopes", ClientRegistrar.root("AllowedScopes[3]"));
        assertEquals("properties", ClientRegistrar.root("Properties.AllowedQueryParameters"));
        assertEquals("clientname", ClientRegistrar.root("ClientName"));
    }
}
