package io.identitybridge.it;

import io.identitybridge.it.support.AdminEvents;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OwnedResourceBodies;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.SecurityFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 §2: every write of the Identity Service API, the console tab and the resource sweep is a Keycloak admin
 * event in {@code GET /admin/realms/creatio/admin-events}, with the caller as auth details and never a secret.
 */
class AuditEventsIT extends OnSharedServer {

    private static final String RESOURCE = "IDENTITY_BRIDGE_RESOURCE";
    private static final String SWEEP_TASK = "identity-bridge-expired-resources";

    /** A fresh registrar: its clientId, internal id, service account's id and token. */
    private record Caller(String clientId, String uuid, String serviceAccount, String token) {
        static Caller registrar() {
            String clientId = "it-audit-registrar-" + UUID.randomUUID();
            String token = seededRegistrar(clientId);
            return of(clientId, token);
        }

        static Caller of(String clientId, String token) {
            String uuid = AdminConsoleIT.clientUuid(clientId);
            String user = kc.admin("GET", "/realms/creatio/clients/" + uuid + "/service-account-user", null).json().get("id").asText();
            return new Caller(clientId, uuid, user, token);
        }
    }

    @Test
    void everyClientsWriteIsAnEventOfTheCallersClientAndServiceAccount() {
        Caller r = Caller.registrar();
        String a = "it-audit-client-" + UUID.randomUUID();
        api.register(r.token(), Map.of("ClientId", a, "ClientName", "Audited", "AllowedScopes",
                List.of(SecurityFixtures.REPORTS_SCOPE, SecurityFixtures.AUDIT_SCOPE)));
        String aId = AdminConsoleIT.clientUuid(a);
        api.ok("Clients/update", r.token(), Map.of("ClientId", a, "ClientName", "Audited, renamed"));
        api.ok("Clients/deleteScopes", r.token(), Map.of("ClientId", a, "AllowedScopes", List.of(SecurityFixtures.AUDIT_SCOPE)));
        api.ok("Clients/revokeTokens", r.token(), Map.of("ClientId", a));
        // Creatio's AddClient, then AddClient again: an update and a new secret.
        String systemUser = UUID.randomUUID().toString();
        String app = api.ok("Clients/register", r.token(), CreatioIntegrationIT.addClientBody("", "Audited app", systemUser, List.of()))
                .get("clientId").asText();
        String appId = AdminConsoleIT.clientUuid(app);
        api.ok("Clients/register", r.token(), CreatioIntegrationIT.addClientBody(app, "Audited app", systemUser, List.of()));
        api.ok("Clients/remove", r.token(), Map.of("ClientId", a));

        List<JsonNode> events = AdminEvents.byClient(kc, r.uuid());
        List<String> keys = new ArrayList<>(AdminEvents.keys(events));
        String scopeMapping = keys.stream().filter(k -> k.startsWith("DELETE CLIENT_SCOPE_CLIENT_MAPPING ")).findFirst().orElse("none");
        assertTrue(scopeMapping.matches("DELETE CLIENT_SCOPE_CLIENT_MAPPING clients/" + aId + "/(default|optional)-client-scopes/"
                + scopeId(SecurityFixtures.AUDIT_SCOPE)), keys.toString());
        keys.remove(scopeMapping);
        assertEquals(List.of("ACTION CLIENT clients/" + aId + "/revoke-tokens", "ACTION CLIENT clients/" + appId + "/client-secret",
                "CREATE CLIENT clients/" + aId, "CREATE CLIENT clients/" + appId, "DELETE CLIENT clients/" + aId,
                "UPDATE CLIENT clients/" + aId, "UPDATE CLIENT clients/" + appId).stream().sorted().toList(), keys);
        events.forEach(e -> assertCaller(e, r));
        // The realm file keeps no representations.
        events.forEach(e -> assertTrue(e.path("representation").isMissingNode() || e.get("representation").isNull(), e.toString()));
    }

    @Test
    void everyOwnedResourcesWriteIsAnEventOfTheCallersClientAndServiceAccount() {
        JsonNode t = OwnedResourcesIT.tenant(UUID.randomUUID().toString());
        Caller owner = Caller.of(t.get("clientId").asText(), api.token(t.get("clientId").asText(), t.get("clientSecret").asText(),
                "register_own_resource IdentityServerApi"));
        String grantee = "it-audit-grantee-" + UUID.randomUUID();
        kc.createServiceClient(grantee, List.of());
        String later = "it-audit-later-" + UUID.randomUUID();
        kc.createServiceClient(later, List.of());
        String name = "Audit_" + UUID.randomUUID().toString().replace("-", "");
        Instant expires = Instant.now().plus(1, ChronoUnit.DAYS);
        api.ok("OwnedResources/register", owner.token(), OwnedResourceBodies.registerBody(name, expires, grantee));
        api.ok("OwnedResources/register", owner.token(), ResourceRulesIT.addResourceBody(name, expires)); // AddResource again
        api.ok("OwnedResources/update", owner.token(), ResourceRulesIT.addResourceBody(name, expires.plus(1, ChronoUnit.DAYS)));
        api.ok("OwnedResources/grant", owner.token(), Map.of("ClientId", later, "ResourceName", name));
        api.ok("OwnedResources/grant", owner.token(), Map.of("ClientId", later, "ResourceName", name)); // granted: writes nothing
        api.ok("OwnedResources/delete", owner.token(), Map.of("Resources", List.of(name)));

        List<JsonNode> events = AdminEvents.byClient(kc, owner.uuid());
        String path = "identity-bridge/resources/" + name;
        assertEquals(List.of("CREATE " + RESOURCE + " " + path, "CREATE " + RESOURCE + " " + path + "/grants/" + AdminConsoleIT.clientUuid(later),
                "DELETE " + RESOURCE + " " + path, "UPDATE " + RESOURCE + " " + path, "UPDATE " + RESOURCE + " " + path), AdminEvents.keys(events));
        events.forEach(e -> assertCaller(e, owner));
    }

