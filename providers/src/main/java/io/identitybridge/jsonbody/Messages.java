package io.identitybridge.jsonbody;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * The one wording of every problem a JSON body can have, for the seed input and the Creatio APIs alike. A message
 * names what is wrong, never the value: a value may be a secret.
 */
public final class Messages {

    private Messages() {
    }

    public static String missing() {
        return "is missing";
    }

    public static String notA(String expected, JsonNode given) {
        return "must be " + expected + ", not " + kind(given);
    }

    public static String longerThan(int max) {
        return "is longer than " + max + " characters";
    }

    public static String tooMany(int size, int max) {
        return "has " + size + " entries; at most " + max + " are accepted";
    }

    public static String sameProperty(String firstSpelling) {
        return "is the same property as '" + firstSpelling + "' (names are case-insensitive); give it once";
    }

    public static String unknown(String what) {
        return "is not a known " + what;
    }

    /**
     * What is wrong with a text, or null: longer than {@code max}, a control character (tab and line breaks are
     * allowed unless {@code identifier}), or a lone UTF-16 surrogate (no UTF-8 database column can hold one).
     */
    public static String textProblem(String text, int max, boolean identifier) {
        if (text.length() > max) {
            return longerThan(max);
        }
        if (text.chars().anyMatch(c -> c < 0x20 && (identifier || c != '\t' && c != '\n' && c != '\r') || c == 0x7f)) {
            return "contains a control character";
        }
        if (hasLoneSurrogate(text)) {
            return "contains an unpaired UTF-16 surrogate, which is not a character";
        }
        return null;
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The JSON type of a value, for "must be a string, not a number": the type only, never the value. */
    public static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
