package io.identitybridge.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identitybridge.seed.ClientFields;
import io.identitybridge.seed.SecretHashes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.authentication.authenticators.client.ClientAuthUtil;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.util.BasicAuthHelper;

import java.io.IOException;

/**
 * Client authentication against several IdentityServer4-style secrets: each stored as a SHA-256/512 hash with an
 * optional expiry in the client attribute {@code ib.secrets}. Accepts client_secret_basic and client_secret_post and
 * answers exactly as Keycloak's own client-secret authenticator does.
 */
public class IdentityServerSecretAuthenticator implements ClientAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void authenticateClient(ClientAuthenticationFlowContext context) {
        String clientId = null;
        String secret = null;
        String header = context.getHttpRequest().getHttpHeaders().getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            String[] basic = BasicAuthHelper.RFC6749.parseHeader(header);
            if (basic != null) {
                clientId = basic[0];
                secret = basic[1];
            }
        }
        MediaType type = context.getHttpRequest().getHttpHeaders().getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
            if (form.containsKey(OAuth2Constants.CLIENT_ID)) {
                clientId = form.getFirst(OAuth2Constants.CLIENT_ID);
            }
            if (secret == null && form.containsKey(OAuth2Constants.CLIENT_SECRET)) {
                secret = form.getFirst(OAuth2Constants.CLIENT_SECRET);
            }
        }
        if (clientId == null) {
            context.challenge(ClientAuthUtil.errorResponse(400, "invalid_client", "Missing client_id parameter"));
            return;
        }
        context.getEvent().client(clientId);
        ClientModel client = context.getSession().clients().getClientByClientId(context.getRealm(), clientId);
        if (client == null) {
            context.failure(AuthenticationFlowError.CLIENT_NOT_FOUND, null);
            return;
        }
        context.setClient(client);
        if (!client.isEnabled()) {
            context.failure(AuthenticationFlowError.CLIENT_DISABLED, null);
            return;
        }
        if (secret == null) {
            context.challenge(invalid());
            return;
        }
        if (!matchesAny(client.getAttribute(ClientFields.ATTR_SECRETS), secret)) {
            context.failure(AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS, invalid());
            return;
        }
        context.success();
    }

    /** Checks every unexpired hash, without stopping at the first match, so timing says nothing about which. */
    static boolean matchesAny(String stored, String secret) {
        if (stored == null || stored.isEmpty()) {
            return false;
        }
        JsonNode entries;
        try {
            entries = JSON.readTree(stored);
        } catch (IOException e) {
            return false;
        }
        long now = Time.currentTime();
        boolean ok = false;
        for (JsonNode entry : entries) {
            boolean match = SecretHashes.matches(secret, entry.path("hash").asText(""));
            boolean live = !entry.has("expires") || entry.get("expires").asLong() > now;
            ok |= match && live;
        }
        return ok;
    }

    private static Response invalid() {
        return ClientAuthUtil.errorResponse(401, "unauthorized_client", "Invalid client or Invalid client credentials");
    }

    @Override
    public void close() {
    }
}