    @Test
    void aConsoleTabSaveIsAnEventOfTheAdministrator() {
        JsonNode t = OwnedResourcesIT.tenant(UUID.randomUUID().toString());
        String id = AdminConsoleIT.clientUuid(t.get("clientId").asText());
        Http.Response saved = AdminConsoleIT.saveTab(kc.adminToken(), id, t.get("clientId").asText(), Map.of("IdentityTokenLifetime", "600"));
        assertTrue(saved.status() == 201 || saved.status() == 204, saved.status() + " " + saved.body()); // the realm's first save creates the form

        List<JsonNode> events = AdminEvents.at(kc, "clients/" + id);
        assertEquals(List.of("UPDATE CLIENT clients/" + id), AdminEvents.keys(events));
        assertAdministrator(events.get(0));
    }

    @Test
    void aConsoleDeleteOfAResourceIsAnEventOfTheAdministrator() {
        AdminConsoleIT.Tenant t = AdminConsoleIT.tenant();
        String resource = AdminConsoleIT.registerResource(t);
        String row = AdminConsoleIT.mirrors(resource).get(0).get("id").asText();
        Http.Response deleted = kc.admin("DELETE", "/realms/creatio/components/" + row, null);
        assertEquals(204, deleted.status(), deleted.body());

        String path = "identity-bridge/resources/" + resource;
        List<JsonNode> events = AdminEvents.at(kc, path);
        assertEquals(List.of("CREATE " + RESOURCE + " " + path, "DELETE " + RESOURCE + " " + path), AdminEvents.keys(events));
        assertAdministrator(events.stream().filter(e -> e.get("operationType").asText().equals("DELETE")).findFirst().orElseThrow());
    }

    @Test
    void aSweptResourceIsAnEventOfTheSystem() throws InterruptedException {
        JsonNode t = OwnedResourcesIT.tenant(UUID.randomUUID().toString());
        String token = api.token(t.get("clientId").asText(), t.get("clientSecret").asText(), "register_own_resource IdentityServerApi");
        String name = "AuditSwept_" + UUID.randomUUID().toString().replace("-", "");
        api.ok("OwnedResources/register", token, ResourceRulesIT.addResourceBody(name, Instant.now().plus(2, ChronoUnit.SECONDS)));
        String path = "identity-bridge/resources/" + name;
        // The suite's sweep runs every 5 s: waited for, with a deadline, never assumed.
        List<JsonNode> deleted = List.of();
        for (long deadline = System.currentTimeMillis() + 60_000; deleted.isEmpty() && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(500);
            deleted = AdminEvents.at(kc, path).stream().filter(e -> e.get("operationType").asText().equals("DELETE")).toList();
        }
        assertEquals(1, deleted.size(), "the sweep's removal was not recorded within 60 s");
        JsonNode e = deleted.get(0);
        assertEquals("DELETE " + RESOURCE + " " + path, AdminEvents.key(e));
        assertEquals(AdminConsoleIT.realmId(), e.get("authDetails").get("realmId").asText());
        assertTrue(e.get("authDetails").path("clientId").isMissingNode() || e.get("authDetails").get("clientId").isNull(), e.toString());
        assertTrue(e.get("authDetails").path("userId").isMissingNode() || e.get("authDetails").get("userId").isNull(), e.toString());
        assertEquals(SWEEP_TASK, e.path("details").path("task").asText(), e.toString());
    }

