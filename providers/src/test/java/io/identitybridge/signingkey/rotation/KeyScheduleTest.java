package io.identitybridge.signingkey.rotation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyScheduleTest {

    private static final RotationPolicy POLICY = new RotationPolicy(60, 15, 20, "RS256");

    private static RealmKey cert(long since) {
        return new RealmKey("c1", "THUMBRS256", "RS256", 1_000_000, true, KeyState.ACTIVE, since);
    }

    @Test
    void theMigratedCertificateIsAdoptedAsTheFirstActiveKey() {
        RealmKey unscheduled = new RealmKey("c1", "THUMBRS256", "RS256", 1_000_000, true, null, 0);
        List<KeyStep> steps = KeySchedule.due(List.of(unscheduled), POLICY, 1000);
        assertEquals(List.of(new KeyStep.Adopt(unscheduled)), steps);
    }

    @Test
    void aSuccessorIsAnnouncedAPropagationTimeBeforeTheRotationAboveEveryPriority() {
        assertEquals(List.of(), KeySchedule.due(List.of(cert(1000)), POLICY, 1044));
        assertEquals(List.of(new KeyStep.Announce("RS256", 1_000_001)), KeySchedule.due(List.of(cert(1000)), POLICY, 1045));
    }

    @Test
    void theAnnouncedKeySignsOnlyAfterItWasPublishedForThePropagationTime() {
        RealmKey next = new RealmKey("n1", "k2", "RS256", 1_000_001, false, KeyState.ANNOUNCED, 1045);
        assertEquals(List.of(), KeySchedule.due(List.of(cert(1000), next), POLICY, 1059));
        List<KeyStep> steps = KeySchedule.due(List.of(cert(1000), next), POLICY, 1060);
        assertEquals(List.of(new KeyStep.Activate(next, List.of(cert(1000)))), steps);
    }

    @Test
    void aLateNodeStillWaitsThePropagationTimeFromTheAnnouncement() {
        // The server was down past the rotation time: the new key is announced now, never activated unannounced.
        assertEquals(List.of(new KeyStep.Announce("RS256", 1_000_001)), KeySchedule.due(List.of(cert(1000)), POLICY, 5000));
    }

    @Test
    void aPassiveKeyIsRemovedWhenItsRetentionEndsAndNotBefore() {
        RealmKey old = new RealmKey("c1", "THUMBRS256", "RS256", 1_000_000, false, KeyState.PASSIVE, 1060);
        RealmKey now = new RealmKey("n1", "k2", "RS256", 1_000_001, true, KeyState.ACTIVE, 1060);
        assertEquals(List.of(), KeySchedule.due(List.of(old, now), POLICY, 1079));
        assertEquals(List.of(new KeyStep.Remove(old)), KeySchedule.due(List.of(old, now), POLICY, 1080));
    }

    @Test
    void ofTwoAnnouncedKeysTheOlderOneIsRemoved() {
        RealmKey a = new RealmKey("a", "ka", "RS256", 1_000_001, false, KeyState.ANNOUNCED, 1045);
        RealmKey b = new RealmKey("b", "kb", "RS256", 1_000_002, false, KeyState.ANNOUNCED, 1046);
        List<KeyStep> steps = KeySchedule.due(List.of(cert(1000), a, b), POLICY, 1050);
        assertEquals(List.of(new KeyStep.Remove(a)), steps);
    }

    @Test
    void everyOtherActiveKeyIsPassivatedOnActivationSoThatOneKeySigns() {
        RealmKey generated = new RealmKey("g", "kg", "RS256", 100, true, null, 0);
        RealmKey next = new RealmKey("n1", "k2", "ES256", 1_000_001, false, KeyState.ANNOUNCED, 1045);
        List<KeyStep> steps = KeySchedule.due(List.of(generated, cert(1000), next), POLICY, 1060);
        KeyStep.Activate activate = assertInstanceOf(KeyStep.Activate.class, steps.get(0));
        assertEquals(List.of(generated, cert(1000)), activate.passivated());
    }

    @Test
    void aWholeScheduleRunsOnceEachStepAndNeverLeavesATimeWithoutAPublishedSigningKey() {
        List<RealmKey> keys = new ArrayList<>(List.of(new RealmKey("c1", "THUMBRS256", "RS256", 1_000_000, true, null, 0)));
        List<String> log = new ArrayList<>();
        int generated = 0;
        for (long t = 1000; t <= 1300; t++) {
            for (KeyStep step : KeySchedule.due(keys, POLICY, t)) {
                log.add(t + " " + step.getClass().getSimpleName());
                if (step instanceof KeyStep.Adopt a) {
                    keys.replaceAll(k -> k.id().equals(a.key().id()) ? k.in(KeyState.ACTIVE, a.key().active() ? 1000 : 0) : k);
                } else if (step instanceof KeyStep.Announce an) {
                    keys.add(new RealmKey("g" + ++generated, "k" + generated, an.algorithm(), an.priority(), false, KeyState.ANNOUNCED, t));
                } else if (step instanceof KeyStep.Activate ac) {
                    long at = t;
                    keys.replaceAll(k -> k.id().equals(ac.key().id()) ? k.in(KeyState.ACTIVE, at)
                            : ac.passivated().contains(k) ? k.in(KeyState.PASSIVE, at) : k);
                } else if (step instanceof KeyStep.Remove r) {
                    keys.removeIf(k -> k.id().equals(r.key().id()));
                }
            }
            assertEquals(1, keys.stream().filter(RealmKey::active).count(), "one signing key at " + t);
        }
        assertEquals(List.of("1000 Adopt", "1045 Announce", "1060 Activate", "1080 Remove", "1105 Announce", "1120 Activate",
                "1140 Remove", "1165 Announce", "1180 Activate", "1200 Remove", "1225 Announce", "1240 Activate", "1260 Remove",
                "1285 Announce", "1300 Activate"), log);
        assertTrue(keys.stream().noneMatch(k -> k.id().equals("c1")), "the certificate went through the same steps");
    }

    @Test
    void propagationLongerThanTheRotationIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RotationPolicy(60, 61, 20, "RS256"));
        assertTrue(e.getMessage().contains("61s"), e.getMessage());
    }
}
