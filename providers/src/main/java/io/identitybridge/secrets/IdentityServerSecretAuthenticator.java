package io.identitybridge.secrets;

import io.identitybridge.metrics.BridgeMetrics;
import io.identitybridge.metrics.ClientAuthFailure;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.SecretHashes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.authentication.authenticators.client.ClientAuthUtil;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.util.BasicAuthHelper;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Client authentication against several IdentityServer4-style secrets: each stored as a SHA-256/512 hash with an
 * optional expiry in the client attribute {@code ib.secrets}. Accepts client_secret_basic and client_secret_post and
 * answers exactly as Keycloak's own client-secret authenticator does.
 */
public class IdentityServerSecretAuthenticator implements ClientAuthenticator {

    private static final WrongSecretWatch WRONG_SECRETS = new WrongSecretWatch(System::currentTimeMillis, WrongSecretWatch.WARN_AFTER);

    /**
     * Runs first in the realm's client-authentication flow ({@link ClientAuthFlow}), so its refusal of malformed
     * credentials comes before any authenticator's client lookup: 401 invalid_client, as for an unknown client.
     */
    @Override
    public void authenticateClient(ClientAuthenticationFlowContext context) {
        refuseMalformed(context);
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
            String formId = form.getFirst(OAuth2Constants.CLIENT_ID);
            boolean formSecret = form.containsKey(OAuth2Constants.CLIENT_SECRET);
            // RFC 6749 §2.3.1: one authentication method per request. A form client_id may only repeat the header's.
            if (secret != null && (formSecret || formId != null && !formId.equals(clientId))) {
                // The flow heeds an authenticator's answer only for a client of its own type: name the header's client.
                ClientModel headerClient = context.getSession().clients().getClientByClientId(context.getRealm(), clientId);
                if (headerClient != null) {
                    context.setClient(headerClient);
                    countIfOurs(headerClient, ClientAuthFailure.CONFLICTING_CREDENTIALS);
                }
                context.challenge(ClientAuthUtil.errorResponse(400, "invalid_request",
                        "Client credentials are given both in the Authorization header and in the request body"));
                return;
            }
            if (clientId == null) {
                clientId = formId;
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
            BridgeMetrics.clientAuthFailure(ClientAuthFailure.UNKNOWN_CLIENT);
            context.failure(AuthenticationFlowError.CLIENT_NOT_FOUND, null);
            return;
        }
        context.setClient(client);
        if (!client.isEnabled()) {
            countIfOurs(client, ClientAuthFailure.DISABLED_CLIENT);
            context.failure(AuthenticationFlowError.CLIENT_DISABLED, null);
            return;
        }
        // An empty secret is no secret: never hashed, never compared.
        SecretCheck check = check(client.getAttribute(ClientFields.ATTR_SECRETS), secret);
        if (check != SecretCheck.MATCH) {
            if (ours(client)) {
                // Only our own clients' failures count: for any other, the flow asks Keycloak's authenticator next.
                WRONG_SECRETS.failed(context.getRealm().getName(), clientId);
                BridgeMetrics.clientAuthFailure(check.failure);
            }
            context.failure(AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS, invalid());
            return;
        }
        context.success();
    }

    /** Thrown, the flow stops here: the authenticators after this one never see the request. */
    private static void refuseMalformed(ClientAuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String refusal = ClientCredentialsGuard.refusal(
                context.getHttpRequest().getHttpHeaders().getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION),
                values(form, OAuth2Constants.CLIENT_ID), values(form, OAuth2Constants.CLIENT_SECRET),
                values(form, OAuth2Constants.CLIENT_ASSERTION));
        if (refusal != null) {
            BridgeMetrics.clientAuthFailure(ClientAuthFailure.MALFORMED_CREDENTIALS);
            throw new AuthenticationFlowException(refusal, AuthenticationFlowError.CLIENT_NOT_FOUND);
        }
    }

    private static List<String> values(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    /** How a given secret compares with a client's stored ones; each refusal is a reason of the metrics. */
    enum SecretCheck {
        MATCH(null), MISSING(ClientAuthFailure.MISSING_SECRET), WRONG(ClientAuthFailure.WRONG_SECRET), EXPIRED(ClientAuthFailure.EXPIRED_SECRET);

        final ClientAuthFailure failure;

        SecretCheck(ClientAuthFailure failure) {
            this.failure = failure;
        }
    }

    /**
     * Checks every hash, without stopping at the first match, so timing says nothing about which: a match with a live
     * one is MATCH, else a match with an expired one is EXPIRED.
     */
    static SecretCheck check(String stored, String secret) {
        if (secret == null || secret.isEmpty()) {
            return SecretCheck.MISSING;
        }
        if (stored == null || stored.isEmpty()) {
            return SecretCheck.WRONG;
        }
        long now = Time.currentTime();
        boolean ok = false;
        boolean expired = false;
        // The presented secret hashed once per size (IS4's SHA-256 or SHA-512), compared with every stored hash.
        byte[] sha256 = null;
        byte[] sha512 = null;
        for (StoredSecrets.Entry entry : StoredSecrets.of(stored)) {
            boolean match = false;
            if (entry.hash() != null) {
                byte[] candidate = entry.hash().length == 64 ? (sha512 = sha512 != null ? sha512 : SecretHashes.sha512Bytes(secret))
                        : (sha256 = sha256 != null ? sha256 : SecretHashes.sha256Bytes(secret));
                match = MessageDigest.isEqual(candidate, entry.hash());
            }
            boolean live = entry.expires() == null || entry.expires() > now;
            ok |= match && live;
            expired |= match && !live;
        }
        return ok ? SecretCheck.MATCH : expired ? SecretCheck.EXPIRED : SecretCheck.WRONG;
    }

    private static boolean ours(ClientModel client) {
        return ClientFields.AUTHENTICATOR_ID.equals(client.getClientAuthenticatorType());
    }

    /** A refusal is the request's answer only for a client of ours: for any other, Keycloak's authenticator decides. */
    private static void countIfOurs(ClientModel client, ClientAuthFailure reason) {
        if (ours(client)) {
            BridgeMetrics.clientAuthFailure(reason);
        }
    }

    private static Response invalid() {
        return ClientAuthUtil.errorResponse(401, "unauthorized_client", "Invalid client or Invalid client credentials");
    }

    @Override
    public void close() {
    }
}
