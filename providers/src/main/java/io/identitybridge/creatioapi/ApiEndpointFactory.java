package io.identitybridge.creatioapi;

import io.identitybridge.rest.RealmEndpointFactory;
import org.keycloak.models.KeycloakSession;

import java.util.Map;

/**
 * A Creatio API mounted at {@code /realms/{realm}/<provider id>}: a subclass names its path and its operations.
 * ServiceInfo lists the operations of every such factory Keycloak has deployed.
 */
public abstract class ApiEndpointFactory extends RealmEndpointFactory {

    /** Operation name (the path segment after the provider id) → operation. */
    public abstract Map<String, ApiOperation> operations();

    @Override
    protected final Object endpoint(KeycloakSession session) {
        return new ApiOperations(session, operations());
    }
}
