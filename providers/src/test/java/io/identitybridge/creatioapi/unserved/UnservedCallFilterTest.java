package io.identitybridge.creatioapi.unserved;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnservedCallFilterTest {

    @Test
    void aLoggedPathHasNoControlCharacters() {
        assertEquals("/a...", UnservedCallFilter.printable("/a\u0000\n"));
    }
}
