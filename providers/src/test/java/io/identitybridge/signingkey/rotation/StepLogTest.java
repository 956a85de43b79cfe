package io.identitybridge.signingkey.rotation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepLogTest {

    private static final RotationPolicy POLICY = new RotationPolicy(60, 15, 20, "RS256");
    private static final String PREFIX = "Identity Bridge: realm 'creatio' signing key kid 'K' ";

    private static RealmKey key(String kid, KeyState state) {
        return new RealmKey("id-" + kid, kid, "RS256", 1, state == KeyState.ACTIVE, state, 0);
    }

    private static String line(KeyStep step, long nextAnnouncement) {
        return StepLog.line("creatio", step, "K", POLICY, 1000, nextAnnouncement);
    }

    @Test
    void anAdoptionSaysWhenTheSuccessorIsAnnounced() {
        assertEquals(PREFIX + "(RS256) joins the rotation schedule as the active key; its successor is announced at "
                + StepLog.at(1045), line(new KeyStep.Adopt(key("K", null)), 0));
    }

    @Test
    void anAnnouncementSaysWhenTheKeySigns() {
        assertEquals(PREFIX + "(RS256) is announced: published in the JWKS, it signs from " + StepLog.at(1015),
                line(new KeyStep.Announce("RS256", 2), 0));
    }

    @Test
    void anActivationNamesTheKeysMadePassive() {
        KeyStep step = new KeyStep.Activate(key("K", KeyState.ANNOUNCED), List.of(key("A", KeyState.ACTIVE), key("B", KeyState.ACTIVE)));
        assertEquals(PREFIX + "(RS256) signs from now until " + StepLog.at(1060) + "; passive and published until "
                + StepLog.at(1020) + ": 'A', 'B'", line(step, 0));
    }

    @Test
    void aRemovalSaysWhyAndWhenTheNextKeyIsAnnounced() {
        assertEquals(PREFIX + "is removed from the JWKS: its retention ended; the next key is announced at " + StepLog.at(2000),
                line(new KeyStep.Remove(key("K", KeyState.PASSIVE)), 2000));
        assertEquals(PREFIX + "is removed from the JWKS: a newer key was announced in its place",
                line(new KeyStep.Remove(key("K", KeyState.ANNOUNCED)), 0));
    }
}
