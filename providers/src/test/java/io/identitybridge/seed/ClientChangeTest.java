package io.identitybridge.seed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which body property a problem belongs to, so that Clients/update reports every problem of what it was given. */
class ClientChangeTest {

    @Test
    void aProblemPathBelongsToItsTopLevelPropertyWhetherCutAtADotOrABracket() {
        assertEquals("claims", ClientChange.rootOf("Claims[0].Type"));
        assertEquals("allowedscopes", ClientChange.rootOf("AllowedScopes[3]"));
        assertEquals("properties", ClientChange.rootOf("Properties.AllowedQueryParameters"));
        assertEquals("clientname", ClientChange.rootOf("ClientName"));
    }
}
