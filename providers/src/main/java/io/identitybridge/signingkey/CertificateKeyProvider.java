package io.identitybridge.signingkey;

import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.KeyProvider;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/** Serves one stored certificate key; decoded once per cached component model (its note), as Keycloak's own do. */
public class CertificateKeyProvider implements KeyProvider {

    private static final String NOTE = CertificateKeyProvider.class.getName();

    private final KeyWrapper key;

    CertificateKeyProvider(ComponentModel model) {
        KeyWrapper cached = model.getNote(NOTE);
        if (cached == null) {
            cached = decode(model);
            model.setNote(NOTE, cached);
        }
        this.key = cached;
    }

    static KeyWrapper decode(ComponentModel model) {
        String alg = model.get(CertificateKeyProviderFactory.ALGORITHM);
        boolean ec = alg != null && alg.startsWith("ES");
        try {
            PrivateKey privateKey = KeyFactory.getInstance(ec ? "EC" : "RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(model.get(CertificateKeyProviderFactory.PRIVATE_KEY))));
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (String der : model.getConfig().getOrDefault(CertificateKeyProviderFactory.CERTIFICATES, List.of())) {
                chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(der))));
            }
            KeyWrapper k = new KeyWrapper();
            k.setProviderId(model.getId());
            k.setProviderPriority(model.get("priority", 0L));
            k.setKid(model.get(CertificateKeyProviderFactory.KID));
            k.setUse(KeyUse.SIG);
            k.setType(ec ? KeyType.EC : KeyType.RSA);
            k.setAlgorithm(alg);
            if (ec) {
                k.setCurve(switch (alg) {
                    case "ES256" -> "P-256";
                    case "ES384" -> "P-384";
                    default -> "P-521";
                });
            }
            k.setStatus(KeyStatus.from(model.get("active", true), model.get("enabled", true)));
            k.setPrivateKey(privateKey);
            k.setPublicKey(chain.get(0).getPublicKey());
            k.setCertificate(chain.get(0));
            k.setCertificateChain(chain);
            return k;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the stored identity-bridge-certificate key of component " + model.getId() + " cannot be decoded");
        }
    }

    @Override
    public Stream<KeyWrapper> getKeysStream() {
        return Stream.of(key);
    }
}
