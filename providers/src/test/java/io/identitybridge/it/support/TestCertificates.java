package io.identitybridge.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Signing certificates as Creatio's tooling makes them: a self-signed certificate and key exported to a PFX with
 * openssl (Debian's), with or without a password. Generated per run; nothing is checked in.
 */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** IdentityServer4 4.x's kid of a certificate: its uppercase SHA-1 thumbprint, then the algorithm. */
    public static String is4Kid(X509Certificate cert, String alg) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded())).toUpperCase(Locale.ROOT) + alg;
    }

    /** The same, of the first certificate in a PFX. */
    public static String is4Kid(Path pfx, String password, String alg) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pfx)) {
            store.load(in, password.toCharArray());
        }
        return is4Kid((X509Certificate) store.getCertificate(store.aliases().nextElement()), alg);
    }

    /** {@code keySpec}: openssl -newkey argument, e.g. "rsa:2048", "ec" with {@code curve} P-256, or "ed25519". */
    public static Path pfx(Path dir, String name, String keySpec, String curve, String password) {
        Path key = dir.resolve(name + ".key.pem");
        Path cert = dir.resolve(name + ".cert.pem");
        Path pfx = dir.resolve(name + ".pfx");
        List<String> req = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", keySpec));
        if (curve != null) {
            req.addAll(List.of("-pkeyopt", "ec_paramgen_curve:" + curve));
        }
        req.addAll(List.of("-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "30", "-subj", "/CN=ib-test-" + name));
        run(req);
        run(List.of("openssl", "pkcs12", "-export", "-inkey", key.toString(), "-in", cert.toString(), "-out", pfx.toString(),
                "-passout", "pass:" + password));
        return pfx;
    }

    /** A PFX with the certificate only, as exported without "include private key". */
    public static Path certificateOnlyPfx(Path dir, Path fromCertPem, String password) {
        Path pfx = dir.resolve("cert-only.pfx");
        run(List.of("openssl", "pkcs12", "-export", "-nokeys", "-in", fromCertPem.toString(), "-out", pfx.toString(), "-passout", "pass:" + password));
        return pfx;
    }

    /** The PEM form: the PKCS#8 key and the certificate in one file. */
    public static Path pem(Path dir, String name) throws IOException {
        Path pem = dir.resolve(name + ".pem");
        Files.writeString(pem, Files.readString(dir.resolve(name + ".key.pem")) + Files.readString(dir.resolve(name + ".cert.pem")));
        return pem;
    }

    public static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " " + command.get(1) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("openssl could not run (apt-get install openssl): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
