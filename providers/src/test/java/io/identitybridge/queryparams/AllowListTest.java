package io.identitybridge.queryparams;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowListTest {

    @Test
    void noAttributeMeansNoAllowList() {
        assertTrue(AllowList.parse(null).isEmpty());
        assertTrue(AllowList.parse("  ").isEmpty());
    }

    @Test
    void readsTheSeedersJsonArrayCreatiosJsonStringAndAPlainList() {
        for (String attr : new String[]{"[\"invitationHash\",\"targetSubject\"]",
                "\"[\\\"invitationHash\\\",\\\"targetSubject\\\"]\"", "invitationHash, targetSubject", "invitationHash targetSubject"}) {
            AllowList list = AllowList.parse(attr).orElseThrow();
            assertTrue(list.isValid(), attr);
            assertEquals(Set.of("invitationHash", "targetSubject"), list.names(), attr);
        }
    }

    @Test
    void matchesNamesIgnoringCaseAndGivesTheListsSpelling() {
        AllowList list = AllowList.parse("[\"invitationHash\"]").orElseThrow();
        assertEquals("invitationHash", list.canonical("InvitationHash"));
        assertEquals("invitationHash", list.canonical("invitationhash"));
        assertNull(list.canonical("targetSubject"));
    }

    @Test
    void anEmptyArrayAllowsNothingButIsAnAllowList() {
        AllowList list = AllowList.parse("[]").orElseThrow();
        assertTrue(list.isValid());
        assertTrue(list.names().isEmpty());
    }

    @Test
    void aMalformedAttributeAllowsNothing() {
        for (String attr : new String[]{"[\"a\"", "[1]", "[\"bad name\"]", "a,<b>", "\"unterminated"}) {
            AllowList list = AllowList.parse(attr).orElseThrow();
            assertFalse(list.isValid(), attr);
            assertTrue(list.names().isEmpty(), attr);
        }
    }
}
