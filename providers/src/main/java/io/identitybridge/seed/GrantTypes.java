package io.identitybridge.seed;

import io.identitybridge.vocabulary.Limits;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** IS4 AllowedGrantTypes, checked the way IdentityServer4 checks them, and mapped to Keycloak's flow switches. */
record GrantTypes(Set<String> names) {

    static final String DEVICE_URN = "urn:ietf:params:oauth:grant-type:device_code";
    private static final Set<String> KNOWN = Set.of(
            "implicit", "client_credentials", "authorization_code", "hybrid", "password", "device", DEVICE_URN, "refresh_token");

    static GrantTypes read(JsonProps in) {
        Set<String> names = new TreeSet<>();
        for (String g : in.strings("AllowedGrantTypes", Limits.MAX_GRANT_TYPES, Limits.COLUMN)) {
            String name = g.strip().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                in.error("AllowedGrantTypes", "has the unknown grant type '" + g + "'; known: "
                        + List.of("implicit", "client_credentials", "authorization_code", "hybrid", "password", "device", "refresh_token"));
            } else if (!names.add(DEVICE_URN.equals(name) ? "device" : name)) {
                in.error("AllowedGrantTypes", "lists '" + g + "' twice");
            }
        }
        // IdentityServer4 refuses these combinations, and so do we.
        conflict(in, names, "implicit", "authorization_code");
        conflict(in, names, "implicit", "hybrid");
        conflict(in, names, "authorization_code", "hybrid");
        return new GrantTypes(names);
    }

    private static void conflict(JsonProps in, Set<String> names, String a, String b) {
        if (names.contains(a) && names.contains(b)) {
            in.error("AllowedGrantTypes", "cannot contain both '" + a + "' and '" + b + "'");
        }
    }

    boolean code() {
        return names.contains("authorization_code") || names.contains("hybrid");
    }

    boolean implicit() {
        return names.contains("implicit") || names.contains("hybrid");
    }

    boolean password() {
        return names.contains("password");
    }

    boolean clientCredentials() {
        return names.contains("client_credentials");
    }

    boolean device() {
        return names.contains("device");
    }

    boolean refreshToken() {
        return names.contains("refresh_token");
    }

    boolean usesRedirects() {
        return code() || implicit();
    }

    /** Grants whose token requests authenticate the client, so a confidential client needs a secret. */
    boolean needsTokenEndpoint() {
        return clientCredentials() || password() || code() || device() || refreshToken();
    }
}
