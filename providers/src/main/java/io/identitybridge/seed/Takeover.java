package io.identitybridge.seed;

import io.identitybridge.vocabulary.Problem;

import java.util.SortedMap;

/**
 * A seed input naming a client that a registrar registered through the Identity Service API: the operator's seed wins,
 * and its apply clears the registration marks. Said once in the plan (the item and a warning), since after the apply
 * the marks are gone and the same input plans as unchanged.
 */
final class Takeover {

    private static final String BY = ClientFieldTable.REGISTERED_BY.key();
    private static final String BY_ID = ClientFieldTable.REGISTERED_BY_ID.key();

    private Takeover() {
    }

    /** The registrar's ClientId when the wanted state clears the marks of an existing registered client; else null. */
    static String registrar(SortedMap<String, String> desired, SortedMap<String, String> actual) {
        if (actual == null || !"".equals(desired.get(BY_ID))) {
            return null;
        }
        String id = actual.getOrDefault(BY_ID, "");
        if (id.isEmpty()) {
            return null;
        }
        String name = actual.getOrDefault(BY, "");
        return name.isEmpty() ? id : name;
    }

    static SeedReview.Item item(SeedReview.Item planned, String registrar) {
        return new SeedReview.Item(planned.name(), planned.action(), planned.changes(), planned.fields(), planned.desired(), registrar);
    }

    static Problem warning(DesiredClient client, String registrar) {
        return new Problem(Problem.Severity.WARNING, "client", client.index(), client.clientId(), "ClientId",
                "takes over the client registered by '" + registrar + "' through the Identity Service API: the apply removes"
                        + " its registration, and '" + registrar + "' can no longer read, change, remove or re-register it");
    }
}
