package io.identitybridge.boot;

import io.identitybridge.browsertokens.BrowserTokensPolicy;
import io.identitybridge.config.BridgeRealm;
import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.creatioapi.ApiScopesInRealm;
import io.identitybridge.metrics.BridgeMetrics;
import io.identitybridge.ownedresources.ExpiredResourceSweep;
import io.identitybridge.ownedresources.ResourceLifecycle;
import io.identitybridge.secrets.ClientAuthFlow;
import io.identitybridge.signingkey.KeyRotationTask;
import io.identitybridge.signingkey.SigningCertificate;
import io.identitybridge.signingkey.SigningKeyOnBoot;
import io.identitybridge.signingkey.rotation.RotationSettings;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Everything the bundle does at start, in one place and in this order, once Keycloak has migrated and imported realms
 * ({@code PostMigrationEvent}): the realm's browser-tokens policy and API scopes, the signing key, seeding, the order
 * of the realm's client-authentication flow, then the expired-resource sweep. Every other event goes to the owned
 * resources' lifecycle listener.
 */
final class BootSequence implements ProviderEventListener {

    private final KeycloakSessionFactory factory;
    private final IdentityBridgeSettings settings;
    /** Null when no signing certificate is configured. */
    private final SigningCertificate signingCertificate;
    private final RotationSettings rotation;
    private final ResourceLifecycle lifecycle = new ResourceLifecycle();

    BootSequence(KeycloakSessionFactory factory, IdentityBridgeSettings settings, SigningCertificate signingCertificate,
                 RotationSettings rotation) {
        this.factory = factory;
        this.settings = settings;
        this.signingCertificate = signingCertificate;
        this.rotation = rotation;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (!(event instanceof PostMigrationEvent)) {
            lifecycle.onEvent(event);
            return;
        }
        BridgeMetrics.register();
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = BridgeRealm.find(session);
            if (realm != null) {
                BrowserTokensPolicy.ensure(session, realm);
                ApiScopesInRealm.ensure(realm);
            }
        });
        SigningKeyOnBoot.run(factory, settings.realm(), signingCertificate, rotation);
        SeedOnBoot.run(factory, settings);
        // After seeding: a realm changed (so evicted from the cache) before it makes seeding's nested session read it
        // anew from the database, and its write of the seeding record then fails.
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = BridgeRealm.find(session);
            if (realm != null) {
                ClientAuthFlow.ensureFirst(realm);
            }
        });
        scheduleSweep(settings.resourceSweepSeconds());
        KeyRotationTask keys = new KeyRotationTask(rotation, KeyRotationTask.tickSeconds(rotation));
        // Once now, so that the schedule and the console's key page start with the server, then every tick.
        KeycloakModelUtils.runJobInTransaction(factory, keys::run);
        schedule(keys, KeyRotationTask.tickSeconds(rotation), KeyRotationTask.TASK_NAME);
    }

    private void schedule(org.keycloak.timer.ScheduledTask task, int intervalSeconds, String name) {
        long intervalMillis = intervalSeconds * 1000L;
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).schedule(
                    new ClusterAwareScheduledTaskRunner(factory, task, intervalMillis), intervalMillis, name);
        }
    }

    /** Keycloak's cluster-aware runner: one node at a time runs the sweep (which also claims the interval itself). */
    private void scheduleSweep(int intervalSeconds) {
        schedule(new ExpiredResourceSweep(intervalSeconds), intervalSeconds, ExpiredResourceSweep.TASK_NAME);
    }
}
