package io.identitybridge.vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Claim names that JWT, OpenID Connect, Keycloak or this bundle write into tokens. A client-defined claim under one
 * of these names would either duplicate a key of the token (RFC 7519 leaves the winner to the parser; .NET takes the
 * last) or impersonate another client downstream, so none may be used. Compared without regard to case, because
 * some readers fold it.
 */
public final class ReservedClaims {

    /** Keys of the token's own structure: a user claim (an IS4 scope's Claims) may not use these either. */
    private static final Set<String> STRUCTURAL = Set.of(
            // RFC 7519 and JWT profiles
            "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "typ", "cty", "cnf", "act", "may_act", "scope", "scp",
            "client_id", "azp", "sid", "nonce", "acr", "amr", "auth_time", "at_hash", "c_hash", "s_hash", "events", "txn",
            "authorization_details",
            // Keycloak
            "session_state", "realm_access", "resource_access", "allowed-origins", "trusted-certs", "authorization",
            "state_checker", "otherclaims");

    private static final Set<String> NAMES = Set.of(
            // OpenID Connect standard claims
            "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture",
            "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number",
            "phone_number_verified", "address", "updated_at",
            // Keycloak's user claims
            "upn", "groups", "organization",
            // IdentityServer4 (user tokens)
            "idp");

    /**
     * Names that .NET (its JWT handler's inbound claim map, ClaimsIdentity's name and role types) or OpenID Connect read
     * as a user's identity or roles, besides {@link #NAMES}. A client claim reaches user tokens with
     * AlwaysSendClientClaims, so a registered client must never carry one: only the operator's seed input may.
     */
    private static final Set<String> IDENTITY = Set.of("role", "roles", "name", "nameid", "nameidentifier", "unique_name",
            "upn", "groups", "sub");
    /** Hosts of the claim-type URIs .NET maps to identity and roles (ClaimTypes, WS-Federation). */
    private static final List<String> IDENTITY_URI_HOSTS = List.of("schemas.microsoft.com/", "schemas.xmlsoap.org/");

    private ReservedClaims() {
    }

    /** Why a final claim name may not be given by a registered client (as read for identity or roles), or null. */
    public static String identityProblem(String claimName) {
        if (claimName == null) {
            return null;
        }
        String n = claimName.toLowerCase(Locale.ROOT);
        String host = n.startsWith("https://") ? n.substring(8) : n.startsWith("http://") ? n.substring(7) : n;
        boolean identity = IDENTITY.contains(n) || IDENTITY_URI_HOSTS.stream().anyMatch(host::startsWith);
        return identity ? "is read by .NET and OpenID Connect as a user's identity or roles; a registered client's claims keep"
                + " a prefix (PrefixClientClaims), and only the operator's seed input may give such a claim" : null;
    }

    public static boolean isReserved(String claimName) {
        return claimName == null || isStructural(claimName) || NAMES.contains(claimName.toLowerCase(Locale.ROOT));
    }

    public static boolean isStructural(String claimName) {
        return claimName == null || STRUCTURAL.contains(claimName.toLowerCase(Locale.ROOT));
    }

    /** Why a name cannot be a client claim, or null when it can. */
    public static String problem(String claimName) {
        String shape = shapeProblem(claimName);
        if (shape != null) {
            return shape;
        }
        return isReserved(claimName) ? "is reserved: JWT, OpenID Connect, Keycloak or Identity Bridge write that claim themselves" : null;
    }

    /** Why a text cannot be a claim name at all (empty, too long, spaces or control characters), or null. */
    public static String shapeProblem(String claimName) {
        if (claimName == null || claimName.isBlank()) {
            return "is empty";
        }
        if (claimName.length() > 128) {
            return "is longer than 128 characters";
        }
        if (claimName.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "contains a space or a control character";
        }
        return null;
    }
}
