package io.identitybridge.seed;

import io.identitybridge.secrets.ClientAuthFlow;
import io.identitybridge.vocabulary.ClientFields;

import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

import org.keycloak.connections.jpa.support.EntityManagers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a validated plan into the realm, in the caller's transaction: scopes first, since clients refer to them. */
final class SeedApplier {

    private static final int CREATE_BATCH = 50;

    private SeedApplier() {
    }

    static void apply(KeycloakSession session, RealmModel realm, SeedPlan plan) {
        for (SeedReview.Item item : plan.scopes()) {
            switch (item.action()) {
                case CREATE -> ScopeStateIO.write(ScopeStateIO.create(realm, item.name()), item.desired(), new ArrayList<>(item.desired().keySet()));
                case UPDATE -> ScopeStateIO.write(scope(realm, item.name()), item.desired(), item.fields());
                default -> { }
            }
        }
        boolean usesSecrets = plan.clients().stream().anyMatch(i -> i.desired() != null
                && ClientFields.AUTHENTICATOR_ID.equals(ClientFieldTable.AUTHENTICATOR.get(i.desired())));
        if (usesSecrets) {
            ClientAuthFlow.ensureFirst(realm);
        }
        for (SeedReview.Item item : plan.clients()) {
            switch (item.action()) {
                case UPDATE -> {
                    ClientModel client = session.clients().getClientByClientId(realm, item.name());
                    ClientStateIO.write(session, realm, client, item.desired(), item.fields());
                    if (item.takesOverFrom() != null) {
                        // The registrar knew the client's secret: tokens issued until now fail introspection and the
                        // bearer check, as after revokeTokens (iat in whole seconds, hence one second ahead).
                        client.setNotBefore(Time.currentTime() + 1);
                    }
                }
                case DELETE -> {
                    ClientModel client = session.clients().getClientByClientId(realm, item.name());
                    new ClientManager(new RealmManager(session)).removeClient(realm, client);
                }
                default -> { }
            }
        }
        // Last: the batches below run in their own persistence contexts, and a change made through this one after them
        // would be lost.
        createInBatches(session, realm, plan.clients().stream().filter(i -> i.action() == SeedReview.Action.CREATE).toList());
    }

    /**
     * Creates clients in chunks, each in a fresh persistence context that shares the transaction: still all or
     * nothing, and Hibernate's flush before every query walks only the chunk, so a cold seed of many clients stays
     * linear. Each client is flushed and let go of once written: Keycloak flushes a dozen times per new client (every
     * realm default scope it links, then unlinks), and each flush walks every entity still held (79 % of a 10,000-client
     * seed when the chunk's clients stayed held).
     */
    private static void createInBatches(KeycloakSession session, RealmModel realm, List<SeedReview.Item> creates) {
        if (creates.isEmpty()) {
            return;
        }
        // Read once, after the scopes above were written: the realm's list of scopes is not cached while clients are
        // being added, so Keycloak's import would query it for every scope of every client.
        Map<String, ClientScopeModel> scopes = ClientScopesIO.byName(realm);
        for (int from = 0; from < creates.size(); from += CREATE_BATCH) {
            List<SeedReview.Item> chunk = creates.subList(from, Math.min(creates.size(), from + CREATE_BATCH));
            EntityManagers.runInBatch(session, () -> chunk.forEach(i -> {
                ClientStateIO.create(session, realm, i.name(), i.desired(), scopes);
                EntityManagers.flush(session, true);
            }), true);
        }
    }

    private static ClientScopeModel scope(RealmModel realm, String name) {
        return realm.getClientScopesStream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("client scope '" + name + "' vanished while seeding"));
    }
}
