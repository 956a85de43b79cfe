package io.identitybridge.creatioapi;

import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.config.IdentityBridgeSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.jpa.entities.ClientEntity;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The API's counted caps (live resources per owner and per grantee, clients per registrar): the counted client's row is
 * locked before counting, so that two calls that would each add one at cap-1 run one after the other, on any node,
 * until the first commits; the second then counts what the first added.
 */
public final class Caps {

    private Caps() {
    }

    public static IdentityBridgeSettings settings(KeycloakSession session) {
        return session.getProvider(IdentityBridgeProvider.class).settings();
    }

    /**
     * Locks the clients' rows (Keycloak's internal ids) for the rest of the transaction, in id order, so that two calls
     * locking overlapping sets never wait on each other in a circle. A client removed meanwhile is skipped.
     */
    public static void lock(KeycloakSession session, Collection<String> clientIds) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        for (String id : new TreeSet<>(clientIds)) {
            em.find(ClientEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** The 409 of a cap: what is full, the limit and the option that sets it. */
    public static ApiError exceeded(String what, int max, String option) {
        return ApiError.conflict(what + " (at most " + max + ", server option " + IdentityBridgeSettings.cliName(option)
                + "); nothing was changed");
    }
}
