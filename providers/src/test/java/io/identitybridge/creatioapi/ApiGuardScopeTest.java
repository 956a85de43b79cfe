package io.identitybridge.creatioapi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which scope a token's scope claim lacks for an API call: the 403 insufficient_scope names it. */
class ApiGuardScopeTest {

    private static final String OPERATION = "IdentityServerApi.Clients.register";

    @Test
    void aTokenWithTheApiScopeAndTheOperationsScopePassesAmongOtherScopes() {
        assertNull(ApiGuard.lackingScope("profile IdentityServerApi email " + OPERATION, OPERATION));
    }

    @Test
    void theApiScopeIsNamedFirstWhenBothAreLacking() {
        assertEquals(ApiGuard.API_SCOPE, ApiGuard.lackingScope("profile email", OPERATION));
        assertEquals(ApiGuard.API_SCOPE, ApiGuard.lackingScope(OPERATION, OPERATION));
    }

    @Test
    void theOperationsScopeIsNamedWhenOnlyItIsLacking() {
        assertEquals(OPERATION, ApiGuard.lackingScope("IdentityServerApi", OPERATION));
    }

    @Test
    void aTokenWithoutAScopeClaimLacksTheApiScope() {
        assertEquals(ApiGuard.API_SCOPE, ApiGuard.lackingScope(null, OPERATION));
        assertEquals(ApiGuard.API_SCOPE, ApiGuard.lackingScope("", OPERATION));
        assertEquals(ApiGuard.API_SCOPE, ApiGuard.lackingScope("   ", OPERATION));
    }

    @Test
    void repeatedSpacesBetweenScopesAreNoScope() {
        assertNull(ApiGuard.lackingScope("  IdentityServerApi   " + OPERATION + "  ", OPERATION));
    }

    @Test
    void scopeNamesMatchExactlyNeverByCaseOrPrefix() {
        assertEquals(ApiGuard.API_SCOPE, ApiGuard.lackingScope("identityserverapi " + OPERATION, OPERATION));
        assertEquals(ApiGuard.API_SCOPE, ApiGuard.lackingScope("IdentityServerApiX " + OPERATION, OPERATION));
        assertEquals(OPERATION, ApiGuard.lackingScope("IdentityServerApi " + OPERATION + ".more", OPERATION));
    }

    @Test
    void onlyASpaceSeparatesScopes() {
        // Keycloak writes the claim with single spaces; a tab is part of a name, so it never joins two scopes.
        assertEquals(ApiGuard.API_SCOPE, ApiGuard.lackingScope("IdentityServerApi\t" + OPERATION, OPERATION));
    }
}
