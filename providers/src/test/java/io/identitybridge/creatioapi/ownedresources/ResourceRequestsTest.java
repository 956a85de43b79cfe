package io.identitybridge.creatioapi.ownedresources;

import io.identitybridge.creatioapi.ApiBody;
import io.identitybridge.creatioapi.ApiError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceRequestsTest {

    private static final long NOW = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();

    /** The body Creatio's TempAccessProxy sends to OwnedResources/register: the resource, and the clients it is granted to. */
    private static final String CREATIO = """
            {"ResourceInfo":{"Name":"TempAccess_1","DisplayName":"Support","Properties":{"ExpirationDate":"2026-11-24T12:00:00Z",
            "SysAdminUnitId":"0b7f1c8e-6f0c-4c61-8a53-2d1d1b5a1c11","Type":"TempAccess"}},"granteeClientIds":["support","support"]}""";

    @Test
    void readsCreatiosRegisterBody() {
        ResourceRequests.Register r = ResourceRequests.register(ApiBody.parse(CREATIO), NOW);
        assertEquals("TempAccess_1", r.name());
        assertEquals("Support", r.displayName());
        assertEquals("TempAccess", r.type());
        assertEquals(Instant.parse("2026-11-24T12:00:00Z").toEpochMilli(), r.expiresAt());
        assertEquals(List.of("support"), r.grantees());
        assertTrue(r.propertiesJson().contains("\"SysAdminUnitId\":\"0b7f1c8e-6f0c-4c61-8a53-2d1d1b5a1c11\""));
    }

    @Test
    void expirationDatesInTheFormsDotNetWrites() {
        assertEquals(Instant.parse("2026-11-24T12:00:00Z"), ResourceRequests.parseInstant("2026-11-24T12:00:00Z", "f"));
        assertEquals(Instant.parse("2026-11-24T12:00:00.1234567Z"), ResourceRequests.parseInstant("2026-11-24T12:00:00.1234567Z", "f"));
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), ResourceRequests.parseInstant("2026-11-24T12:00:00+02:00", "f"));
        assertEquals(Instant.parse("2026-11-24T12:00:00Z"), ResourceRequests.parseInstant("2026-11-24T12:00:00", "f"));
        assertTrue(assertThrows(ApiError.class, () -> ResourceRequests.parseInstant("24.11.2026", "f")).getMessage().contains("ISO-8601"));
    }

    @Test
    void refusesWhatCannotBecomeAScopeOrHasExpired() {
        assertTrue(register(CREATIO.replace("TempAccess_1", "two words")).contains("Name"));
        assertTrue(register(CREATIO.replace("2026-11-24T12", "2026-11-22T12")).contains("in the past"));
        assertTrue(register(CREATIO.replace("\"support\",\"support\"", "")).contains("GranteeClientIds"));
    }

    @Test
    void aResourceWithoutExpiryNeverExpires() {
        ResourceRequests.Register r = ResourceRequests.register(ApiBody.parse(
                "{\"resourceInfo\":{\"name\":\"forever\"},\"GRANTEECLIENTIDS\":[\"x\"]}"), NOW);
        assertNull(r.expiresAt());
        assertNull(r.type());
    }

    @Test
    void listNeedsCustomerIdsOrClientId() {
        assertEquals("give 'CustomerIds' or 'ClientId' (or both)",
                assertThrows(ApiError.class, () -> ResourceRequests.list(ApiBody.parse("{\"Type\":\"TempAccess\"}"))).getMessage());
        ResourceRequests.ListQuery q = ResourceRequests.list(ApiBody.parse("{\"type\":\"TempAccess\",\"customerIds\":[\"c1\",\"c1\"]}"));
        assertEquals(List.of("c1"), q.customerIds());
        assertNull(q.clientId());
    }

    private static String register(String body) {
        return assertThrows(ApiError.class, () -> ResourceRequests.register(ApiBody.parse(body), NOW)).getMessage();
    }
}
