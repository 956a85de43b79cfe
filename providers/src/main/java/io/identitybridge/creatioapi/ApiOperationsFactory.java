package io.identitybridge.creatioapi;

import io.identitybridge.spi.RealmEndpointFactory;
import org.keycloak.models.KeycloakSession;

import java.util.Map;

/**
 * A Creatio API as Keycloak mounts it at {@code /realms/{realm}/<id>}: a table of operations served by
 * {@link ApiOperations}. ServiceInfo lists the operations of every such factory Keycloak has deployed.
 */
public abstract class ApiOperationsFactory extends RealmEndpointFactory {

    /** Operation name (the path segment after the id) → operation. */
    public abstract Map<String, ApiOperation> operations();

    @Override
    protected final Object endpoint(KeycloakSession session) {
        return new ApiOperations(session, getId(), operations());
    }
}
