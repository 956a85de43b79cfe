package io.identitybridge.config;

import io.identitybridge.signingkey.SigningKeySettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptionReaderTest {

    private static String problems(Map<String, String> values, java.util.function.Consumer<OptionReader> reads) {
        OptionReader in = new OptionReader(values::get);
        reads.accept(in);
        return assertThrows(IllegalArgumentException.class, in::check).getMessage();
    }

    @Test
    void aWrongValueIsNamedByItsCliSpellingWithTheRuleItBreaks() {
        assertEquals("Invalid Identity Bridge configuration: --spi-identity-bridge--default--secret-min-length is 0; it must be"
                + " between 1 and 1024; --spi-identity-bridge--default--prune 'yes' must be 'true' or 'false'",
                problems(Map.of("secret-min-length", "0", "prune", "yes"), in -> {
                    in.integer(Options.SECRET_MIN_LENGTH);
                    in.bool(Options.PRUNE);
                }));
        assertEquals("Invalid Identity Bridge configuration: --spi-identity-bridge--default--signing-algorithm 'HS256' must be"
                + " one of RS256, PS256, ES256, ES384, ES512; --spi-identity-bridge--default--on-invalid ' x' must be 'fail' or 'skip'",
                problems(Map.of("signing-algorithm", "HS256", "on-invalid", " x"), in -> {
                    in.choice(Options.SIGNING_ALGORITHM);
                    in.choice(Options.ON_INVALID);
                }));
    }

    @Test
    void aChoiceIsMatchedInAnyCaseAndAnsweredAsTheTableSpellsIt() {
        OptionReader in = new OptionReader(Map.of("signing-algorithm", " es384 ", "on-invalid", "SKIP")::get);
        assertEquals("ES384", in.choice(Options.SIGNING_ALGORITHM));
        assertEquals("skip", in.choice(Options.ON_INVALID));
        assertEquals(20, in.integer(Options.MAX_PARAMETERS));
        in.check();
    }

    @Test
    void aSecretOptionIsShownOnlyAsSetOrUnset() {
        String text = new SigningKeySettings(Path.of("/k.pfx"), "pfx-password-1", "KID").toString();
        assertFalse(text.contains("pfx-password-1"), text);
        assertEquals("SigningKeySettings[signing-certificate-file=/k.pfx, signing-certificate-password=set, signing-key-id=KID]", text);
    }
}
