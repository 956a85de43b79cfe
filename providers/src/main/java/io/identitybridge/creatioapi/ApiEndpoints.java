package io.identitybridge.creatioapi;

import java.util.Map;

/**
 * A Creatio API as its provider factory mounts it at {@code /realms/{realm}/<id>}: served by {@link ApiOperations},
 * and listed by ServiceInfo from every such factory Keycloak has deployed.
 */
public interface ApiEndpoints {

    /** The provider id: the path under the realm, which Keycloak matches case-sensitively. */
    String getId();

    /** Operation name (the path segment after the id) → operation. */
    Map<String, ApiOperation> operations();
}
