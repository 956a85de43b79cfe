package io.identitybridge.it.bench;

import io.identitybridge.it.support.DropInInstall;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The same Keycloak distribution without our jar, for a side-by-side benchmark: freshly unpacked once, started in dev
 * mode on a fresh H2 database each time, with a hand-made {@code creatio} realm and one confidential
 * client_credentials client as an administrator would make it in the console (the scopes our seeding gives a client,
 * the realm's token lifespan of {@code realm-import/creatio-realm.json}).
 */
public final class StockKeycloak {

    private final Path home;

    private StockKeycloak(Path home) {
        this.home = home;
    }

    /** Unpacks the distribution zip under {@code <work>/<name>}. */
    public static StockKeycloak unpack(String name) throws IOException {
        if (System.getProperty("ib.keycloak.zip") == null) {
            // scripts/bench-main.sh names the unpacked home only; Maven copies the zip beside it.
            System.setProperty("ib.keycloak.zip", Path.of(Install.required("ib.keycloak.home")).resolveSibling("keycloak-dist.zip").toString());
        }
        return new StockKeycloak(DropInInstall.unpacked(name));
    }

    /** Puts a conf file into {@code conf/}, as a user with settings of their own would. */
    public void useConf(Path conf) throws IOException {
        java.nio.file.Files.copy(conf, home.resolve("conf/keycloak.conf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts it with the realm and a client {@code clientId} with {@code secret} whose default scopes include {@code scope}. */
    public KeycloakServer start(String clientId, String secret, String scope) throws IOException {
        Install.deleteTree(home.resolve("data/h2"));
        KeycloakServer kc = KeycloakServer.start(home, Map.of(), List.of(), Install.workDir().resolve(home.getParent().getFileName() + ".log"));
        try {
            ok(kc.admin("POST", "/realms", Map.of("realm", KeycloakServer.REALM, "enabled", true, "accessTokenLifespan", 3600)), 201);
            ok(kc.admin("POST", "/realms/creatio/client-scopes", Map.of("name", scope, "protocol", "openid-connect",
                    "attributes", Map.of("include.in.token.scope", "true", "display.on.consent.screen", "false"))), 201);
            ok(kc.admin("POST", "/realms/creatio/clients", Map.of("clientId", clientId, "publicClient", false, "secret", secret,
                    "clientAuthenticatorType", "client-secret", "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                    "directAccessGrantsEnabled", false, "defaultClientScopes", List.of("acr", "basic", "web-origins", scope),
                    "optionalClientScopes", List.of())), 201);
            return kc;
        } catch (RuntimeException e) {
            kc.close();
            throw e;
        }
    }

    private static void ok(Http.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("stock Keycloak answered " + r.status() + ": " + r.body());
        }
    }
}
