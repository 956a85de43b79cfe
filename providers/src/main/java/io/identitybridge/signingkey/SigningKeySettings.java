package io.identitybridge.signingkey;

import io.identitybridge.config.IdentityBridgeSettings;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The three signing options. The password may be empty (Creatio's tooling writes password-less PFX files), so an
 * unset and an empty password are the same; it never appears in {@link #toString()}.
 */
public record SigningKeySettings(Path file, String password, String keyId) {

    public static final String OPT_FILE = "signing-certificate-file";
    public static final String OPT_PASSWORD = "signing-certificate-password";
    public static final String OPT_KEY_ID = "signing-key-id";

    public static SigningKeySettings parse(Function<String, String> lookup) {
        String file = lookup.apply(OPT_FILE);
        String password = lookup.apply(OPT_PASSWORD);
        String kid = lookup.apply(OPT_KEY_ID);
        if (file == null || file.isBlank()) {
            if (kid != null && !kid.isBlank()) {
                throw new IllegalArgumentException("Invalid Identity Bridge configuration: " + IdentityBridgeSettings.cliName(OPT_KEY_ID)
                        + " is set without " + IdentityBridgeSettings.cliName(OPT_FILE));
            }
            return null;
        }
        if (kid != null && (kid.isBlank() || kid.length() > 255 || !kid.equals(kid.strip()))) {
            throw new IllegalArgumentException("Invalid Identity Bridge configuration: " + IdentityBridgeSettings.cliName(OPT_KEY_ID)
                    + " must be 1-255 characters without leading or trailing spaces");
        }
        return new SigningKeySettings(Path.of(file.strip()), password == null ? "" : password, kid);
    }

    @Override
    public String toString() {
        return "SigningKeySettings[file=" + file + ", keyId=" + keyId + "]";
    }
}
