package io.identitybridge.signingkey;

import io.identitybridge.config.BridgeRealm;
import io.identitybridge.signingkey.rotation.KeySchedule;
import io.identitybridge.signingkey.rotation.KeyState;
import io.identitybridge.signingkey.rotation.KeyStep;
import io.identitybridge.signingkey.rotation.KeyStepApplier;
import io.identitybridge.signingkey.rotation.RealmKey;
import io.identitybridge.signingkey.rotation.RealmKeys;
import io.identitybridge.signingkey.rotation.RotationPolicy;
import io.identitybridge.signingkey.rotation.RotationSettings;
import io.identitybridge.signingkey.rotation.StepLog;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the signing-key schedule while the server runs. Every node's timer fires each tick; the first node to claim the
 * tick in the cluster-wide single-use store acts, the others skip, and the next tick reads what it wrote. Also removes
 * a retired certificate key when its time comes, with or without rotation.
 */
public final class KeyRotationTask implements ScheduledTask {

    public static final String TASK_NAME = "identity-bridge-signing-key-rotation";
    private static final Logger LOG = Logger.getLogger(KeyRotationTask.class);
    private static final String CLAIM_KEY = "identity-bridge:signing-key-rotation";

    private final RotationSettings settings;
    private final int tickSeconds;

    public KeyRotationTask(RotationSettings settings, int tickSeconds) {
        this.settings = settings;
        this.tickSeconds = tickSeconds;
    }

    /** Often enough that a step is late by a tenth of the shortest wait at most; at least once a minute. */
    public static int tickSeconds(RotationSettings settings) {
        if (!settings.enabled()) {
            return 60;
        }
        return (int) Math.max(1, Math.min(60, Math.min(settings.propagation(), settings.retention()) / 10));
    }

    @Override
    public void run(KeycloakSession session) {
        if (!session.singleUseObjects().putIfAbsent(CLAIM_KEY, tickSeconds)) {
            return;
        }
        RealmModel realm = BridgeRealm.find(session);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        long now = Time.currentTime();
        Consumer<io.identitybridge.metrics.SigningKeyStep> counter = KeySteps.counter(session);
        RetiredCertificates.removeDue(realm, now, counter);
        List<RealmKey> keys = RealmKeys.read(session, realm);
        // The retention only matters while a key is announced or passive; reading every client's lifetimes each tick
        // would cost a pass over all clients of a large realm for nothing.
        boolean retentionUsed = keys.stream().anyMatch(k -> k.state() == KeyState.ANNOUNCED || k.state() == KeyState.PASSIVE);
        RotationPolicy policy = settings.enabled()
                ? settings.policy(RealmKeys.signingAlgorithm(realm), retentionUsed ? RealmKeys.longestTokenLifetime(realm) : 0) : null;
        List<KeyStep> steps = policy == null ? List.of() : KeySchedule.due(keys, policy, now);
        if (steps.isEmpty()) {
            // The console follows on a tick without steps: this session's key list does not see its own writes.
            SigningKeysMirror.reconcile(session, realm, keys, policy);
            return;
        }
        long nextAnnouncement = keys.stream().filter(k -> k.active() && k.state() == KeyState.ACTIVE)
                .mapToLong(policy::announceAt).max().orElse(0);
        for (KeyStep step : steps) {
            String kid = KeyStepApplier.apply(session, realm, step, now);
            LOG.info(StepLog.line(realm.getName(), step, kid, policy, now, nextAnnouncement));
            KeySteps.count(counter, step);
        }
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
