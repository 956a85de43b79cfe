package io.identitybridge.creatioapi.serviceinfo;

import io.identitybridge.spi.RealmEndpointFactory;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link ServiceInfoEndpoint} at {@code /realms/{realm}/ServiceInfo}. */
public class ServiceInfoProviderFactory extends RealmEndpointFactory {

    public static final String PROVIDER_ID = "ServiceInfo";

    @Override
    protected Object endpoint(KeycloakSession session) {
        return new ServiceInfoEndpoint(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
