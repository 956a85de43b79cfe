package io.identitybridge.signingkey;

import io.identitybridge.metrics.BridgeMetrics;
import io.identitybridge.metrics.SigningKeyStep;
import org.jboss.logging.Logger;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.dblock.DBLockManager;
import org.keycloak.models.dblock.DBLockProvider;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Makes the configured certificate the realm's active signing key at boot. Same certificate and kid: nothing is
 * written. A new one: it becomes active, the previous one stays published as passive until every token it signed has
 * expired (the longest access-token lifetime of the realm and its clients), and a later boot removes it.
 */
public final class SigningKeyOnBoot {

    private static final Logger LOG = Logger.getLogger(SigningKeyOnBoot.class);
    /** Above the imported realm's generated keys (100), so the certificate signs whatever else is configured. */
    static final long PRIORITY = 1_000_000L;

    private SigningKeyOnBoot() {
    }

    public static void run(KeycloakSessionFactory factory, String realmName, SigningCertificate cert) {
        List<SigningKeyStep> steps = new ArrayList<>();
        KeycloakModelUtils.runJobInTransaction(factory, lockSession -> {
            DBLockProvider lock = new DBLockManager(lockSession).getDBLock();
            lock.waitForLock(DBLockProvider.Namespace.KEYCLOAK_BOOT);
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealmByName(realmName);
                    if (realm == null) {
                        throw new IllegalStateException("Identity Bridge: realm '" + realmName + "' does not exist, so the signing certificate cannot be installed");
                    }
                    session.getContext().setRealm(realm);
                    steps.addAll(ensure(realm, cert));
                });
            } finally {
                lock.releaseLock();
            }
        });
        // Counted once committed: a start that failed here stops the server anyway.
        steps.forEach(BridgeMetrics::signingKeyStep);
    }

    /** The steps taken, in order; none when the certificate is already the active key. */
    static List<SigningKeyStep> ensure(RealmModel realm, SigningCertificate cert) {
        List<SigningKeyStep> steps = new ArrayList<>();
        List<String> chain = encoded(cert.chain());
        long now = Time.currentTime();
        boolean present = false;
        List<ComponentModel> ours = realm.getComponentsStream(realm.getId(), KeyProvider.class.getName())
                .filter(c -> CertificateKeyProviderFactory.PROVIDER_ID.equals(c.getProviderId())).toList();
        for (ComponentModel c : ours) {
            boolean same = chain.get(0).equals(c.get(CertificateKeyProviderFactory.CERTIFICATES))
                    && cert.kid().equals(c.get(CertificateKeyProviderFactory.KID))
                    && cert.algorithm().equals(c.get(CertificateKeyProviderFactory.ALGORITHM));
            if (same) {
                present = true;
                if (!c.get("active", true) || c.get(CertificateKeyProviderFactory.RETIRE_AFTER) != null) {
                    c.put("active", true);
                    c.getConfig().remove(CertificateKeyProviderFactory.RETIRE_AFTER);
                    realm.updateComponent(c);
                    steps.add(SigningKeyStep.REACTIVATED);
                    LOG.infof("Identity Bridge: signing certificate kid '%s' is active again in realm '%s'", cert.kid(), realm.getName());
                }
            } else if (c.get("active", true)) {
                c.put("active", false);
                c.put(CertificateKeyProviderFactory.RETIRE_AFTER, String.valueOf(now + longestTokenLifetime(realm)));
                realm.updateComponent(c);
                steps.add(SigningKeyStep.MADE_PASSIVE);
                LOG.infof("Identity Bridge: previous signing key kid '%s' is now passive in realm '%s', published until %s",
                        c.get(CertificateKeyProviderFactory.KID), realm.getName(), java.time.Instant.ofEpochSecond(now + longestTokenLifetime(realm)));
            } else if (c.get(CertificateKeyProviderFactory.RETIRE_AFTER, Long.MAX_VALUE) < now) {
                realm.removeComponent(c);
                steps.add(SigningKeyStep.REMOVED);
                LOG.infof("Identity Bridge: removed retired signing key kid '%s' from realm '%s'", c.get(CertificateKeyProviderFactory.KID), realm.getName());
            }
        }
        if (!present) {
            ComponentModel c = new ComponentModel();
            c.setName(CertificateKeyProviderFactory.PROVIDER_ID + " " + cert.kid());
            c.setParentId(realm.getId());
            c.setProviderId(CertificateKeyProviderFactory.PROVIDER_ID);
            c.setProviderType(KeyProvider.class.getName());
            MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
            config.putSingle("priority", String.valueOf(PRIORITY));
            config.putSingle("enabled", "true");
            config.putSingle("active", "true");
            config.putSingle(CertificateKeyProviderFactory.KID, cert.kid());
            config.putSingle(CertificateKeyProviderFactory.ALGORITHM, cert.algorithm());
            config.putSingle(CertificateKeyProviderFactory.PRIVATE_KEY, Base64.getEncoder().encodeToString(cert.privateKey().getEncoded()));
            config.put(CertificateKeyProviderFactory.CERTIFICATES, chain);
            c.setConfig(config);
            realm.addComponentModel(c);
            steps.add(SigningKeyStep.INSTALLED);
            LOG.infof("Identity Bridge: signing certificate %s (%s, kid '%s') is the active signing key of realm '%s'",
                    cert.certificate().getSubjectX500Principal().getName(), cert.algorithm(), cert.kid(), realm.getName());
        }
        if (!cert.algorithm().equals(realm.getDefaultSignatureAlgorithm())) {
            realm.setDefaultSignatureAlgorithm(cert.algorithm());
        }
        return steps;
    }

    /** Tokens this key signed live at most this long: the realm's and every client's access-token lifespan. */
    static long longestTokenLifetime(RealmModel realm) {
        long longest = Math.max(realm.getAccessTokenLifespan(), realm.getAccessTokenLifespanForImplicitFlow());
        for (ClientModel client : realm.getClientsStream().toList()) {
            for (String attr : List.of("access.token.lifespan", "ib.id.token.lifespan")) {
                try {
                    String v = client.getAttribute(attr);
                    if (v != null && !v.isBlank()) {
                        longest = Math.max(longest, Long.parseLong(v.strip()));
                    }
                } catch (NumberFormatException ignored) {
                    // not a lifetime this key could have signed for
                }
            }
        }
        return longest;
    }

    private static List<String> encoded(List<X509Certificate> chain) {
        List<String> out = new ArrayList<>();
        for (X509Certificate c : chain) {
            try {
                out.add(Base64.getEncoder().encodeToString(c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
