package io.identitybridge.queryparams;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParamValuesTest {

    @Test
    void stripsControlCharactersAndKeepsTheRest() {
        assertEquals("abcdé€", ParamValues.stripControls("a\u0000b\r\nc\td\u007f\u0085é€"));
        assertEquals("<script>alert(1)</script>", ParamValues.stripControls("<script>alert(1)</script>"));
    }

    @Test
    void echoedNamesArePrintableAsciiWithoutQuotesAndShort() {
        assertEquals("a?b?c?d", ParamValues.echo("a\"b\\c\nd"));
        assertEquals("caf?", ParamValues.echo("café"));
        String longName = "x".repeat(100);
        assertEquals("x".repeat(64) + "...", ParamValues.echo(longName));
    }
}
