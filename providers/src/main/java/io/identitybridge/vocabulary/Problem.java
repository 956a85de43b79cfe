package io.identitybridge.vocabulary;

/**
 * One finding about an input: the seed input, where it names the client by its position and ClientId, and the field,
 * so that an administrator can find it in a long appsettings string; or an API body, where the field alone says it.
 * It never carries a secret value.
 */
public record Problem(Severity severity, String kind, Integer index, String name, String field, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(Integer index, String clientId, String field, String message) {
        return new Problem(Severity.ERROR, "client", index, clientId, field, message);
    }

    /** A problem of the input as a whole, not of one client. */
    public static Problem input(String source, String message) {
        return new Problem(Severity.ERROR, null, null, null, source, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(severity.name().toLowerCase()).append(": ");
        if (index != null) {
            sb.append(kind).append(" #").append(index);
            if (name != null) {
                sb.append(" (").append(name).append(')');
            }
            sb.append(' ');
        }
        if (field != null) {
            sb.append(field).append(' ');
        }
        return sb.append(message).toString();
    }
}
