package io.identitybridge.seed;

import io.identitybridge.vocabulary.BuiltInClients;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.ResourceScopeAttributes;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@link RealmView} over a live realm, read inside the caller's transaction. */
final class KeycloakRealmView implements RealmView {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Set<String> scopeKeys;
    private Map<String, ClientScopeModel> scopes;

    KeycloakRealmView(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.scopeKeys = ScopeSpecReader.KEYS;
    }

    @Override
    public String realmName() {
        return realm.getName();
    }

    @Override
    public Set<String> scopeNames() {
        return scopes().keySet();
    }

    @Override
    public SortedMap<String, String> clientState(String clientId) {
        ClientModel client = session.clients().getClientByClientId(realm, clientId);
        return client == null ? null : ClientStateIO.read(client);
    }

    @Override
    public SortedMap<String, String> scopeState(String name) {
        ClientScopeModel scope = scopes().get(name);
        return scope == null ? null : ScopeStateIO.read(scope, scopeKeys);
    }

    @Override
    public Set<String> seededClientIds() {
        // A scan, not searchClientsByAttributes: that only works for attributes an operator declared searchable, and
        // pruning is an opt-in that runs rarely.
        return session.clients().getClientsStream(realm)
                .filter(c -> "true".equals(c.getAttribute(ClientFields.ATTR_SEEDED)))
                .map(ClientModel::getClientId).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public int ssoSessionIdle() {
        return realm.getSsoSessionIdleTimeout();
    }

    @Override
    public int ssoSessionMax() {
        return realm.getSsoSessionMaxLifespan();
    }

    @Override
    public boolean isBuiltIn(String clientId) {
        return BuiltInClients.isBuiltIn(realm, clientId);
    }

    private Map<String, ClientScopeModel> scopes() {
        if (scopes == null) {
            scopes = realm.getClientScopesStream()
                    .filter(s -> OIDCLoginProtocol.LOGIN_PROTOCOL.equals(s.getProtocol()) && !ResourceScopeAttributes.isResource(s))
                    .collect(Collectors.toMap(ClientScopeModel::getName, s -> s, (a, b) -> a));
        }
        return scopes;
    }
}
