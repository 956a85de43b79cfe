package io.identitybridge.creatioapi.clients;

import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.creatioapi.CallContext;
import io.identitybridge.creatioapi.Caps;
import io.identitybridge.vocabulary.ClientFields;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;

import java.util.List;

/**
 * {@code max-clients-per-registrar}: how many clients one registrar may have registered (and not removed). Only a
 * registration that creates a client counts, so it is judged after the write, which a 409 rolls back; Creatio's
 * repeated AddClient of a client that exists creates nothing and passes.
 */
final class RegistrarCap {

    private RegistrarCap() {
    }

    /** Before the write: parallel registrations of one registrar then run one by one, each counting the others. */
    static void lock(CallContext ctx) {
        Caps.lock(ctx.session(), List.of(ctx.caller().getId()));
    }

    /** After a write that created a client: the registrar's clients, the new one included, within the cap. */
    static void check(CallContext ctx) {
        EntityManager em = ctx.session().getProvider(JpaConnectionProvider.class).getEntityManager();
        em.flush();
        long registered = em.createQuery("select count(a) from ClientAttributeEntity a where a.name = :name"
                        + " and a.value = :value and a.client.realmId = :realmId", Long.class)
                .setParameter("name", ClientFields.ATTR_REGISTERED_BY_ID).setParameter("value", ctx.caller().getId())
                .setParameter("realmId", ctx.realm().getId()).getSingleResult();
        int max = Caps.settings(ctx.session()).maxClientsPerRegistrar();
        if (registered > max) {
            throw Caps.exceeded("client '" + ctx.caller().getClientId() + "' has registered as many clients as one registrar"
                    + " may (Clients/remove one to register another)", max, IdentityBridgeSettings.OPT_MAX_CLIENTS_PER_REGISTRAR);
        }
    }
}
