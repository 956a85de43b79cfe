package io.identitybridge.signingkey;

import io.identitybridge.it.support.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the IdentityServer4 signing certificate: the supported keys, the kid, and each refusal naming the file. */
class CertificateFileTest {

    private static final String PW = "pfx-test-password-1";

    @TempDir
    Path dir;

    @Test
    void rsaPfxSignsRs256WithIs4ThumbprintPlusAlgAsKid() {
        SigningCertificate c = load(TestCertificates.pfx(dir, "rsa", "rsa:2048", null, PW), PW, null);
        assertEquals("RS256", c.algorithm());
        assertEquals(SigningCertificate.thumbprint(c.certificate()) + "RS256", c.kid());
        assertTrue(c.kid().matches("[0-9A-F]{40}RS256"), c.kid());
    }

    @Test
    void ecCurvesMapToTheirJwsAlgorithmsAndPasswordLessPfxWorks() {
        for (Map.Entry<String, String> e : Map.of("P-256", "ES256", "P-384", "ES384", "P-521", "ES512").entrySet()) {
            SigningCertificate c = load(TestCertificates.pfx(dir, "ec" + e.getKey(), "ec", e.getKey(), ""), "", null);
            assertEquals(e.getValue(), c.algorithm());
            assertEquals(e.getKey(), c.curve());
        }
    }

    @Test
    void configuredKidWinsAndPemIsAccepted() throws Exception {
        TestCertificates.pfx(dir, "pem", "rsa:2048", null, PW);
        SigningCertificate c = load(TestCertificates.pem(dir, "pem"), "", "OLD-IS3-KID");
        assertEquals("OLD-IS3-KID", c.kid());
        assertEquals("RS256", c.algorithm());
    }

    @Test
    void wrongPasswordNamesTheFileAndNeverThePassword() {
        Path pfx = TestCertificates.pfx(dir, "rsa", "rsa:2048", null, PW);
        String msg = refusal(pfx, "not-the-" + PW);
        assertTrue(msg.contains(pfx.toString()) && msg.contains("the password is wrong"), msg);
        assertFalse(msg.contains("not-the-" + PW));
    }

    @Test
    void missingFileIsNamed() {
        String msg = refusal(dir.resolve("nowhere.pfx"), "");
        assertTrue(msg.contains("nowhere.pfx") && msg.contains("does not exist"), msg);
    }

    @Test
    void certificateWithoutPrivateKeyIsNamed() {
        TestCertificates.pfx(dir, "rsa", "rsa:2048", null, PW);
        Path pfx = TestCertificates.certificateOnlyPfx(dir, dir.resolve("rsa.cert.pem"), PW);
        String msg = refusal(pfx, PW);
        assertTrue(msg.contains(pfx.toString()) && msg.contains("holds no private key"), msg);
    }

    @Test
    void unsupportedCurveAndKeyTypeAreNamed() {
        Path k1 = TestCertificates.pfx(dir, "k1", "ec", "secp256k1", PW);
        String msg = refusal(k1, PW);
        assertTrue(msg.contains(k1.toString()) && (msg.contains("curve") || msg.contains("unsupported")), msg);
        Path ed = TestCertificates.pfx(dir, "ed", "ed25519", null, PW);
        String edMsg = refusal(ed, PW);
        assertTrue(edMsg.contains(ed.toString()) && edMsg.contains("not supported"), edMsg);
    }

    private static SigningCertificate load(Path file, String password, String kid) {
        return CertificateFile.load(new SigningKeySettings(file, password, kid));
    }

    private static String refusal(Path file, String password) {
        return assertThrows(IllegalArgumentException.class, () -> load(file, password, null)).getMessage();
    }
}
