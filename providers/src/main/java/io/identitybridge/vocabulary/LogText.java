package io.identitybridge.vocabulary;

/**
 * Text from a request as it may appear in a log line: control characters (C0, DEL, C1 with NEL), line and paragraph
 * separators, format characters (the bidirectional embeddings, overrides and isolates, zero-width characters) and
 * lone surrogates are written as {@code \\uXXXX}, and a backslash as {@code \\\\}, so that no request can start a
 * line, reorder one, or forge an escape. At most {@code max} characters of the text are kept.
 */
public final class LogText {

    private LogText() {
    }

    public static String escape(String text, int max) {
        StringBuilder out = new StringBuilder();
        int taken = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1), taken++) {
            if (taken == max) {
                return out.append("...").toString();
            }
            int c = text.codePointAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (hidden(c)) {
                out.append(c > 0xFFFF ? String.format("\\U%08X", c) : String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    private static boolean hidden(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }
}
