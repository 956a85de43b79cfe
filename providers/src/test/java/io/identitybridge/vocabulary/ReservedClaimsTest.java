package io.identitybridge.vocabulary;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which final claim names a registered client may not carry, because .NET or OpenID Connect read them as identity. */
class ReservedClaimsTest {

    @Test
    void identityAndRoleNamesAreRecognisedInAnyCaseAndUnderBothClaimUriHosts() {
        for (String name : List.of("role", "Roles", "ROLE", "name", "nameid", "nameidentifier", "unique_name", "upn", "groups", "sub",
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
                "https://schemas.microsoft.com/identity/claims/objectidentifier",
                "HTTP://SCHEMAS.XMLSOAP.ORG/ws/2005/05/identity/claims/nameidentifier",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name")) {
            assertNotNull(ReservedClaims.identityProblem(name), name);
        }
    }

    @Test
    void prefixedAndOrdinaryNamesAreNotIdentity() {
        for (String name : List.of("client_role", "client_http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "tier",
                "rolex", "https://example.test/schemas.microsoft.com/role", "schemas")) {
            assertNull(ReservedClaims.identityProblem(name), name);
        }
    }
}
