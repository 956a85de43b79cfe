package io.identitybridge.ownedresources;

import io.identitybridge.audit.AuditTrail;
import io.identitybridge.config.BridgeRealm;
import io.identitybridge.metrics.AfterCommit;
import io.identitybridge.metrics.BridgeMetrics;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Removes expired resources with their scopes and grants. Tokens already refuse an expired scope at once (see
 * {@link io.identitybridge.vocabulary.ResourceScopeAttributes#expired}); this only tidies up. Then brings the admin console's resource rows up to date.
 * Every node's timer fires each interval; Keycloak's cluster-aware runner only keeps two nodes from sweeping at the
 * same moment (it frees its lock when the task ends), so the sweep also claims the interval in the cluster-wide
 * single-use store: one node per interval sweeps, the others skip.
 */
public final class ExpiredResourceSweep implements ScheduledTask {

    public static final String TASK_NAME = "identity-bridge-expired-resources";
    private static final Logger LOG = Logger.getLogger(ExpiredResourceSweep.class);
    private static final int BATCH = 200;
    private static final String CLAIM_KEY = "identity-bridge:expired-resource-sweep";

    private final int intervalSeconds;

    public ExpiredResourceSweep(int intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    @Override
    public void run(KeycloakSession session) {
        // Held for one interval and never released early, unlike the runner's lock.
        if (!session.singleUseObjects().putIfAbsent(CLAIM_KEY, intervalSeconds)) {
            LOG.debugf("Expired-resource sweep skipped: another node swept within the last %d s", intervalSeconds);
            BridgeMetrics.sweepRun(BridgeMetrics.SKIPPED, 0);
            return;
        }
        LOG.debugf("Expired-resource sweep runs on this node for the next %d s", intervalSeconds);
        ResourceStore store = new ResourceStore(session);
        List<OwnedResourceEntity> expired = store.expired(System.currentTimeMillis(), BATCH);
        // Counted once the runner's transaction has committed the removals; a rolled-back sweep removed nothing.
        AfterCommit.record(session, () -> BridgeMetrics.sweepRun(BridgeMetrics.SWEPT, expired.size()),
                () -> BridgeMetrics.sweepRun(BridgeMetrics.FAILED, 0));
        for (OwnedResourceEntity e : expired) {
            // A row whose realm is gone still goes, or it would head every later batch.
            RealmModel of = session.realms().getRealm(e.getRealmId());
            store.remove(of, e);
            if (of != null) {
                AuditTrail.bySystem(session, of, TASK_NAME).resource(OperationType.DELETE, e.getName(), null,
                        () -> Map.of("name", e.getName(), "expirationDate", Instant.ofEpochMilli(e.getExpiresAt()).toString()));
            }
        }
        if (!expired.isEmpty()) {
            LOG.infof("Removed %d expired resource(s) and their client scopes", expired.size());
        }
        RealmModel realm = BridgeRealm.find(session);
        if (realm != null) {
            // The console's rows follow here, once per interval, rather than in every register: each write of a
            // component invalidates the cached realm, which would make registration slower the more resources exist.
            ResourceMirror.reconcile(session, realm, store.newestLive(realm, System.currentTimeMillis(), ResourceMirror.MAX_ROWS),
                    r -> session.clients().getClientById(realm, r.getOwnerId()));
        }
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
