package io.identitybridge.seed;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.jsonbody.JsonBody;
import io.identitybridge.jsonbody.Problems;
import io.identitybridge.vocabulary.GrantTypes;
import io.identitybridge.vocabulary.Problem;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Clients API reports of a seeded client's grant types, seeding accepts, and it means the same switches. */
class AllowedGrantTypesTest {

    @Test
    void everyAcceptedSetRoundTripsThroughKeycloaksSwitches() {
        List<String> grants = GrantTypes.NAMES.stream().filter(g -> !g.equals(GrantTypes.REFRESH_TOKEN)).toList();
        int accepted = 0;
        for (int mask = 0; mask < 1 << grants.size(); mask++) {
            Set<String> given = new TreeSet<>();
            for (int i = 0; i < grants.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    given.add(grants.get(i));
                }
            }
            List<Problem> problems = new ArrayList<>();
            AllowedGrantTypes read = read(given, problems);
            if (!problems.isEmpty()) {
                continue;
            }
            accepted++;
            GrantTypes.Switches switches = read.switches();
            List<String> reported = GrantTypes.names(client(switches));
            assertEquals(given, reported.stream().map(GrantTypes::canonical).collect(Collectors.toCollection(TreeSet::new)), "reported for " + given);
            assertEquals(switches, read(new TreeSet<>(reported), problems).switches());
            assertTrue(problems.isEmpty(), problems.toString());
        }
        assertEquals(32, accepted, "the 2^6 sets less those pairing two of implicit, authorization_code and hybrid");
    }

    @Test
    void hybridIsReportedAsHybridAndDeviceInTheFormSeedingKeeps() {
        assertEquals(List.of(GrantTypes.HYBRID, GrantTypes.CLIENT_CREDENTIALS),
                GrantTypes.names(client(new GrantTypes.Switches(true, true, false, true, false))));
        List<Problem> problems = new ArrayList<>();
        AllowedGrantTypes urn = read(Set.of(GrantTypes.DEVICE_URN, GrantTypes.REFRESH_TOKEN), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(List.of(GrantTypes.DEVICE_URN), GrantTypes.names(client(urn.switches())), "refresh_token asks for refresh tokens, not a flow");
    }

    private static AllowedGrantTypes read(Set<String> names, List<Problem> problems) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        names.forEach(node.putArray("AllowedGrantTypes")::add);
        return AllowedGrantTypes.read(new JsonBody(node, Problems.collect("client", 0, problems)));
    }

    /** A client with just these switches, as Keycloak would answer for it. */
    private static ClientModel client(GrantTypes.Switches s) {
        return (ClientModel) Proxy.newProxyInstance(ClientModel.class.getClassLoader(), new Class<?>[]{ClientModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isStandardFlowEnabled" -> s.standardFlow();
                    case "isImplicitFlowEnabled" -> s.implicitFlow();
                    case "isDirectAccessGrantsEnabled" -> s.directAccessGrants();
                    case "isServiceAccountsEnabled" -> s.serviceAccounts();
                    case "getAttribute" -> GrantTypes.DEVICE_ATTRIBUTE.equals(args[0]) ? String.valueOf(s.device()) : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
