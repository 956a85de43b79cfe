package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fault tests' servers: one unpacked distribution built for PostgreSQL ({@code kc.sh build --db=postgres}, the
 * bundle dropped in), started with {@code start --optimized --cache=local} (one node) on a database of {@link OwnPostgres},
 * with a seed file of a registrar and {@code n} plain clients. Every server started is closed by {@link #close}.
 */
public final class FaultServers implements AutoCloseable {

    public static final String REGISTRAR = "FaultsRegistrarClient";
    public static final String REGISTRAR_SECRET = "it-only-faults-secret-0123456789abcdefgh";
    public static final String CUSTOMER = "6c1a9e52-0000-4000-8000-0000000fa017";
    public static final String SEEDED_PREFIX = "fault-seed-client-";

    private final DropInInstall install = DropInInstall.create("faults", List.of("build", "--db=postgres"));
    private final String adminPassword = KeycloakServer.randomSecret();
    private final List<KeycloakProcess> started = new ArrayList<>();

    /** Launches a server (without waiting) on {@code db}, seeding {@code seed} at boot; its log is {@code it-work/faults/<name>.log}. */
    public synchronized KeycloakProcess launch(String name, TestDatabase db, Path seed) {
        Map<String, String> env = new HashMap<>(KeycloakServer.bootstrapAdmin(adminPassword));
        env.putAll(Map.of("KC_DB_URL", db.url(), "KC_DB_USERNAME", db.user(), "KC_DB_PASSWORD", db.password(),
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", seed.toString(),
                // Short, so that the sweep runs within seconds of the database coming back.
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__RESOURCE_SWEEP_INTERVAL", "2"));
        KeycloakProcess kc = KeycloakProcess.launch(install.home(), DropInInstall.startArgs("--cache=local"), env, log(name));
        started.add(kc);
        return kc;
    }

    /** Launches a server and waits until it is ready. */
    public KeycloakServer start(String name, TestDatabase db, Path seed) {
        return KeycloakServer.ready(launch(name, db, seed), adminPassword);
    }

    public static Path log(String name) {
        return Install.workDir().resolve("faults/" + name + ".log");
    }

    /** The registrar (with all of Creatio's scopes and a CustomerId) and {@code n} client_credentials clients. */
    public static Path seedFile(String name, int n) {
        ArrayNode clients = Http.JSON.createArrayNode();
        ObjectNode registrar = clients.addObject().put("ClientId", REGISTRAR).put("ClientName", "Faults registrar").put("CustomerId", CUSTOMER);
        registrar.putArray("Secrets").add(REGISTRAR_SECRET);
        registrar.putArray("AllowedGrantTypes").add("client_credentials");
        ArrayNode scopes = registrar.putArray("AllowedScopes");
        CreatioScopes.ALL.forEach(scopes::add);
        for (int i = 0; i < n; i++) {
            ObjectNode c = clients.addObject().put("ClientId", seededId(i)).put("ClientName", "Seeded " + i).put("AccessTokenLifetime", 3600);
            c.putArray("Secrets").add(seededSecret(i));
            c.putArray("AllowedGrantTypes").add("client_credentials");
            c.putArray("AllowedScopes").add("get_resource_list").add("IdentityServerApi");
        }
        try {
            Path file = Install.workDir().resolve("faults/" + name + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, Http.JSON.writeValueAsString(clients));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String seededId(int i) {
        return String.format("%s%04d", SEEDED_PREFIX, i);
    }

    public static String seededSecret(int i) {
        return String.format("it-only-fault-seed-secret-%04d-abcdefghijklmn", i);
    }

    /**
     * Checks in the database that every client whose clientId starts with {@code prefix} is whole: a service account,
     * secret hashes, and the {@code ib-client-id} mapper that seeding and registration add. Returns how many there are.
     */
    public static int wholeClients(TestDatabase db, String prefix) {
        String clients = "from client c join realm r on r.id = c.realm_id where r.name = 'creatio' and c.client_id like '" + prefix + "%'";
        int all = Integer.parseInt(db.sql("select count(*) " + clients));
        assertEquals(String.valueOf(all), db.sql("select count(*) " + clients
                + " and exists (select 1 from user_entity u where u.service_account_client_link = c.id)"), "clients without a service account");
        assertEquals(String.valueOf(all), db.sql("select count(*) " + clients
                + " and exists (select 1 from client_attributes a where a.client_id = c.id and a.name = 'ib.secrets')"), "clients without secret hashes");
        assertEquals(String.valueOf(all), db.sql("select count(*) " + clients
                + " and exists (select 1 from protocol_mapper m where m.client_id = c.id and m.protocol_mapper_name = 'ib-client-id')"),
                "clients without the client_id mapper");
        return all;
    }

    @Override
    public synchronized void close() {
        started.forEach(KeycloakProcess::close);
    }
}
