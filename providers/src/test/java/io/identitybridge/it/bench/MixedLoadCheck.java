package io.identitybridge.it.bench;

import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.KeycloakServer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a {@link MixedLoad}: every client and resource answers as the run believes, and nothing is half-written.
 * Names whose call did not answer 200 are left out of the comparisons (their outcome is unknown) and counted.
 * Returns the problems found; prints the counts.
 */
public final class MixedLoadCheck {

    private final KeycloakServer kc;
    private final IdsApi api;
    private final MixedLoad load;
    private final List<String> problems = new ArrayList<>();

    public MixedLoadCheck(KeycloakServer kc, IdsApi api, MixedLoad load) {
        this.kc = kc;
        this.api = api;
        this.load = load;
    }

    public List<String> run() {
        checkClients();
        checkResources();
        return problems;
    }

    /** Each registered client's secret gets a token; the realm holds exactly those, each with its service account. */
    private void checkClients() {
        int tokens = 0;
        for (String[] c : load.clients) {
            int status = api.tokenResponse(c[0], c[1], null).status();
            if (status == 200) {
                tokens++;
            } else {
                problem("client " + c[0] + " answered its secret with " + status);
            }
        }
        Set<String> expected = new HashSet<>();
        load.clients.forEach(c -> expected.add(c[0]));
        Set<String> found = new HashSet<>();
        int serviceAccounts = 0;
        for (JsonNode c : kc.admin("GET", "/realms/creatio/clients?first=0&max=1000000", null).json()) {
            JsonNode by = c.path("attributes").path("ib.registered.by");
            if (!by.asText().equals(load.registrar)) {
                continue;
            }
            String clientId = c.get("clientId").asText();
            found.add(clientId);
            if (kc.admin("GET", "/realms/creatio/clients/" + c.get("id").asText() + "/service-account-user", null).status() == 200) {
                serviceAccounts++;
            } else {
                problem("client " + clientId + " has no service account");
            }
        }
        compare("registered clients in the realm", expected, found);
        System.out.printf("clients: %d registered (200), %d get a token with their secret, %d in the realm (admin REST), %d with a service account, %d calls of unknown outcome%n",
                expected.size(), tokens, found.size(), serviceAccounts, load.uncertain.stream().filter(n -> n.startsWith("load-client-")).count());
    }

    /** The owner's list, the realm's client scopes and each grantee's scopes show exactly the live resources. */
    private void checkResources() {
        String token = api.token(load.registrar, load.registrarSecret, String.join(" ", CreatioScopes.ALL));
        Map<String, String> listed = new HashMap<>();
        for (JsonNode owner : api.ok("OwnedResources/list", token, Map.of("Type", "TempAccess", "ClientId", load.registrar))) {
            owner.path("resources").forEach(r -> listed.put(r.get("name").asText(), r.get("displayName").asText()));
        }
        compare("resources listed", load.resources.keySet(), listed.keySet());
        load.resources.forEach((name, r) -> {
            if (listed.containsKey(name) && !listed.get(name).equals(r.displayName())) {
                problem("resource " + name + " is listed as '" + listed.get(name) + "', the run's last write said '" + r.displayName() + "'");
            }
        });
        Set<String> scopes = new HashSet<>();
        kc.admin("GET", "/realms/creatio/client-scopes", null).json().forEach(s -> scopes.add(s.get("name").asText()));
        scopes.removeIf(s -> !s.startsWith("LoadRes_"));
        compare("resource client scopes in the realm", load.resources.keySet(), scopes);
        int granted = 0;
        for (String grantee : load.grantees) {
            Set<String> expected = new HashSet<>();
            load.resources.forEach((name, r) -> {
                if (r.grantee().equals(grantee)) {
                    expected.add(name);
                }
            });
            String id = kc.admin("GET", "/realms/creatio/clients?clientId=" + grantee, null).json().get(0).get("id").asText();
            Set<String> has = new HashSet<>();
            kc.admin("GET", "/realms/creatio/clients/" + id + "/optional-client-scopes", null).json().forEach(s -> has.add(s.get("name").asText()));
            has.removeIf(s -> !s.startsWith("LoadRes_"));
            compare("resources granted to " + grantee, expected, has);
            for (String name : expected) {
                Http.Response r = api.tokenResponse(grantee, load.granteeSecret, name);
                if (r.status() == 200 && r.json().get("scope").asText().contains(name)) {
                    granted++;
                } else {
                    problem(grantee + " asked for " + name + " and got " + r.status());
                }
            }
        }
        System.out.printf("resources: %d live (listed %d, client scopes %d, granted tokens %d), %d deleted, %d calls of unknown outcome%n",
                load.resources.size(), listed.size(), scopes.size(), granted, load.deleted.size(),
                load.uncertain.stream().filter(n -> n.startsWith("LoadRes_")).count());
    }

    private void compare(String what, Set<String> expected, Set<String> found) {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(found);
        Set<String> extra = new HashSet<>(found);
        extra.removeAll(expected);
        missing.removeAll(load.uncertain);
        extra.removeAll(load.uncertain);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            problem(what + ": missing " + first(missing) + ", unexpected " + first(extra));
        }
    }

    private static String first(Set<String> names) {
        return names.size() <= 10 ? names.toString() : names.stream().limit(10).toList() + " and " + (names.size() - 10) + " more";
    }

    private void problem(String text) {
        problems.add(text);
    }
}
