package io.identitybridge.it;

import java.util.List;

/** The eight scopes of Creatio's system client (seed 000 §8), as the realm file must define them. */
final class CreatioScopes {

    static final List<String> ALL = List.of(
            "register_own_resource", "get_resource_list", "get_client_info", "find_clients",
            "remove_client", "update_client", "add_registrar_client", "IdentityServerApi");

    private CreatioScopes() {
    }
}
