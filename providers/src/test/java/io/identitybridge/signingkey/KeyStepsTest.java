package io.identitybridge.signingkey;

import io.identitybridge.metrics.SigningKeyStep;
import io.identitybridge.signingkey.rotation.KeyState;
import io.identitybridge.signingkey.rotation.KeyStep;
import io.identitybridge.signingkey.rotation.RealmKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyStepsTest {

    private static final RealmKey KEY = new RealmKey("id", "kid", "RS256", 1, true, KeyState.ACTIVE, 0);

    private static List<SigningKeyStep> counted(KeyStep step) {
        List<SigningKeyStep> counted = new ArrayList<>();
        KeySteps.count(counted::add, step);
        return counted;
    }

    @Test
    void eachScheduleStepCountsAsItsMetricStep() {
        assertEquals(List.of(SigningKeyStep.ADOPTED), counted(new KeyStep.Adopt(KEY)));
        assertEquals(List.of(SigningKeyStep.ANNOUNCED), counted(new KeyStep.Announce("RS256", 2)));
        assertEquals(List.of(SigningKeyStep.REMOVED), counted(new KeyStep.Remove(KEY)));
    }

    @Test
    void anActivationAlsoCountsEveryKeyItMadePassive() {
        assertEquals(List.of(SigningKeyStep.ACTIVATED, SigningKeyStep.MADE_PASSIVE, SigningKeyStep.MADE_PASSIVE),
                counted(new KeyStep.Activate(KEY, List.of(KEY, KEY))));
        assertEquals(List.of(SigningKeyStep.ACTIVATED), counted(new KeyStep.Activate(KEY, List.of())));
    }
}
