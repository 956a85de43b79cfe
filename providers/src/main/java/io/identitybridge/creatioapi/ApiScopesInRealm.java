package io.identitybridge.creatioapi;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Makes sure the bridge realm defines every API scope, also when it was imported before a scope existed (a realm is
 * imported once; Creatio 8.2.1+ added three scopes later). A missing scope is added as the realm file defines it; an
 * existing one is left as the operator has it.
 */
public final class ApiScopesInRealm {

    private static final Logger LOG = Logger.getLogger(ApiScopesInRealm.class);

    private ApiScopesInRealm() {
    }

    public static void ensure(RealmModel realm) {
        Set<String> present = realm.getClientScopesStream().map(ClientScopeModel::getName).collect(Collectors.toSet());
        for (String name : new TreeSet<>(ApiScopes.ALL)) {
            if (present.contains(name)) {
                continue;
            }
            ClientScopeModel scope = realm.addClientScope(name);
            scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            scope.setDescription("Identity Service API scope (added by Identity Bridge at boot)");
            scope.setIncludeInTokenScope(true);
            scope.setDisplayOnConsentScreen(false);
            scope.setAttribute("include.in.openid.provider.metadata", "true");
            LOG.infof("Added client scope '%s' to realm '%s'", name, realm.getName());
        }
    }
}
