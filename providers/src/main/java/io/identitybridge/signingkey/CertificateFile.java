package io.identitybridge.signingkey;

import io.identitybridge.config.Options;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the signing certificate: a PFX/PKCS#12 (what IdentityServer4's {@code X509CertificatePath} names), or a PEM
 * file with an unencrypted PKCS#8 key and the certificate. Every failure is a startup error that names the file and
 * the problem, never the password.
 */
public final class CertificateFile {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private CertificateFile() {
    }

    public static SigningCertificate load(SigningKeySettings settings) {
        Path file = settings.file();
        try {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("the file does not exist or is not readable");
            }
            byte[] bytes = Files.readAllBytes(file);
            String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII);
            return head.contains("-----BEGIN") ? pem(new String(bytes, StandardCharsets.US_ASCII), settings.keyId())
                    : pkcs12(bytes, settings.password(), settings.keyId());
        } catch (IllegalArgumentException e) {
            throw fail(file, e.getMessage());
        } catch (IOException | GeneralSecurityException e) {
            throw fail(file, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static SigningCertificate pkcs12(byte[] bytes, String password, String kid) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(new ByteArrayInputStream(bytes), password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new IllegalArgumentException("the password is wrong (" + Options.SIGNING_CERTIFICATE_PASSWORD.cli() + ")");
            }
            throw new IllegalArgumentException("it is not a PFX/PKCS#12 or PEM file");
        }
        for (String alias : Collections.list(store.aliases())) {
            if (!store.isKeyEntry(alias)) {
                continue;
            }
            Key key;
            try {
                key = store.getKey(alias, password.toCharArray());
            } catch (UnrecoverableKeyException e) {
                throw new IllegalArgumentException("its private key cannot be decrypted with the password");
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new IllegalArgumentException("its private key is of an unsupported type or curve");
            }
            Certificate[] chain = store.getCertificateChain(alias);
            if (key instanceof PrivateKey pk && chain != null && chain.length > 0) {
                List<X509Certificate> certs = new ArrayList<>();
                for (Certificate c : chain) {
                    certs.add((X509Certificate) c);
                }
                return SigningCertificate.of(pk, certs, kid);
            }
        }
        throw new IllegalArgumentException("it holds no private key with its certificate (export the PFX with the private key)");
    }

    private static SigningCertificate pem(String text, String kid) throws GeneralSecurityException {
        PrivateKey key = null;
        List<X509Certificate> certs = new ArrayList<>();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
            switch (m.group(1)) {
                case "CERTIFICATE" -> certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
                case "PRIVATE KEY" -> key = pkcs8(der);
                default -> throw new IllegalArgumentException("its PEM block '" + m.group(1) + "' is not supported; give an unencrypted"
                        + " PKCS#8 'PRIVATE KEY' (openssl pkcs8 -topk8 -nocrypt) and the 'CERTIFICATE', or a PFX");
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("it holds no private key (a PEM 'PRIVATE KEY' block)");
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("it holds no certificate (a PEM 'CERTIFICATE' block)");
        }
        return SigningCertificate.of(key, certs, kid);
    }

    private static PrivateKey pkcs8(byte[] der) {
        for (String alg : List.of("RSA", "EC", "Ed25519", "EdDSA")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException ignored) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("its private key is of an unsupported type or curve");
    }

    private static IllegalArgumentException fail(Path file, String problem) {
        return new IllegalArgumentException("Invalid Identity Bridge configuration: "
                + Options.SIGNING_CERTIFICATE_FILE.cli() + " '" + file + "': " + problem);
    }
}
