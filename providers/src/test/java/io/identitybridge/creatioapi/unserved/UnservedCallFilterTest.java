package io.identitybridge.creatioapi.unserved;

import io.identitybridge.vocabulary.LogText;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What of a request reaches the log: control, separator and bidirectional characters only as escapes. */
class UnservedCallFilterTest {

    @Test
    void aLoggedPathHasNoControlCharacters() {
        assertEquals("/a\\u0000\\u000A\\u000D\\u007F\\u0085", LogText.escape("/a\u0000\n\r\u007f\u0085", 200));
    }

    @Test
    void lineSeparatorsAndBidiControlsAreEscaped() {
        String hostile = "/x\u2028y\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f\ufeff\ud800z";
        assertEquals("/x\\u2028y\\u2029\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069\\u200B\\u200E\\u200F\\uFEFF\\uD800z",
                LogText.escape(hostile, 200));
    }

    @Test
    void aBackslashIsEscapedSoThatNoEscapeCanBeForged() {
        assertEquals("/a\\\\u2028", LogText.escape("/a\\u2028", 200));
    }

    @Test
    void printableTextIncludingOtherScriptsPassesAndLongTextIsCut() {
        assertEquals("/Clients/génère/数据/😀", LogText.escape("/Clients/génère/数据/😀", 200));
        assertEquals("abc...", LogText.escape("abcdef", 3));
        assertEquals("\\U000E0001", LogText.escape(new String(Character.toChars(0xE0001)), 5));
    }
}
