package io.identitybridge.signingkey;

import io.identitybridge.config.Option;
import io.identitybridge.config.OptionReader;
import io.identitybridge.config.Options;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The three signing options. The password may be empty (Creatio's tooling writes password-less PFX files), so an
 * unset and an empty password are the same; {@link #toString()} says only whether it is set.
 */
public record SigningKeySettings(Path file, String password, String keyId) {

    /** Null when no certificate file is set. */
    public static SigningKeySettings parse(Function<String, String> lookup) {
        OptionReader in = new OptionReader(lookup);
        String file = in.text(Options.SIGNING_CERTIFICATE_FILE);
        String password = in.text(Options.SIGNING_CERTIFICATE_PASSWORD);
        Option keyId = Options.SIGNING_KEY_ID;
        String kid = in.text(keyId);
        if (file == null || file.isBlank()) {
            if (kid != null && !kid.isBlank()) {
                in.problem(keyId, "is set without " + Options.SIGNING_CERTIFICATE_FILE.cli());
                in.check();
            }
            return null;
        }
        if (kid != null && (kid.isBlank() || kid.length() > keyId.max() || !kid.equals(kid.strip()))) {
            in.problem(keyId, "must be " + keyId.min() + "-" + keyId.max() + " characters without leading or trailing spaces");
            in.check();
        }
        return new SigningKeySettings(Path.of(file.strip()), password == null ? "" : password, kid);
    }

    @Override
    public String toString() {
        Map<Option, Object> v = new HashMap<>();
        v.put(Options.SIGNING_CERTIFICATE_FILE, file);
        v.put(Options.SIGNING_CERTIFICATE_PASSWORD, password);
        v.put(Options.SIGNING_KEY_ID, keyId);
        return OptionReader.describe("SigningKeySettings", v);
    }
}
