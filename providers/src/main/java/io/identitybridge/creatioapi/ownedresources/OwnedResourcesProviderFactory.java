package io.identitybridge.creatioapi.ownedresources;

import io.identitybridge.rest.RealmEndpointFactory;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link OwnedResourcesEndpoint} at {@code /realms/{realm}/OwnedResources}, the path Creatio calls (case-sensitive). */
public class OwnedResourcesProviderFactory extends RealmEndpointFactory {

    public static final String PROVIDER_ID = "OwnedResources";

    @Override
    protected Object endpoint(KeycloakSession session) {
        return new OwnedResourcesEndpoint(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
