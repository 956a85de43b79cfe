package io.identitybridge.signingkey;

import io.identitybridge.metrics.SigningKeyStep;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.RealmModel;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Certificate keys that no longer sign: passive until every token they signed has expired, then removed, at run time
 * as well as at boot. A key the rotation schedule has taken over is the schedule's, not this class's.
 */
public final class RetiredCertificates {

    private static final Logger LOG = Logger.getLogger(RetiredCertificates.class);

    private RetiredCertificates() {
    }

    static List<ComponentModel> certificateKeys(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), KeyProvider.class.getName())
                .filter(c -> CertificateKeyProviderFactory.PROVIDER_ID.equals(c.getProviderId())).toList();
    }

    /** Makes an active certificate key passive, published until {@code until}. */
    static void retire(RealmModel realm, ComponentModel c, long until, String why) {
        c.put("active", false);
        c.put(CertificateKeyProviderFactory.RETIRE_AFTER, String.valueOf(until));
        realm.updateComponent(c);
        LOG.infof("Identity Bridge: %s: signing key kid '%s' is now passive in realm '%s', published until %s",
                why, c.get(CertificateKeyProviderFactory.KID), realm.getName(), Instant.ofEpochSecond(until));
    }

    /** Removes the retired certificate keys whose time has come. */
    public static void removeDue(RealmModel realm, long now, Consumer<SigningKeyStep> step) {
        for (ComponentModel c : certificateKeys(realm)) {
            if (!c.get("active", true) && c.get(CertificateKeyProviderFactory.RETIRE_AFTER, Long.MAX_VALUE) <= now) {
                realm.removeComponent(c);
                step.accept(SigningKeyStep.REMOVED);
                LOG.infof("Identity Bridge: removed retired signing key kid '%s' from realm '%s'",
                        c.get(CertificateKeyProviderFactory.KID), realm.getName());
            }
        }
    }
}
