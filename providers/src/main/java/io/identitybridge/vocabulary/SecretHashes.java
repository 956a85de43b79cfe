package io.identitybridge.vocabulary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * IdentityServer4's secret storage: base64 of the SHA-256 (or SHA-512) of the UTF-8 secret, unsalted. Keeping that
 * format lets hashes read from a running Identity Service database keep working, and no plaintext is stored.
 */
public final class SecretHashes {

    private SecretHashes() {
    }

    public static String sha256(String secret) {
        return hash("SHA-256", secret);
    }

    public static String sha512(String secret) {
        return hash("SHA-512", secret);
    }

    /** The raw SHA-256 of the UTF-8 secret, as the base64 of {@link #sha256} decodes to. */
    public static byte[] sha256Bytes(String secret) {
        return digest("SHA-256", secret);
    }

    public static byte[] sha512Bytes(String secret) {
        return digest("SHA-512", secret);
    }

    /**
     * A client's stored secrets attribute when its one secret is {@code secret}, with no expiry and no description:
     * the JSON array of {@code {hash, expires, description}} entries that seeding writes and the authenticator reads.
     * Base64 needs no JSON escaping, so the text is built directly.
     */
    public static String storedForm(String secret) {
        return "[{\"hash\":\"" + sha256(secret) + "\"}]";
    }

    /** True for a base64 string of 32 or 64 bytes, the two IS4 hash sizes. */
    public static boolean looksLikeHash(String value) {
        try {
            int n = Base64.getDecoder().decode(value).length;
            return n == 32 || n == 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Compares a presented secret with a stored hash, in time independent of where they differ. */
    public static boolean matches(String presented, String storedHash) {
        byte[] stored;
        try {
            stored = Base64.getDecoder().decode(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String candidate = stored.length == 64 ? sha512(presented) : sha256(presented);
        return MessageDigest.isEqual(Base64.getDecoder().decode(candidate), stored);
    }

    private static String hash(String alg, String secret) {
        return Base64.getEncoder().encodeToString(digest(alg, secret));
    }

    private static byte[] digest(String alg, String secret) {
        try {
            return MessageDigest.getInstance(alg).digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " is missing from this JVM", e);
        }
    }
}
