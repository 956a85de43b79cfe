package io.identitybridge.it.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The body of an {@code OwnedResources/register} call as Creatio sends it for a temporary access. */
public final class OwnedResourceBodies {
    private OwnedResourceBodies() {
    }

    public static String registerBody(String name, Instant expires, String... grantees) {
        return """
                {"ResourceInfo":{"Name":"%s","DisplayName":"Support access %s","Properties":{"ExpirationDate":"%s",\
                "SysAdminUnitId":"%s","Type":"TempAccess"}},"granteeClientIds":%s}"""
                .formatted(name, name, expires.truncatedTo(ChronoUnit.SECONDS), UUID.randomUUID(), json(List.of(grantees)));
    }

    private static String json(Object o) {
        try {
            return Http.JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
