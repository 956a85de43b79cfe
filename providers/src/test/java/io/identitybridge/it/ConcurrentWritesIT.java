package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.OwnedResourceBodies;
import io.identitybridge.it.support.SecurityFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 §2: concurrent writes that touch the same rows (one owner's resources, granted to the same clients; clients
 * registered by several registrars at once) are each stored or refused as a transient conflict, never answered as the
 * caller's mistake (400) or a server error (500), and a refused one leaves nothing behind. Bursts of calls released at
 * the same instant (registrations, renames and deletes of one owner's resources, registrations of clients), as the
 * mixed-load benchmark found them ({@code docs/RELIABILITY.md}).
 */
class ConcurrentWritesIT extends OnSharedServer {

    private static final int RESOURCE_THREADS = 8;
    private static final int REGISTRARS = 4;
    /** 12 bursts: 96 resources of one owner (its cap is 100), 16 grants per grantee (the owner's share is 20), 12 clients per registrar (cap 30). */
    private static final int BURSTS = 12;
    private static final int GRANTEES = 12;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String OWNER = "it-conflicts-owner-" + RUN;

    private record Answer(String kind, String name, int status, String error, String retryAfter, String secret) {
    }

    private static final List<Answer> answers = new ArrayList<>();
    private static final List<String> grantees = new ArrayList<>();
    private static final Map<String, List<String>> granteesOf = new HashMap<>();
    private static final List<String> registrars = new ArrayList<>();
    private static final Set<String> deleted = new HashSet<>();
    private static String ownerToken;

    @BeforeAll
    static void burst() throws Exception {
        ownerToken = seededRegistrar(OWNER);
        List<Map<String, Object>> seed = new ArrayList<>();
        for (int g = 0; g < GRANTEES; g++) {
            grantees.add("it-conflicts-grantee-" + RUN + "-" + g);
            seed.add(Map.of("ClientId", grantees.get(g), "Secrets", List.of(SecurityFixtures.SECRET), "AllowedGrantTypes", List.of("client_credentials")));
        }
        SecurityFixtures.seed(kc, seed);
        List<String> registrarTokens = new ArrayList<>();
        for (int r = 0; r < REGISTRARS; r++) {
            registrars.add("it-conflicts-registrar-" + RUN + "-" + r);
            registrarTokens.add(seededRegistrar(registrars.get(r)));
        }
        for (int b = 0; b < BURSTS; b++) {
            for (int i = 0; i < RESOURCE_THREADS; i++) { // two grantees each, shared with the burst's neighbouring calls
                granteesOf.put(resourceName(b, i), List.of(grantees.get((b + i) % GRANTEES), grantees.get((b + i + 1) % GRANTEES)));
            }
        }
        Instant expires = Instant.now().plus(1, ChronoUnit.DAYS);
        for (int b = 0; b < BURSTS; b++) {
            int burst = b;
            // From the second burst on, the owner also renames two and deletes two of the previous burst's resources.
            List<String> touched = new ArrayList<>();
            for (int i = 0; b > 0 && i < 4; i++) {
                String name = resourceName(b - 1, i);
                if (answers.stream().anyMatch(a -> a.kind().equals("resource") && a.name().equals(name) && a.status() == 200)) {
                    touched.add(name);
                }
            }
            int calls = RESOURCE_THREADS + REGISTRARS + touched.size();
            List<Http.Response> got = SecurityFixtures.parallel(calls, i -> {
                if (i < RESOURCE_THREADS) {
                    String name = resourceName(burst, i);
                    return api.call("OwnedResources/register", ownerToken, OwnedResourceBodies.registerBody(name, expires,
                            granteesOf.get(name).toArray(String[]::new)));
                }
                if (i < RESOURCE_THREADS + REGISTRARS) {
                    int r = i - RESOURCE_THREADS;
                    return api.call("Clients/register", registrarTokens.get(r), Map.of("ClientId", clientName(burst, r), "ClientName", "Conflicts " + burst));
                }
                String target = touched.get(i - RESOURCE_THREADS - REGISTRARS);
                return target.endsWith("_0") || target.endsWith("_1")
                        ? api.call("OwnedResources/update", ownerToken, Map.of("Name", target, "DisplayName", "Renamed " + burst,
                                "Properties", Map.of("ExpirationDate", expires.truncatedTo(ChronoUnit.SECONDS).toString(), "Type", "TempAccess")))
                        : api.call("OwnedResources/delete", ownerToken, Map.of("Resources", List.of(target)));
            });
            for (int i = 0; i < got.size(); i++) {
                Http.Response r = got.get(i);
                JsonNode body = r.body().startsWith("{") ? r.json() : null;
                String error = body == null ? null : body.path("error").asText(null);
                String retryAfter = r.raw().headers().firstValue("Retry-After").orElse(null);
                if (i < RESOURCE_THREADS) {
                    answers.add(new Answer("resource", resourceName(burst, i), r.status(), error, retryAfter, null));
                } else if (i < RESOURCE_THREADS + REGISTRARS) {
                    answers.add(new Answer("client", clientName(burst, i - RESOURCE_THREADS), r.status(), error, retryAfter,
                            r.status() == 200 ? body.get("clientSecret").asText() : null));
                } else {
                    String target = touched.get(i - RESOURCE_THREADS - REGISTRARS);
                    boolean delete = !(target.endsWith("_0") || target.endsWith("_1"));
                    answers.add(new Answer(delete ? "delete" : "update", target, r.status(), error, retryAfter, null));
                    if (delete && r.status() == 200) {
                        assertEquals(1, r.json().get("affectedResourceCount").asInt(), target);
                        deleted.add(target);
                    }
                }
            }
        }
        System.out.printf("ConcurrentWritesIT: %d calls in %d bursts, statuses %s%n", answers.size(), BURSTS, statuses());
    }

    @Test
    void aValidWriteIsNeverAnswered400Or500WhenItConflictsWithAConcurrentOne() {
        for (Answer a : answers) {
            if (a.status() != 200) {
                assertEquals(409, a.status(), a.kind() + " " + a.name() + " answered " + a.status() + " " + a.error());
                assertEquals("write_conflict", a.error(), a.kind() + " " + a.name());
                assertEquals("1", a.retryAfter(), "a conflict says when to try again: " + a.name());
            }
        }
        assertTrue(answers.stream().anyMatch(a -> a.status() == 200 && a.kind().equals("resource")), statuses().toString());
        assertTrue(answers.stream().anyMatch(a -> a.status() == 200 && a.kind().equals("client")), statuses().toString());
    }

    @Test
    void everyConcurrentWriteAnswered200IsStored() {
        Set<String> listed = listedResources();
        Set<String> scopes = new HashSet<>(api.clientScopeNames());
        for (Answer a : stored("resource")) {
            assertTrue(listed.contains(a.name()), a.name() + " answered 200 but is not listed");
            assertTrue(scopes.contains(a.name()), a.name() + " answered 200 but has no client scope");
        }
        for (String grantee : grantees) {
            Set<String> expected = new TreeSet<>();
            stored("resource").stream().filter(a -> granteesOf.get(a.name()).contains(grantee)).forEach(a -> expected.add(a.name()));
            assertEquals(expected, grantedTo(grantee), "the resources granted to " + grantee);
        }
        for (Answer a : stored("client")) {
            assertEquals(200, api.tokenResponse(a.name(), a.secret(), null).status(), a.name() + " answered 200 but its secret gets no token");
        }
    }

    @Test
    void aConcurrentWriteRefusedAsAConflictLeavesNothingHalfWritten() {
        Set<String> listed = listedResources();
        Set<String> scopes = new HashSet<>(api.clientScopeNames());
        for (Answer a : answers) {
            if (a.kind().equals("resource") && a.status() != 200 || deleted.contains(a.name())) {
                assertFalse(listed.contains(a.name()) || scopes.contains(a.name()), a.name() + " was refused or deleted but left a resource or scope");
            }
        }
        Set<String> expected = new TreeSet<>();
        stored("client").forEach(a -> expected.add(a.name()));
        Set<String> found = new TreeSet<>();
        for (JsonNode c : kc.admin("GET", "/realms/creatio/clients?first=0&max=100000", null).json()) {
            if (!registrars.contains(c.path("attributes").path("ib.registered.by").asText())) {
                continue;
            }
            found.add(c.get("clientId").asText());
            Http.Response account = kc.admin("GET", "/realms/creatio/clients/" + c.get("id").asText() + "/service-account-user", null);
            assertEquals(200, account.status(), c.get("clientId").asText() + " has no service account");
        }
        assertEquals(expected, found, "the registrars' clients in the realm are exactly those answered 200");
    }

    /** The calls of that kind answered 200; for resources, those not deleted afterwards. */
    private static List<Answer> stored(String kind) {
        return answers.stream().filter(a -> a.kind().equals(kind) && a.status() == 200 && !deleted.contains(a.name())).toList();
    }

    private static Set<String> listedResources() {
        Set<String> names = new HashSet<>();
        for (JsonNode owner : api.ok("OwnedResources/list", ownerToken, Map.of("ClientId", OWNER))) {
            owner.path("resources").forEach(r -> names.add(r.get("name").asText()));
        }
        return names;
    }

    private static Set<String> grantedTo(String clientId) {
        String id = kc.admin("GET", "/realms/creatio/clients?clientId=" + clientId, null).json().get(0).get("id").asText();
        Set<String> names = new TreeSet<>();
        kc.admin("GET", "/realms/creatio/clients/" + id + "/optional-client-scopes", null).json()
                .forEach(s -> names.add(s.get("name").asText()));
        names.removeIf(n -> !n.startsWith("ItConflicts_"));
        return names;
    }

    private static String resourceName(int burst, int thread) {
        return "ItConflicts_" + RUN + "_" + burst + "_" + thread;
    }

    private static String clientName(int burst, int registrar) {
        return "it-conflicts-client-" + RUN + "-" + burst + "-" + registrar;
    }

    private static Map<String, Map<Integer, Long>> statuses() {
        Map<String, Map<Integer, Long>> out = new java.util.TreeMap<>();
        answers.forEach(a -> out.computeIfAbsent(a.kind(), k -> new java.util.TreeMap<>()).merge(a.status(), 1L, Long::sum));
        return out;
    }
}
