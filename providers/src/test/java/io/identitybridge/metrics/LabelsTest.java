package io.identitybridge.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LabelsTest {

    @Test
    void aStatusBecomesItsClass() {
        assertEquals("2xx", Labels.statusClass(200));
        assertEquals("4xx", Labels.statusClass(401));
        assertEquals("4xx", Labels.statusClass(409));
        assertEquals("5xx", Labels.statusClass(599));
        assertEquals("other", Labels.statusClass(99));
        assertEquals("other", Labels.statusClass(600));
        assertEquals("other", Labels.statusClass(-1));
    }

    @Test
    void theErrorLabelIsTheApisOwnCodeOnlyFor4xx() {
        assertEquals("invalid_request", Labels.apiError(400, "invalid_request"));
        assertEquals("invalid_token", Labels.apiError(401, "invalid_token"));
        assertEquals("insufficient_scope", Labels.apiError(403, "insufficient_scope"));
        assertEquals("access_denied", Labels.apiError(403, "access_denied"));
        assertEquals("not_found", Labels.apiError(404, "not_found"));
        assertEquals("conflict", Labels.apiError(409, "conflict"));
        assertEquals("write_conflict", Labels.apiError(409, "write_conflict"));
        assertEquals("other", Labels.apiError(400, "a caller's own text"));
        assertEquals("other", Labels.apiError(413, null));
        assertEquals("none", Labels.apiError(200, "invalid_request"));
        assertEquals("none", Labels.apiError(500, "conflict"));
    }

    @Test
    void aMethodLabelIsAStandardMethodOrOther() {
        assertEquals("POST", Labels.method("POST"));
        assertEquals("GET", Labels.method("get"));
        assertEquals("OPTIONS", Labels.method("Options"));
        assertEquals("other", Labels.method("PROPFIND"));
        assertEquals("other", Labels.method("X-" + "A".repeat(1000)));
        assertEquals("other", Labels.method(null));
        assertEquals("other", Labels.method(""));
    }
}
