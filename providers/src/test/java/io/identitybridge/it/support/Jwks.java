package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Verifies a JWT as a relying party does: the JWK by the token's kid, the key built from the JWK's own numbers. */
public final class Jwks {

    private Jwks() {
    }

    /** The token's header as JSON. */
    public static JsonNode header(String jwt) throws Exception {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }

    /** Finds the JWK by the token's kid and verifies with the key built from the JWK's own numbers. */
    public static boolean verifies(String jwt, JsonNode jwks) throws Exception {
        JsonNode header = Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        JsonNode jwk = byKid(jwks, header.get("kid").asText());
        return jwk != null && verifyWith(jwt, header.get("alg").asText(), publicKey(jwk));
    }

    public static boolean verifyWith(String jwt, String alg, PublicKey key) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature s = Signature.getInstance(javaAlg(alg));
        s.initVerify(key);
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return s.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    public static PublicKey publicKey(JsonNode jwk) throws Exception {
        Base64.Decoder d = Base64.getUrlDecoder();
        if ("RSA".equals(jwk.get("kty").asText())) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(new BigInteger(1, d.decode(jwk.get("n").asText())),
                    new BigInteger(1, d.decode(jwk.get("e").asText()))));
        }
        String curve = switch (jwk.get("crv").asText()) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            default -> "secp521r1";
        };
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(curve));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(new BigInteger(1, d.decode(jwk.get("x").asText())),
                new BigInteger(1, d.decode(jwk.get("y").asText()))), params.getParameterSpec(ECParameterSpec.class)));
    }

    /** JWS ES* signatures are R||S (IEEE P1363), which Java names "...inP1363Format". */
    public static String javaAlg(String alg) {
        return switch (alg) {
            case "RS256" -> "SHA256withRSA";
            case "ES256" -> "SHA256withECDSAinP1363Format";
            case "ES384" -> "SHA384withECDSAinP1363Format";
            default -> "SHA512withECDSAinP1363Format";
        };
    }

    public static JsonNode byKid(JsonNode jwks, String kid) {
        for (JsonNode k : jwks.get("keys")) {
            if (kid.equals(k.path("kid").asText())) {
                return k;
            }
        }
        return null;
    }

}
