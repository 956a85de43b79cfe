package io.identitybridge.spi;

import org.keycloak.services.resource.RealmResourceProvider;

/** Hands Keycloak one request's JAX-RS endpoint object under {@code /realms/{realm}/<factory id>}. */
public final class RealmEndpointProvider implements RealmResourceProvider {

    private final Object endpoint;

    RealmEndpointProvider(Object endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Object getResource() {
        return endpoint;
    }

    @Override
    public void close() {
    }
}
