package io.identitybridge.compat;

import io.identitybridge.config.BridgeRealm;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProvider;
import org.keycloak.representations.AccessToken;

/**
 * IdentityServer4's introspection rule: a client may introspect the tokens issued to it as well as those whose
 * {@code aud} names it. Keycloak 26.7 alone requires the caller in {@code aud}; everything else stays its own.
 */
public class IssuedToIntrospectionProvider extends AccessTokenIntrospectionProvider<AccessToken> {

    public IssuedToIntrospectionProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    protected boolean verifyAudience() {
        ClientModel caller = session.getContext().getClient();
        if (caller != null && token != null && caller.getClientId().equals(token.getIssuedFor()) && BridgeRealm.serves(session, realm)) {
            return true;
        }
        return super.verifyAudience();
    }
}
