package io.identitybridge.creatioapi;

import java.util.Set;

/**
 * The scopes that guard the Identity Service API: a call's token carries IS4's local-API scope {@link #API} and the
 * scope of its operation.
 */
public final class ApiScopes {

    public static final String API = "IdentityServerApi";
    public static final String REGISTER_OWN_RESOURCE = "register_own_resource";
    public static final String GET_RESOURCE_LIST = "get_resource_list";
    public static final String FIND_CLIENTS = "find_clients";
    public static final String GET_CLIENT_INFO = "get_client_info";
    public static final String ADD_REGISTRAR_CLIENT = "add_registrar_client";
    public static final String UPDATE_CLIENT = "update_client";
    public static final String REMOVE_CLIENT = "remove_client";
    /** Creatio 8.2.1+ gives the system client these three as well. */
    public static final String GENERATE_AUTH_CODE = "generate_auth_code";
    public static final String REVOKE_CLIENT_TOKENS = "revoke_client_tokens";
    public static final String GET_SERVICE_INFO = "get_service_info";

    public static final Set<String> ALL = Set.of(API, REGISTER_OWN_RESOURCE, GET_RESOURCE_LIST, FIND_CLIENTS, GET_CLIENT_INFO,
            ADD_REGISTRAR_CLIENT, UPDATE_CLIENT, REMOVE_CLIENT, GENERATE_AUTH_CODE, REVOKE_CLIENT_TOKENS, GET_SERVICE_INFO);

    private ApiScopes() {
    }
}
