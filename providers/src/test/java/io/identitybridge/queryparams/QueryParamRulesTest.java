package io.identitybridge.queryparams;

import io.identitybridge.queryparams.QueryParamRules.Decision;
import io.identitybridge.queryparams.QueryParamSettings.Mode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParamRulesTest {

    private static final AllowList CREATIO = AllowList.parse("[\"invitationHash\",\"targetSubject\"]").orElseThrow();
    private static final QueryParamSettings LIMITS = new QueryParamSettings(2000, 10, Mode.REJECT);

    private static Map<String, List<String>> raw(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
        }
        return m;
    }

    private static Decision decide(Mode mode, Map<String, List<String>> raw) {
        return QueryParamRules.decide(CREATIO, mode, LIMITS, raw, Map.of());
    }

    @Test
    void standardParametersPassAndAllowedOnesAreKept() {
        Decision d = decide(Mode.REJECT, raw("client_id", "c", "scope", "openid", "ui_locales", "de", "display", "page",
                "invitationHash", "abc", "targetSubject", "42"));
        assertNull(d.error());
        assertEquals(Map.of("invitationHash", "abc", "targetSubject", "42"), d.kept());
    }

    @Test
    void anUnknownParameterIsRejectedByNameOrDropped() {
        Decision rejected = decide(Mode.REJECT, raw("invitationHash", "abc", "foo", "1"));
        assertEquals("Parameter 'foo' is not allowed for this client", rejected.error());
        Decision dropped = decide(Mode.DROP, raw("invitationHash", "abc", "foo", "1"));
        assertNull(dropped.error());
        assertEquals(Map.of("invitationHash", "abc"), dropped.kept());
        assertEquals(Set.of("foo"), dropped.dropped());
    }

    @Test
    void namesMatchIgnoringCaseAndAreStoredAsListed() {
        Decision d = decide(Mode.REJECT, raw("InvitationHash", "abc"));
        assertEquals(Map.of("invitationHash", "abc"), d.kept());
        assertTrue(decide(Mode.REJECT, raw("InvitationHash", "a", "invitationhash", "b")).error().contains("more than once"));
        assertTrue(decide(Mode.REJECT, raw("invitationHash", "a", "invitationHash", "b")).error().contains("more than once"));
    }

    @Test
    void valuesAreCleanedAndLimited() {
        assertEquals(Map.of("invitationHash", "ab"), decide(Mode.REJECT, raw("invitationHash", "a\r\nb")).kept());
        assertTrue(decide(Mode.REJECT, raw("invitationHash", " ")).kept().isEmpty());
        assertNull(decide(Mode.REJECT, raw("invitationHash", "x".repeat(2000))).error());
        assertEquals("Parameter 'invitationHash' is longer than 2000 characters",
                decide(Mode.REJECT, raw("invitationHash", "x".repeat(2001))).error());
    }

    @Test
    void sixLongAllowedParametersAreAllKeptWhole() {
        AllowList six = AllowList.parse("p1,p2,p3,p4,p5,p6").orElseThrow();
        Map<String, List<String>> r = raw();
        for (int i = 1; i <= 6; i++) {
            r.put("p" + i, List.of(String.valueOf(i).repeat(1500)));
        }
        // What Keycloak's parser left: five, as it stops at add-req-params-max-number.
        Map<String, String> parsed = Map.of("p1", "1", "p2", "2");
        Decision d = QueryParamRules.decide(six, Mode.REJECT, LIMITS, r, parsed);
        assertNull(d.error());
        assertEquals(6, d.kept().size());
        d.kept().values().forEach(v -> assertEquals(1500, v.length()));
    }

    @Test
    void tooManyAllowedParametersIsAnError() {
        AllowList many = AllowList.parse("a,b,c").orElseThrow();
        Decision d = QueryParamRules.decide(many, Mode.REJECT, new QueryParamSettings(100, 2, Mode.REJECT),
                raw("a", "1", "b", "2", "c", "3"), Map.of());
        assertEquals("More than 2 extra parameters", d.error());
    }

    @Test
    void parametersFromARequestObjectFollowTheSameRules() {
        Decision d = QueryParamRules.decide(CREATIO, Mode.DROP, LIMITS, raw("request", "jwt"), Map.of("targetSubject", "7", "evil", "x"));
        assertEquals(Map.of("targetSubject", "7"), d.kept());
        assertEquals(Set.of("evil"), d.dropped());
    }
}
