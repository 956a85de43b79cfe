package io.identitybridge.signingkey;

import io.identitybridge.metrics.AfterCommit;
import io.identitybridge.metrics.BridgeMetrics;
import io.identitybridge.metrics.SigningKeyStep;
import io.identitybridge.signingkey.rotation.KeyStep;
import org.keycloak.models.KeycloakSession;

import java.util.ArrayList;
import java.util.List;
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
        step.handle(METRIC_STEPS).forEach(counter);
    }

    private static final KeyStep.Handler<List<SigningKeyStep>> METRIC_STEPS = new KeyStep.Handler<>() {
        @Override
        public List<SigningKeyStep> adopt(KeyStep.Adopt step) {
            return List.of(SigningKeyStep.ADOPTED);
        }

        @Override
        public List<SigningKeyStep> announce(KeyStep.Announce step) {
            return List.of(SigningKeyStep.ANNOUNCED);
        }

        @Override
        public List<SigningKeyStep> activate(KeyStep.Activate step) {
            List<SigningKeyStep> steps = new ArrayList<>();
            steps.add(SigningKeyStep.ACTIVATED);
            step.passivated().forEach(k -> steps.add(SigningKeyStep.MADE_PASSIVE));
            return steps;
        }

        @Override
        public List<SigningKeyStep> remove(KeyStep.Remove step) {
            return List.of(SigningKeyStep.REMOVED);
        }
    };
}
