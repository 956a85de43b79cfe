package io.identitybridge.authorize;

/** Finds C0 control characters and DEL in percent-encoded text, without decoding it (which may itself fail). */
final class ControlCharacters {

    private ControlCharacters() {
    }

    static boolean inEncoded(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isControl(c)) {
                return true;
            }
            if (c == '%' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0 && isControl((char) (hi * 16 + lo))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F;
    }
}
