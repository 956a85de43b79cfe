package io.identitybridge.queryparams;

import io.identitybridge.queryparams.QueryParamSettings.Mode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParamSettingsTest {

    @Test
    void defaults() {
        QueryParamSettings s = QueryParamSettings.parse(k -> null);
        assertEquals(4000, s.maxValueLength());
        assertEquals(20, s.maxParameters());
        assertEquals(Mode.REJECT, s.defaultMode());
    }

    @Test
    void readsEveryOption() {
        Map<String, String> opts = Map.of("max-value-length", "100", "max-parameters", "3", "unknown-parameters", "DROP");
        QueryParamSettings s = QueryParamSettings.parse(opts::get);
        assertEquals(new QueryParamSettings(100, 3, Mode.DROP), s);
    }

    @Test
    void aWrongValueNamesTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueryParamSettings.parse(Map.of("max-value-length", "0")::get));
        assertTrue(e.getMessage().contains("spi-client-policy-executor--ib-query-parameters--max-value-length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> QueryParamSettings.parse(Map.of("unknown-parameters", "ignore")::get));
        assertTrue(e.getMessage().contains("unknown-parameters"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QueryParamSettings.parse(Map.of("max-parameters", "many")::get));
    }
}