    @Test
    void aRefusedWriteRecordsNoEvent() {
        Caller r = Caller.registrar();
        String a = "it-audit-refused-" + UUID.randomUUID();
        api.register(r.token(), Map.of("ClientId", a, "AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE)));
        List<String> before = AdminEvents.keys(AdminEvents.byClient(kc, r.uuid()));
        assertEquals(1, before.size(), before.toString());

        SecurityFixtures.error(api.call("Clients/update", r.token(), Map.of("ClientId", a, "AllowedGrantTypes", List.of("implicit"))),
                400, "invalid_request");
        assertEquals(403, api.call("Clients/remove", r.token(), Map.of("ClientId", "admin-cli")).status());
        assertEquals(403, api.call("Clients/revokeTokens", r.token(), Map.of("ClientId", r.clientId())).status());
        assertEquals(400, api.call("Clients/deleteScopes", r.token(), Map.of("ClientId", a)).status());
        String name = "AuditRefused_" + UUID.randomUUID().toString().replace("-", "");
        assertEquals(400, api.call("OwnedResources/register", r.token(),
                ResourceRulesIT.addResourceBody(name, Instant.now().minus(1, ChronoUnit.DAYS))).status());
        assertEquals(404, api.call("OwnedResources/grant", r.token(), Map.of("ClientId", a, "ResourceName", name)).status());
        assertEquals(404, api.call("OwnedResources/grant", r.token(), Map.of("ClientId", "it-no-such-" + UUID.randomUUID(),
                "ResourceName", name)).status());

        assertEquals(before, AdminEvents.keys(AdminEvents.byClient(kc, r.uuid())));
    }

    @Test
    void noEventShowsASecretOrHashEvenWithRepresentations() {
        Caller r = Caller.registrar();
        List<String> secrets = new ArrayList<>(List.of(SecurityFixtures.SECRET));
        List<String> clients = new ArrayList<>();
        AdminEvents.withRepresentations(kc, () -> {
            String a = "it-audit-shown-" + UUID.randomUUID();
            secrets.add(api.register(r.token(), Map.of("ClientId", a, "ClientName", "Shown", "CustomerId", "cust-" + a,
                    "AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE))).get("clientSecret").asText());
            api.ok("Clients/update", r.token(), Map.of("ClientId", a, "Description", "shown with representations"));
            String systemUser = UUID.randomUUID().toString();
            JsonNode app = api.ok("Clients/register", r.token(), CreatioIntegrationIT.addClientBody("", "Shown app", systemUser, List.of()));
            secrets.add(app.get("clientSecret").asText());
            String appClientId = app.get("clientId").asText();
            secrets.add(api.ok("Clients/register", r.token(), CreatioIntegrationIT.addClientBody(appClientId, "Shown app", systemUser, List.of()))
                    .get("clientSecret").asText());
            String aId = AdminConsoleIT.clientUuid(a);
            int saved = AdminConsoleIT.saveTab(kc.adminToken(), aId, a, Map.of("CustomerId", "tab-" + a)).status();
            assertTrue(saved == 201 || saved == 204, "the console's save answered " + saved);
            clients.addAll(List.of(aId, AdminConsoleIT.clientUuid(appClientId)));
        });
        for (String id : clients) {
            secrets.add(kc.admin("GET", "/realms/creatio/clients/" + id, null).json().get("attributes").get("ib.secrets").asText());
        }

        Map<String, JsonNode> byId = new java.util.TreeMap<>(); // the caller's, and the console's on client a
        AdminEvents.byClient(kc, r.uuid()).forEach(e -> byId.put(e.get("id").asText(), e));
        clients.forEach(id -> AdminEvents.at(kc, "clients/" + id + "*").forEach(e -> byId.put(e.get("id").asText(), e)));
        List<JsonNode> events = List.copyOf(byId.values());
        JsonNode created = events.stream().filter(e -> AdminEvents.key(e).equals("CREATE CLIENT clients/" + clients.get(0))).findFirst().orElseThrow();
        assertTrue(created.path("representation").asText().contains("\"cust-"), "representations were on: " + created);
        assertEquals(6, events.size(), AdminEvents.keys(events).toString());
        String all = events.toString();
        for (String secret : secrets) {
            assertFalse(all.contains(secret), "an event shows a secret or its stored hash");
        }
        assertFalse(all.contains("ib.secrets"), "an event names the secrets attribute");
        System.out.println("An admin event of Clients/register, with representations: " + created); // the README's example
    }

    /** The suite's master-realm administrator, signed in with admin-cli. */
    private static void assertAdministrator(JsonNode event) {
        JsonNode auth = event.get("authDetails");
        assertEquals(kc.admin("GET", "/realms/master", null).json().get("id").asText(), auth.get("realmId").asText());
        assertEquals(kc.admin("GET", "/realms/master/clients?clientId=admin-cli", null).json().get(0).get("id").asText(),
                auth.get("clientId").asText());
        assertEquals(kc.admin("GET", "/realms/master/users?exact=true&username=" + kc.adminUser(), null).json().get(0).get("id").asText(),
                auth.get("userId").asText());
    }

    private static void assertCaller(JsonNode event, Caller caller) {
        assertEquals(AdminConsoleIT.realmId(), event.get("realmId").asText(), event.toString());
        JsonNode auth = event.get("authDetails");
        assertEquals(AdminConsoleIT.realmId(), auth.get("realmId").asText(), event.toString());
        assertEquals(caller.uuid(), auth.get("clientId").asText(), event.toString());
        assertEquals(caller.serviceAccount(), auth.get("userId").asText(), event.toString());
    }

    private static String scopeId(String name) {
        for (JsonNode s : kc.admin("GET", "/realms/creatio/client-scopes", null).json()) {
            if (s.get("name").asText().equals(name)) {
                return s.get("id").asText();
            }
        }
        throw new AssertionError("no client scope " + name);
    }
}
