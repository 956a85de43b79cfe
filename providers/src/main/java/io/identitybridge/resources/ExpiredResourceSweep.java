package io.identitybridge.resources;

import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.console.ResourceMirror;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

import java.util.List;

/**
 * Removes expired resources with their scopes and grants. Tokens already refuse an expired scope at once (see
 * {@link ResourceScopes#expired}); this only tidies up. Then brings the admin console's resource rows up to date.
 * Run through Keycloak's cluster-aware runner: one node per interval.
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
        RealmModel realm = session.realms().getRealmByName(session.getProvider(IdentityBridgeProvider.class).settings().realm());
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
