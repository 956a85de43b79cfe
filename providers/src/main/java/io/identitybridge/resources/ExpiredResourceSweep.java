package io.identitybridge.resources;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

import java.util.List;

/**
 * Removes expired resources with their scopes and grants. Tokens already refuse an expired scope at once (see
 * {@link ResourceScopes#expired}); this only tidies up. Run through Keycloak's cluster-aware runner: one node per interval.
 */
final class ExpiredResourceSweep implements ScheduledTask {

    static final String TASK_NAME = "identity-bridge-expired-resources";
    private static final Logger LOG = Logger.getLogger(ExpiredResourceSweep.class);
    private static final int BATCH = 200;

    @Override
    public void run(KeycloakSession session) {
        ResourceStore store = new ResourceStore(session);
        List<OwnedResourceEntity> expired = store.expired(System.currentTimeMillis(), BATCH);
        for (OwnedResourceEntity e : expired) {
            // A row whose realm is gone still goes, or it would head every later batch.
            store.remove(session.realms().getRealm(e.getRealmId()), e);
        }
        if (!expired.isEmpty()) {
            LOG.infof("Removed %d expired resource(s) and their client scopes", expired.size());
        }
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
