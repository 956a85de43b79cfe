package io.identitybridge.signingkey;

import io.identitybridge.config.Options;
import io.identitybridge.metrics.SigningKeyStep;
import io.identitybridge.signingkey.rotation.RealmKeys;
import io.identitybridge.signingkey.rotation.RotationSettings;
import org.jboss.logging.Logger;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.keys.KeyProvider;
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
import java.util.function.Consumer;

/**
 * Makes the configured certificate the realm's active signing key at boot. Same certificate and kid: nothing is
 * written. A new one, or none: the previous one stays published as passive for the retention (never shorter than the
 * longest access-token lifetime of the realm and its clients), and is removed when that ends ({@link KeyRotationTask}).
 */
public final class SigningKeyOnBoot {

    private static final Logger LOG = Logger.getLogger(SigningKeyOnBoot.class);
    /** Above the imported realm's generated keys (100), so the certificate signs whatever else is configured. */
    static final long PRIORITY = 1_000_000L;

    private SigningKeyOnBoot() {
    }

    /**
     * At boot, after realm import: installs the configured certificate ({@code cert}), or retires a certificate key
     * whose option was unset ({@code cert} null). With rotation on, the certificate is the schedule's first key only:
     * once the schedule owns the realm's keys, the option installs nothing more.
     */
    public static void run(KeycloakSessionFactory factory, String realmName, SigningCertificate cert, RotationSettings rotation) {
        KeycloakModelUtils.runJobInTransaction(factory, lockSession -> {
            DBLockProvider lock = new DBLockManager(lockSession).getDBLock();
            lock.waitForLock(DBLockProvider.Namespace.KEYCLOAK_BOOT);
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealmByName(realmName);
                    if (realm == null) {
                        if (cert == null) {
                            return;
                        }
                        throw new IllegalStateException("Identity Bridge: realm '" + realmName + "' does not exist, so the signing certificate cannot be installed");
                    }
                    session.getContext().setRealm(realm);
                    Consumer<SigningKeyStep> step = KeySteps.counter(session);
                    long now = Time.currentTime();
                    long retention = Math.max(rotation.retention(), RealmKeys.longestTokenLifetime(realm));
                    if (cert == null) {
                        retireUnset(realm, now, retention, step);
                    } else if (rotation.enabled() && scheduleOwnsKeys(realm)) {
                        LOG.infof("Identity Bridge: the rotation schedule owns the signing keys of realm '%s'; %s (kid '%s') was its first key and is not installed again",
                                realm.getName(), Options.SIGNING_CERTIFICATE_FILE.name(), cert.kid());
                    } else {
                        ensure(realm, cert, now, retention, step);
                    }
                    RetiredCertificates.removeDue(realm, now, step);
                });
            } finally {
                lock.releaseLock();
            }
        });
    }

    static boolean scheduleOwnsKeys(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), KeyProvider.class.getName()).anyMatch(c -> c.get(RealmKeys.STATE) != null);
    }

    /** The option was unset: the certificate stops signing, stays published for the retention, then goes. */
    static void retireUnset(RealmModel realm, long now, long retention, Consumer<SigningKeyStep> step) {
        for (ComponentModel c : RetiredCertificates.certificateKeys(realm)) {
            if (c.get("active", true) && c.get(RealmKeys.STATE) == null) {
                RetiredCertificates.retire(realm, c, now + retention, Options.SIGNING_CERTIFICATE_FILE.name() + " is unset");
                step.accept(SigningKeyStep.MADE_PASSIVE);
                // Keycloak's generated RSA key signs again; an EC default would make Keycloak generate a fallback key.
                realm.setDefaultSignatureAlgorithm("RS256");
            }
        }
    }

    static void ensure(RealmModel realm, SigningCertificate cert, long now, long retention, Consumer<SigningKeyStep> step) {
        List<String> chain = encoded(cert.chain());
        boolean present = false;
        for (ComponentModel c : RetiredCertificates.certificateKeys(realm)) {
            boolean sameKey = chain.get(0).equals(c.get(CertificateKeyProviderFactory.CERTIFICATES))
                    && cert.algorithm().equals(c.get(CertificateKeyProviderFactory.ALGORITHM));
            boolean sameKid = cert.kid().equals(c.get(CertificateKeyProviderFactory.KID));
            if (sameKid && !sameKey) {
                // Two published keys under one kid: a verifier would pick either and reject half the tokens.
                throw new IllegalStateException("Identity Bridge: kid '" + cert.kid() + "' already names another certificate of realm '"
                        + realm.getName() + "', which stays published until its tokens expire. Give the new certificate its own "
                        + Options.SIGNING_KEY_ID.name() + ", or unset it to use the certificate's thumbprint");
            }
            if (sameKey && sameKid) {
                present = true;
                if (c.get(RealmKeys.STATE) == null && (!c.get("active", true) || c.get(CertificateKeyProviderFactory.RETIRE_AFTER) != null)) {
                    c.put("active", true);
                    c.getConfig().remove(CertificateKeyProviderFactory.RETIRE_AFTER);
                    realm.updateComponent(c);
                    step.accept(SigningKeyStep.REACTIVATED);
                    LOG.infof("Identity Bridge: signing certificate kid '%s' is active again in realm '%s'", cert.kid(), realm.getName());
                }
            } else if (c.get("active", true) && c.get(RealmKeys.STATE) == null) {
                RetiredCertificates.retire(realm, c, now + retention, "a new signing certificate is configured");
                step.accept(SigningKeyStep.MADE_PASSIVE);
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
            step.accept(SigningKeyStep.INSTALLED);
            LOG.infof("Identity Bridge: signing certificate %s (%s, kid '%s') is the active signing key of realm '%s'",
                    cert.certificate().getSubjectX500Principal().getName(), cert.algorithm(), cert.kid(), realm.getName());
        }
        if (!cert.algorithm().equals(realm.getDefaultSignatureAlgorithm())) {
            realm.setDefaultSignatureAlgorithm(cert.algorithm());
        }
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
