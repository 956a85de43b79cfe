package io.identitybridge.ownedresources;

import io.identitybridge.boot.DefaultIdentityBridgeProviderFactory;
import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.config.IdentityBridgeSettings;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Our table in Keycloak's persistence unit, and the things that keep it true: the lifecycle listener and the
 * cluster-aware expiry sweep (scheduled once the database is migrated).
 */
public class OwnedResourceEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "identity-bridge-resources";

    private static final OwnedResourceEntityProvider PROVIDER = new OwnedResourceEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        IdentityBridgeSettings settings =
                ((DefaultIdentityBridgeProviderFactory) factory.getProviderFactory(IdentityBridgeProvider.class)).settings();
        ResourceLifecycle lifecycle = new ResourceLifecycle(settings.realm());
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                schedule(factory, settings.resourceSweepSeconds());
            } else {
                lifecycle.onEvent(event);
            }
        });
    }

    private static void schedule(KeycloakSessionFactory factory, int intervalSeconds) {
        long intervalMillis = intervalSeconds * 1000L;
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).schedule(
                    new ClusterAwareScheduledTaskRunner(factory, new ExpiredResourceSweep(intervalSeconds), intervalMillis),
                    intervalMillis, ExpiredResourceSweep.TASK_NAME);
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
