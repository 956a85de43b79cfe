package io.identitybridge.queryparams;

/** Text helpers for parameter values and for names echoed back in errors. */
public final class ParamValues {

    private static final int ECHO_MAX = 64;

    private ParamValues() {
    }

    /** Drops control characters (C0, DEL, C1), as Keycloak does for the parameters it knows. */
    public static String stripControls(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(c -> !Character.isISOControl(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * A caller-chosen name made safe for an {@code error_description} (RFC 6749 allows printable ASCII without
     * {@code "} and {@code \}): anything else becomes {@code ?}, and long names are cut with an ellipsis.
     */
    public static String echo(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < ECHO_MAX; i++) {
            char c = name.charAt(i);
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '?');
        }
        return name.length() > ECHO_MAX ? out + "..." : out.toString();
    }
}
