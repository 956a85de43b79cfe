package io.identitybridge.seed;

import java.util.SortedMap;

/**
 * An IS4 scope (a Scopes entry, a 4.x ApiScope or an IdentityResource of the input) as a Keycloak client scope: flat fields, plus claim names as user-attribute mappers.
 * {@code kind} and {@code index} say where the input defined it ("scope", "ApiScopes", "IdentityResources").
 */
public record DesiredScope(String kind, int index, String name, SortedMap<String, String> state) {

    public DesiredScope(int index, String name, SortedMap<String, String> state) {
        this("scope", index, name, state);
    }
}
