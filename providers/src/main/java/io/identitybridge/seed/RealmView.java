package io.identitybridge.seed;

import java.util.Set;
import java.util.SortedMap;

/** What planning needs to know of the realm; the Keycloak-backed view is {@link KeycloakRealmView}. */
public interface RealmView {

    String realmName();

    /** OpenID Connect client scope names of the realm. */
    Set<String> scopeNames();

    /** The current state of a client over the {@link ClientFieldTable} keys, or null if it does not exist. */
    SortedMap<String, String> clientState(String clientId);

    /** The current state of a client scope, or null if it does not exist. */
    SortedMap<String, String> scopeState(String name);

    /** ClientIds that carry the seeded marker. */
    Set<String> seededClientIds();

    /** The realm's SSO Session Idle in seconds, which a client's session idle may not exceed (0: no cap known). */
    default int ssoSessionIdle() {
        return 0;
    }

    /** The realm's SSO Session Max in seconds, which a client's session max may not exceed (0: no cap known). */
    default int ssoSessionMax() {
        return 0;
    }

    /** Keycloak's own clients (admin-cli, account, realm-management, ...), which seeding never touches. */
    boolean isBuiltIn(String clientId);
}
