package io.identitybridge.spi;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * The boilerplate of a realm REST extension without settings: a subclass names its path (the provider id, which
 * Keycloak matches case-sensitively) and makes the endpoint for one request.
 */
public abstract class RealmEndpointFactory implements RealmResourceProviderFactory, ProviderFactoryDefaults<RealmResourceProvider> {

    /** The JAX-RS object for one request; its root method needs {@code @Path("")} on Keycloak 26.7. */
    protected abstract Object endpoint(KeycloakSession session);

    @Override
    public final RealmResourceProvider create(KeycloakSession session) {
        return new RealmEndpointProvider(endpoint(session));
    }
}
