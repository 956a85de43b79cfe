package io.identitybridge.signingkey;

import io.identitybridge.metrics.AfterCommit;
import io.identitybridge.metrics.BridgeMetrics;
import io.identitybridge.metrics.SigningKeyStep;
import io.identitybridge.signingkey.rotation.KeyStep;
import org.keycloak.models.KeycloakSession;

import java.util.function.Consumer;

/** Counts signing-key steps on {@code /metrics} once their transaction has committed: a rolled-back step never counts. */
final class KeySteps {

    private KeySteps() {
    }

    static Consumer<SigningKeyStep> counter(KeycloakSession session) {
        return step -> AfterCommit.record(session, () -> BridgeMetrics.signingKeyStep(step), () -> { });
    }

    /** The metric step of a schedule step; an activation also makes the previous keys passive. */
    static void count(Consumer<SigningKeyStep> counter, KeyStep step) {
        if (step instanceof KeyStep.Adopt) {
            counter.accept(SigningKeyStep.ADOPTED);
        } else if (step instanceof KeyStep.Announce) {
            counter.accept(SigningKeyStep.ANNOUNCED);
        } else if (step instanceof KeyStep.Activate a) {
            counter.accept(SigningKeyStep.ACTIVATED);
            a.passivated().forEach(k -> counter.accept(SigningKeyStep.MADE_PASSIVE));
        } else {
            counter.accept(SigningKeyStep.REMOVED);
        }
    }
}
