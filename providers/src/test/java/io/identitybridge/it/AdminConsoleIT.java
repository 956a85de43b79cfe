package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.Jwks;
import io.identitybridge.it.support.HeadlessChromium;
import io.identitybridge.it.support.OnSharedServer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin console's Identity Service page and client tab (Keycloak's declarative UI, feature declarative-ui), in
 * headless Chromium and through the same admin REST calls the console makes: an administrator sees and deletes an
 * owned resource, edits a client's attributes under the seeder's rules, and an administrator without manage-clients
 * is refused. Screenshots go to target/screenshots (admin-console.png, admin-console-client-tab.png).
 */
class AdminConsoleIT extends OnSharedServer {

    private static final String PAGE = "org.keycloak.services.ui.extend.UiPageProvider";
    private static final String TAB = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final String TENANT_SECRET = "it-only-console-secret-0123456789abcdef";
    private static final String LIMITED_PASSWORD = "it-only-limited-admin-0123456789";

    private ChromeDriver browser;


    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdministratorSeesAResourceInTheConsoleAndDeletesItThere() {
        Tenant t = tenant();
        String resource = registerResource(t);
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.start();
        signIn("#/creatio/page-section/identity-service");
        // Other tests leave many resources behind: find ours by its owner with the page's own search.
        WebElement search = waitFor(By.cssSelector("input[placeholder='Search item']"));
        search.sendKeys(t.clientId, org.openqa.selenium.Keys.ENTER);
        WebElement link = waitFor(By.xpath("//a[text()='" + resource + "']"));
        WebElement row = link.findElement(By.xpath("./ancestor::tr"));
        assertTrue(row.getText().contains(t.clientId), row.getText());
        assertTrue(row.getText().contains(t.customerId), row.getText());
        assertTrue(row.getText().contains("TempAccess"), row.getText());
        HeadlessChromium.screenshot(browser, "admin-console.png");

        row.findElement(By.cssSelector("button[aria-label='Kebab toggle']")).click();
        waitFor(By.xpath("//button[.//*[text()='Delete'] or text()='Delete'][ancestor::*[contains(@class,'menu')]]")).click();
        waitFor(By.cssSelector("[data-testid='confirm']")).click();
        waitFor(By.xpath("//*[contains(text(),'The item has been deleted')]"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//a[text()='" + resource + "']")));

        // Gone for the API too: not listed, and its grantee can no longer ask for it.
        String listToken = api.token(t.clientId, TENANT_SECRET, "get_resource_list IdentityServerApi");
        assertEquals(0, api.ok("OwnedResources/list", listToken, "{\"ClientId\":\"" + t.clientId + "\"}").size());
        Http.Response grant = api.tokenResponse(t.grantee, t.granteeSecret, resource);
        assertEquals(400, grant.status(), grant.body());
        assertEquals("invalid_scope", grant.json().get("error").asText());
        assertTrue(mirrors(resource).isEmpty(), "the console row went with the resource");
    }

    @Test
    void theClientTabShowsAndEditsOurAttributes() {
        Tenant t = tenant();
        String id = clientUuid(t.clientId);
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.start();
        signIn("#/creatio/clients/" + id + "/identity-service");
        // The realm's one form shows another client (or none): saving loads this client instead of copying values.
        waitFor(By.cssSelector("[data-testid='save']")).click();
        waitFor(By.xpath("//*[contains(text(),'Nothing was saved')]"));
        assertEquals(t.customerId, attribute(id, "ib.customer.id"), "nothing was written");
        browser.navigate().refresh();
        WebElement customer = waitFor(By.cssSelector("input[data-testid='CustomerId']"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> t.customerId.equals(customer.getDomAttribute("value"))
                || t.customerId.equals(customer.getDomProperty("value")));
        WebElement secrets = browser.findElement(By.cssSelector("[data-testid='secrets']"));
        assertEquals("1 secret: never expires", secrets.getDomProperty("value"));

        replace(customer, "console-customer-" + t.customerId);
        replace(browser.findElement(By.cssSelector("input[data-testid='AllowedQueryParameters']")), "[\"invitationHash\",\"targetSubject\"]");
        HeadlessChromium.screenshot(browser, "admin-console-client-tab.png");
        browser.findElement(By.cssSelector("[data-testid='save']")).click();
        waitFor(By.xpath("//*[contains(text(),'Saved successfully')]"));
        assertEquals("console-customer-" + t.customerId, attribute(id, "ib.customer.id"));
        assertEquals("[\"invitationHash\",\"targetSubject\"]", attribute(id, "ib.allowed.query.parameters"));

        // An invalid value is refused with the seeder's words, and nothing changes.
        replace(browser.findElement(By.cssSelector("input[data-testid='IdentityTokenLifetime']")), "0");
        browser.findElement(By.cssSelector("[data-testid='save']")).click();
        waitFor(By.xpath("//*[contains(text(),'IdentityTokenLifetime is 0 s')]"));
        assertEquals("300", attribute(id, "ib.id.token.lifespan"));
    }

    @Test
    void aClientTabSaveFollowsTheSeedersRulesAndNeverShowsASecretHash() {
        Tenant t = tenant();
        String id = clientUuid(t.clientId);
        String stored = attribute(id, "ib.secrets");
        assertNotNull(stored);
        // Refused values: the seeder's message, 400, nothing written.
        for (Map.Entry<String, String> bad : Map.of("IdentityTokenLifetime", "99999999", "AllowedQueryParameters", "invitationHash",
                "AllowAccessTokensViaBrowser", "maybe", "CustomerId", "tab\there").entrySet()) {
            Http.Response r = saveTab(kc.adminToken(), id, t.clientId, Map.of(bad.getKey(), bad.getValue()));
            assertEquals(400, r.status(), r.body());
            assertTrue(r.json().get("errorMessage").asText().contains(bad.getKey()), r.body());
            assertEquals(t.customerId, attribute(id, "ib.customer.id"));
        }
        Http.Response ok = saveTab(kc.adminToken(), id, t.clientId, Map.of("CustomerId", "tab-" + t.customerId,
                "IdentityTokenLifetime", "600", "AllowAccessTokensViaBrowser", "true", "AllowedQueryParameters", "[\"b\",\"a\"]"));
        assertEquals(204, ok.status(), ok.body());
        assertEquals("tab-" + t.customerId, attribute(id, "ib.customer.id"));
        assertEquals("600", attribute(id, "ib.id.token.lifespan"));
        assertEquals("true", attribute(id, "ib.allow.access.tokens.via.browser"));
        assertEquals("[\"a\",\"b\"]", attribute(id, "ib.allowed.query.parameters"));
        // The form as the console loads it: our values, the secrets as a count, no hash anywhere.
        Http.Response tabs = kc.admin("GET", "/realms/creatio/components?type=" + TAB, null);
        assertFalse(tabs.body().contains(stored), "the secrets attribute leaked");
        assertFalse(tabs.body().contains("hash"), tabs.body());
        JsonNode form = tab(tabs.json());
        assertEquals("1 secret: never expires", form.get("config").get("secrets").get(0).asText());
        assertEquals("tab-" + t.customerId, form.get("config").get("CustomerId").get(0).asText());
    }

    @Test
    void withoutManageClientsTheConsoleRefusesAndChangesNothing() {
        Tenant t = tenant();
        String resource = registerResource(t);
        String mirror = mirrors(resource).get(0).get("id").asText();
        String id = clientUuid(t.clientId);
        // A realm administrator who may manage the realm but not its clients.
        String limited = "it-realm-admin-" + UUID.randomUUID().toString().substring(0, 8);
        kc.createUser(limited, LIMITED_PASSWORD);
        grantRealmManagement(limited, List.of("view-realm", "manage-realm"));
        String token = userToken(limited);

        Http.Response delete = Http.sendJson("DELETE", kc.baseUrl() + "/admin/realms/creatio/components/" + mirror, token, "");
        assertEquals(403, delete.status(), delete.body());
        assertEquals(1, mirrors(resource).size());
        String listToken = api.token(t.clientId, TENANT_SECRET, "get_resource_list IdentityServerApi");
        assertEquals(1, api.ok("OwnedResources/list", listToken, "{\"ClientId\":\"" + t.clientId + "\"}").size());

        Http.Response edit = saveTab(token, id, t.clientId, Map.of("CustomerId", "hijacked"));
        assertEquals(403, edit.status(), edit.body());
        assertEquals(t.customerId, attribute(id, "ib.customer.id"));

        // Without view-realm Keycloak does not even list the page's rows.
        String nobody = "it-no-roles-" + UUID.randomUUID().toString().substring(0, 8);
        kc.createUser(nobody, LIMITED_PASSWORD);
        Http.Response list = Http.get(kc.baseUrl() + "/admin/realms/creatio/components?type=" + PAGE, userToken(nobody));
        assertEquals(403, list.status(), list.body());
    }

    @Test
    void aResourceRowCannotBeCreatedOrEditedInTheConsoleAndGoesWithItsResource() {
        Tenant t = tenant();
        String resource = registerResource(t);
        JsonNode mirror = mirrors(resource).get(0);
        Map<String, Object> rep = Map.of("name", "made-in-console", "providerId", "identity-service", "providerType", PAGE,
                "parentId", realmId(), "config", Map.of("name", List.of("made-in-console")));
        Http.Response create = kc.admin("POST", "/realms/creatio/components", rep);
        assertEquals(400, create.status(), create.body());
        assertTrue(create.json().get("errorMessage").asText().contains("only through the Identity Service API"), create.body());
        Http.Response edit = kc.admin("PUT", "/realms/creatio/components/" + mirror.get("id").asText(),
                Map.of("name", resource, "providerId", "identity-service", "providerType", PAGE, "parentId", realmId(),
                        "config", Map.of("name", List.of(resource), "owner", List.of("someone-else"))));
        assertEquals(400, edit.status(), edit.body());
        assertEquals(t.clientId, mirrors(resource).get(0).get("config").get("owner").get(0).asText());
        // A resource deleted through the API leaves the page at once, in the same transaction.
        String token = api.token(t.clientId, TENANT_SECRET, "register_own_resource IdentityServerApi");
        api.ok("OwnedResources/delete", token, "{\"Resources\":[\"" + resource + "\"]}");
        assertTrue(mirrors(resource).isEmpty(), "the row outlived its resource");
    }

    @Test
    void theSeedingPageShowsTheLastBootSeedingWithoutSecrets() {
        Http.Response r = kc.admin("GET", "/realms/creatio/components?type=" + PAGE, null);
        assertEquals(200, r.status(), r.body());
        JsonNode seeding = null;
        for (JsonNode c : r.json()) {
            if ("identity-service-seeding".equals(c.get("providerId").asText())) {
                seeding = c;
            }
        }
        assertNotNull(seeding, r.body());
        JsonNode config = seeding.get("config");
        assertTrue(config.get("result").get(0).asText().matches("\\d+ created, \\d+ updated, \\d+ unchanged, \\d+ deleted"), config.toString());
        assertTrue(config.get("source").get(0).asText().startsWith("clients-file "), config.toString());
        Instant.parse(config.get("when").get(0).asText());
        assertFalse(seeding.toString().contains(IdsApi.SYSTEM_SECRET), "a secret on the seeding page");
    }

    @Test
    void theSigningKeysPageShowsThePublishedKeyThatSignsWithItsState() throws Exception {
        String token = api.token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, "IdentityServerApi");
        String kid = Jwks.header(token).get("kid").asText();
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.start();
        signIn("#/creatio/page-section/identity-service-signing-keys");
        WebElement cell = waitFor(By.xpath("//a[text()='" + kid + "'] | //td[text()='" + kid + "']"));
        String row = cell.findElement(By.xpath("./ancestor::tr")).getText();
        assertTrue(row.contains("RS256") && row.contains("active") && row.contains("none (rotation off)"), row);
        HeadlessChromium.screenshot(browser, "admin-console-signing-keys.png");
    }

    // --- helpers ---

    record Tenant(String clientId, String customerId, String grantee, String granteeSecret) {
    }

    static Tenant tenant() {
        String clientId = "it-console-" + UUID.randomUUID();
        String customerId = UUID.randomUUID().toString();
        Http.Response seeded = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", List.of(Map.of(
                "ClientId", clientId, "ClientName", "Console tenant", "CustomerId", customerId,
                "Secrets", List.of(TENANT_SECRET), "AllowedGrantTypes", List.of("client_credentials"),
                "AllowedScopes", List.of("register_own_resource", "get_resource_list", "IdentityServerApi"))));
        assertEquals(200, seeded.status(), seeded.body());
        String grantee = "it-console-grantee-" + UUID.randomUUID();
        return new Tenant(clientId, customerId, grantee, kc.createServiceClient(grantee, List.of()));
    }

    static String registerResource(Tenant t) {
        String resource = "TempAccess_" + UUID.randomUUID().toString().replace("-", "");
        String token = api.token(t.clientId, TENANT_SECRET, "register_own_resource IdentityServerApi");
        api.ok("OwnedResources/register", token, """
                {"ResourceInfo":{"Name":"%s","DisplayName":"Console %s","Properties":{"ExpirationDate":"%s","Type":"TempAccess"}},\
                "granteeClientIds":["%s"]}""".formatted(resource, resource, Instant.now().plus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS), t.grantee));
        api.token(t.grantee, t.granteeSecret, resource); // granted: the grantee may ask for it
        awaitRow(resource);
        return resource;
    }

    /** The page's rows follow the resources at the next expiry sweep (5 s on the suite's server). */
    private static void awaitRow(String resource) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (mirrors(resource).isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no console row for " + resource + " after 60 s");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static List<JsonNode> mirrors(String resource) {
        Http.Response r = kc.admin("GET", "/realms/creatio/components?type=" + PAGE + "&name=" + resource, null);
        assertEquals(200, r.status(), r.body());
        List<JsonNode> out = new java.util.ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    static String realmId() {
        return kc.admin("GET", "/realms/creatio", null).json().get("id").asText();
    }

    static String clientUuid(String clientId) {
        return kc.admin("GET", "/realms/creatio/clients?clientId=" + clientId, null).json().get(0).get("id").asText();
    }

    private static String attribute(String uuid, String name) {
        JsonNode v = kc.admin("GET", "/realms/creatio/clients/" + uuid, null).json().path("attributes").get(name);
        return v == null ? null : v.asText();
    }

    private static JsonNode tab(JsonNode components) {
        for (JsonNode c : components) {
            if ("identity-service-client".equals(c.get("providerId").asText())) {
                return c;
            }
        }
        return null;
    }

    /** Saves the client tab's form as the console does: the realm's one tab component, with the open client's id. */
    static Http.Response saveTab(String token, String uuid, String clientId, Map<String, String> values) {
        Map<String, List<String>> config = new java.util.HashMap<>(Map.of("clientId", List.of(uuid), "client", List.of(clientId),
                "tab", List.of("identity-service"), "realm", List.of("creatio")));
        values.forEach((k, v) -> config.put(k, List.of(v)));
        Map<String, Object> rep = Map.of("name", "identity-service-client", "providerId", "identity-service-client",
                "providerType", TAB, "parentId", realmId(), "config", config);
        JsonNode existing = tab(kc.admin("GET", "/realms/creatio/components?type=" + TAB, null).json());
        String url = kc.baseUrl() + "/admin/realms/creatio/components" + (existing == null ? "" : "/" + existing.get("id").asText());
        return Http.sendJson(existing == null ? "POST" : "PUT", url, token, rep);
    }

    private static void grantRealmManagement(String username, List<String> roles) {
        String userId = kc.admin("GET", "/realms/creatio/users?exact=true&username=" + username, null).json().get(0).get("id").asText();
        String rm = clientUuid("realm-management");
        List<JsonNode> reps = roles.stream().map(r -> kc.admin("GET", "/realms/creatio/clients/" + rm + "/roles/" + r, null).json()).toList();
        Http.Response r = kc.admin("POST", "/realms/creatio/users/" + userId + "/role-mappings/clients/" + rm, reps);
        assertEquals(204, r.status(), r.body());
    }

    private static String userToken(String username) {
        Http.Response r = Http.postForm(kc.realmUrl() + "/protocol/openid-connect/token",
                Http.form("grant_type", "password", "client_id", "admin-cli", "username", username, "password", LIMITED_PASSWORD), null, null);
        assertEquals(200, r.status(), r.body());
        return r.json().get("access_token").asText();
    }

    private void signIn(String route) {
        browser.get(kc.baseUrl() + "/admin/master/console/" + route);
        waitFor(By.id("username")).sendKeys(kc.adminUser());
        browser.findElement(By.id("password")).sendKeys(kc.adminPassword());
        browser.findElement(By.id("kc-login")).click();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void replace(WebElement input, String text) {
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        input.sendKeys(text);
    }
}
