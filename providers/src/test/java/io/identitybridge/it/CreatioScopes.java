package io.identitybridge.it;

import java.util.List;

/**
 * The eleven scopes of Creatio's system client: the eight of seed 000 §8 and the three Creatio 8.2.1+ adds (SPEC §4),
 * as the realm file must define them.
 */
final class CreatioScopes {

    static final List<String> ALL = List.of(
            "register_own_resource", "get_resource_list", "get_client_info", "find_clients",
            "remove_client", "update_client", "add_registrar_client", "IdentityServerApi",
            "generate_auth_code", "revoke_client_tokens", "get_service_info");

    private CreatioScopes() {
    }
}
