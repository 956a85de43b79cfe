package io.identitybridge.compat;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.stream.Stream;

/**
 * Whether a token request asked for {@code offline_access}, answered from the request's own few scopes. Keycloak
 * answers it with {@code KeycloakModelUtils.getClientScopeByName}, which loads every client scope of the realm, twice
 * per token: with one scope per OwnedResource, that scan was most of a token's cost in a realm with many resources.
 * The answer is the same: scope names are unique in a realm, so the realm's {@code offline_access} scope is among the
 * request's scopes exactly when one of them has that name. Undecided (null) only in the case Keycloak's lookup falls
 * back to a client whose clientId is {@code offline_access}; Keycloak's own lookup then runs.
 */
final class OfflineAccessScope {

    /**
     * Stands for the realm's {@code offline_access} scope in a request that did not ask for it: named so, with an id
     * no scope or client has (a NUL never is in one). Keycloak's lookup by name then stops at it, as it stops at the
     * realm's own scope, instead of looking for a client named {@code offline_access}, a query per token (Keycloak's
     * cache keeps no negative answer).
     */
    static final ClientScopeModel NOT_ASKED = (ClientScopeModel) Proxy.newProxyInstance(ClientScopeModel.class.getClassLoader(),
            new Class<?>[] {ClientScopeModel.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getName" -> OAuth2Constants.OFFLINE_ACCESS;
                case "getId" -> "\0ib-offline-access-not-asked";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "offline_access (not asked)";
                default -> throw new UnsupportedOperationException("ClientScopeModel." + method.getName());
            });

    private OfflineAccessScope() {
    }

    /** The request's {@code offline_access} scope, {@link #NOT_ASKED} if it has none, or null if undecided. */
    static ClientScopeModel asked(KeycloakSession session, RealmModel realm, ClientSessionContext ctx) {
        ClientModel self = ctx.getClientSession().getClient();
        ClientScopeModel found = NOT_ASKED;
        for (String id : ctx.getClientScopeIds()) {
            ClientScopeModel scope = id.equals(self.getId()) ? null : session.clientScopes().getClientScopeById(realm, id);
            if (scope == null) {
                ClientModel client = id.equals(self.getId()) ? self : realm.getClientById(id);
                if (client == null || OAuth2Constants.OFFLINE_ACCESS.equals(client.getClientId())) {
                    return null;
                }
            } else if (OAuth2Constants.OFFLINE_ACCESS.equals(scope.getName())) {
                found = scope;
            }
        }
        return found;
    }

    /**
     * The realm as Keycloak's token code sees it, except that its list of client scopes is {@code offline} alone (the
     * request's scope or {@link #NOT_ASKED}): only for a code that looks that one scope up by name.
     */
    static RealmModel lookingUpOnly(RealmModel realm, ClientScopeModel offline) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getClientScopesStream") && method.getParameterCount() == 0) {
                        return Stream.of(offline);
                    }
                    try {
                        return method.invoke(realm, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
