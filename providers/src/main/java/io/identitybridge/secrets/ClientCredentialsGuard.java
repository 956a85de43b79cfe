package io.identitybridge.secrets;

import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.representations.JsonWebToken;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * What a client-authentication request may not carry, judged before any authenticator looks a client up. A NUL in a
 * client id fails PostgreSQL's lookup (logged at ERROR before any mapper can answer), and a Basic header whose id or
 * secret holds a broken percent escape (RFC 6749 §2.3.1 form-encodes both) makes Keycloak's client-secret
 * authenticator throw, logged at ERROR with a stack trace; a client_assertion that is no JWT is logged at ERROR by
 * Keycloak's JWT authenticators. No client id holds a control character (ClientIds refuse them), no secret holds a
 * NUL and no unreadable assertion authenticates, so refusing those changes no answer a real client gets.
 */
final class ClientCredentialsGuard {

    private ClientCredentialsGuard() {
    }

    /**
     * Why the credentials are refused, or null when they may go on: from the Authorization header, the form's
     * {@code client_id}s and {@code client_secret}s and its {@code client_assertion}s (each a JWT whose subject and
     * issuer hold no control character).
     */
    static String refusal(String authorization, List<String> clientIds, List<String> secrets, List<String> assertions) {
        // As Keycloak's BasicAuthHelper reads it: "basic" in any case, then any one character, then the credentials.
        if (authorization != null && authorization.length() >= 6 && authorization.regionMatches(true, 0, "basic", 0, 5)) {
            String basic = basicRefusal(authorization.substring(6));
            if (basic != null) {
                return basic;
            }
        }
        if (clientIds.stream().anyMatch(ClientCredentialsGuard::hasControl)) {
            return "client_id holds a control character";
        }
        if (secrets.stream().anyMatch(s -> s.indexOf('\0') >= 0)) {
            return "client_secret holds a NUL";
        }
        for (String assertion : assertions) {
            JsonWebToken token = assertion(assertion);
            if (token == null) {
                return "client_assertion is not a JWT";
            }
            if (hasControl(orEmpty(token.getSubject())) || hasControl(orEmpty(token.getIssuer()))) {
                return "client_assertion names a client with a control character";
            }
        }
        return null;
    }

    /** The Basic header as Keycloak reads it (MIME base64, then form-decoded id and secret), refused where it would throw. */
    private static String basicRefusal(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // Keycloak reads no credentials from it either
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String id;
        String secret;
        try {
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "the Basic header's client id or secret is not form-encoded";
        }
        if (hasControl(id)) {
            return "the Basic header's client id holds a control character";
        }
        return secret.indexOf('\0') >= 0 ? "the Basic header's secret holds a NUL" : null;
    }

    /**
     * The assertion read as Keycloak's JWT client authenticators read it, or null where they would fail to (they log
     * that at ERROR): nothing is verified here, the authenticators do that.
     */
    private static JsonWebToken assertion(String jwt) {
        try {
            return new JWSInput(jwt).readJsonContent(JsonWebToken.class);
        } catch (JWSInputException | RuntimeException e) {
            return null;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
