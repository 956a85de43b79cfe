package io.identitybridge.signingkey;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** A certificate with its private key, the JWS algorithm that key signs with, and the {@code kid} to publish. */
public record SigningCertificate(PrivateKey privateKey, List<X509Certificate> chain, String algorithm, String curve, String kid) {

    /** Only the NIST curves P-256, P-384 and P-521 sign JWS (RFC 7518 §3.4); recognised by their group order. */
    private static final BigInteger P256_N = order("secp256r1");
    private static final BigInteger P384_N = order("secp384r1");
    private static final BigInteger P521_N = order("secp521r1");

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Builds it, or says in words why this key cannot sign JWTs. */
    static SigningCertificate of(PrivateKey key, List<X509Certificate> chain, String configuredKid) {
        String alg;
        String curve = null;
        if (key instanceof RSAPrivateKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("the RSA key has " + rsa.getModulus().bitLength() + " bits; at least 2048 are needed");
            }
            alg = "RS256";
        } else if (key instanceof ECPrivateKey ec) {
            BigInteger n = ec.getParams().getOrder();
            if (P256_N.equals(n)) {
                alg = "ES256";
                curve = "P-256";
            } else if (P384_N.equals(n)) {
                alg = "ES384";
                curve = "P-384";
            } else if (P521_N.equals(n)) {
                alg = "ES512";
                curve = "P-521";
            } else {
                throw new IllegalArgumentException("the EC key's curve (" + ec.getParams().getCurve().getField().getFieldSize()
                        + " bits) is not supported; use P-256, P-384 or P-521");
            }
        } else {
            throw new IllegalArgumentException("the key type " + key.getAlgorithm() + " is not supported; use RSA or EC P-256/P-384/P-521");
        }
        if (!matches(key, chain.get(0), alg)) {
            throw new IllegalArgumentException("the private key does not belong to the certificate");
        }
        String kid = configuredKid != null ? configuredKid : thumbprint(chain.get(0)) + alg;
        return new SigningCertificate(key, List.copyOf(chain), alg, curve, kid);
    }

    private static BigInteger order(String curve) {
        try {
            java.security.AlgorithmParameters p = java.security.AlgorithmParameters.getInstance("EC");
            p.init(new java.security.spec.ECGenParameterSpec(curve));
            return p.getParameterSpec(java.security.spec.ECParameterSpec.class).getOrder();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(PrivateKey key, X509Certificate cert, String alg) {
        try {
            String javaAlg = switch (alg) {
                case "RS256" -> "SHA256withRSA";
                case "ES256" -> "SHA256withECDSA";
                case "ES384" -> "SHA384withECDSA";
                default -> "SHA512withECDSA";
            };
            byte[] probe = "identity-bridge".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.security.Signature signer = java.security.Signature.getInstance(javaAlg);
            signer.initSign(key);
            signer.update(probe);
            byte[] sig = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance(javaAlg);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(sig);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    /** What IdentityServer4's X509SecurityKey uses as kid: the certificate's SHA-1 thumbprint, uppercase hex. */
    public static String thumbprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded())).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
