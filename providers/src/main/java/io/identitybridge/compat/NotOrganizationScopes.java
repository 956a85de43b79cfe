package io.identitybridge.compat;

import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.organization.protocol.mappers.oidc.OrganizationMembershipMapper;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keycloak's organization feature asks of every name in a token request's {@code scope} whether it is an organization
 * scope, and finds out by building the client's whole map of optional scopes (one cache lookup per scope) for each
 * name, twice per token: for a grantee of n resources, whose request names every one of them, n² lookups, a sixth of
 * its token's cost at n = 20. Keycloak keeps the names it found to be none in a per-request session attribute; this
 * fills it in advance from the map the grant type already holds, with exactly the names Keycloak would put there: an
 * optional scope of the client without an organization-membership mapper, named without the {@code :} of a
 * parameterised organization scope. Should Keycloak rename that attribute, only the saving is lost.
 */
final class NotOrganizationScopes {

    /** {@code OrganizationScope.UNSUPPORTED_ORGANIZATION_SCOPES_ATTRIBUTE} of Keycloak 26. */
    static final String ATTRIBUTE = "kc.org.client.scope.unsupported";

    private NotOrganizationScopes() {
    }

    /** Adds the names of {@code scopes} (space-separated, or null) that are no organization scope of the client. */
    @SuppressWarnings("unchecked")
    static void mark(KeycloakSession session, Map<String, ClientScopeModel> optional, String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return;
        }
        Set<String> known = session.getAttribute(ATTRIBUTE, Set.class);
        // A set of our own: Keycloak adds to the one it finds there.
        Set<String> names = known == null ? new HashSet<>() : new HashSet<>(known);
        for (String name : scopes.split(" ")) {
            ClientScopeModel scope = optional.get(name);
            if (scope != null && name.indexOf(':') < 0 && scope.getProtocolMappersStream()
                    .noneMatch(m -> OrganizationMembershipMapper.PROVIDER_ID.equals(m.getProtocolMapper()))) {
                names.add(name);
            }
        }
        if (!names.isEmpty()) {
            session.setAttribute(ATTRIBUTE, names);
        }
    }
}
