package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.RealKeycloak;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a Keycloak operator sees under Server info → Providers. */
@ExtendWith(RealKeycloak.class)
class ServerInfoIT {

    @Test
    void serverInfoListsOurProviderWithTheJarVersion(KeycloakServer kc) {
        Http.Response r = kc.admin("GET", "/serverinfo", null);
        assertEquals(200, r.status());
        JsonNode spi = r.json().path("providers").path("identity-bridge");
        assertFalse(spi.isMissingNode(), "SPI identity-bridge is not listed");
        JsonNode info = spi.path("providers").path("default").path("operationalInfo");
        assertEquals(Install.projectVersion(), info.path("version").asText());
        assertEquals(Install.required("ib.keycloak.built.version"), info.path("built-for-keycloak").asText());
        assertEquals(System.getProperty("ib.keycloak.version"), info.path("running-on-keycloak").asText());
        assertTrue(info.path("tested-on-keycloak").asText().contains(System.getProperty("ib.keycloak.version")), info.toString());
        assertEquals("creatio", info.path("realm").asText());
    }

    @Test
    void serverInfoListsEveryProviderOfTheJar(KeycloakServer kc) {
        JsonNode providers = kc.admin("GET", "/serverinfo", null).json().path("providers");
        assertFalse(providers.path("protocol-mapper").path("providers").path("ib-id-token-lifetime").isMissingNode());
        assertFalse(providers.path("client-authenticator").path("providers").path("ib-client-secrets").isMissingNode());
        assertFalse(providers.path("admin-realm-restapi-extension").path("providers").path("identity-bridge").isMissingNode());
        assertFalse(providers.path("protocol-mapper").path("providers").path("query-parameter-claim").isMissingNode());
        assertFalse(providers.path("login").path("providers").path("ib-freemarker").isMissingNode());
        JsonNode executor = providers.path("client-policy-executor").path("providers").path("ib-query-parameters");
        assertEquals("4000", executor.path("operationalInfo").path("max-value-length").asText(), executor.toString());
        assertEquals("reject", executor.path("operationalInfo").path("unknown-parameters").asText(), executor.toString());
    }

    /** Every factory the jar's META-INF/services files register is listed by Keycloak under its id. */
    @Test
    void serverInfoListsEveryFactoryTheJarRegisters(KeycloakServer kc) throws Exception {
        JsonNode providers = kc.admin("GET", "/serverinfo", null).json().path("providers");
        Set<String> listed = new HashSet<>();
        providers.forEach(spi -> spi.path("providers").fieldNames().forEachRemaining(listed::add));
        List<String> registered = new ArrayList<>();
        try (JarFile jar = new JarFile(Install.required("ib.provider.jar"))) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (!e.getName().startsWith("META-INF/services/") || e.isDirectory()
                        || e.getName().endsWith("/" + Spi.class.getName())) {
                    continue;
                }
                String text = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                    Object factory = Class.forName(line).getDeclaredConstructor().newInstance();
                    registered.add(((ProviderFactory<?>) factory).getId() + " (" + line + ")");
                    assertTrue(listed.contains(((ProviderFactory<?>) factory).getId()),
                            line + " registers id '" + ((ProviderFactory<?>) factory).getId() + "', which server info does not list");
                }
            }
        }
        // The jar's services files name at least one factory for each of the fourteen SPIs it extends.
        assertTrue(registered.size() >= 14, "factories found in the jar: " + registered);
    }

    @Test
    void serverInfoListsTheCreatioLoginTheme(KeycloakServer kc) {
        JsonNode themes = kc.admin("GET", "/serverinfo", null).json().path("themes").path("login");
        assertTrue(themes.isArray() && !themes.isEmpty(), "no login themes listed");
        Set<String> names = new HashSet<>();
        themes.forEach(t -> names.add(t.path("name").asText()));
        assertTrue(names.contains("creatio"), "login themes: " + names);
    }
}
