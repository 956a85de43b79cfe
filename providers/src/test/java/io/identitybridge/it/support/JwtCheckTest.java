package io.identitybridge.it.support;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suite's token check refuses what .NET's readers would silently resolve to the last value: a repeated key. */
public class JwtCheckTest {

    @Test
    public void aPayloadWithADuplicateKeyIsRejected() {
        String forged = jwt("{\"alg\":\"RS256\"}", "{\"exp\":1,\"azp\":\"app\",\"exp\":99999999999}");
        AssertionError e = assertThrows(AssertionError.class, () -> JwtCheck.payload(forged));
        assertTrue(e.getMessage().contains("exp"), e.getMessage());
    }

    @Test
    public void aHeaderWithADuplicateKeyIsRejected() {
        assertThrows(AssertionError.class, () -> JwtCheck.payload(jwt("{\"alg\":\"RS256\",\"alg\":\"none\"}", "{\"sub\":\"a\"}")));
    }

    @Test
    public void duplicatesAreFoundInBodiesFragmentsAndEncodedUrls() {
        String forged = jwt("{\"alg\":\"RS256\"}", "{\"client_id\":\"a\",\"client_id\":\"b\"}");
        assertThrows(AssertionError.class, () -> JwtCheck.scan("{\"access_token\":\"" + forged + "\",\"token_type\":\"Bearer\"}"));
        assertThrows(AssertionError.class, () -> JwtCheck.scan("http://localhost/cb#state=s&id_token=" + forged));
        assertThrows(AssertionError.class, () -> JwtCheck.scan("<input type=\"hidden\" name=\"id_token\" value=\"" + forged + "\"/>"));
    }

    @Test
    public void aWellFormedTokenPassesAndNestedObjectsMayRepeatNames() {
        String ok = jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", "{\"sub\":\"a\",\"realm_access\":{\"roles\":[]},\"resource_access\":{\"x\":{\"roles\":[]}}}");
        assertEquals("a", JwtCheck.payload(ok).get("sub").asText());
        JwtCheck.scan("{\"access_token\":\"" + ok + "\"}");
    }

    /** A token with six claims of 1,500 characters (QueryParamsIT) overflowed the stack of a per-character regex loop. */
    @Test
    public void aLongTokenValueInJsonIsReadWithoutOverflowingTheStack() {
        String ok = jwt("{\"alg\":\"RS256\"}", "{\"sub\":\"" + "a".repeat(200_000) + "\"}");
        JwtCheck.scan("{\"id_token\":\"" + ok + "\",\"note\":\"x\\\"y\"}");
        String forged = jwt("{\"alg\":\"RS256\"}", "{\"sub\":\"" + "a".repeat(200_000) + "\",\"sub\":\"b\"}");
        assertThrows(AssertionError.class, () -> JwtCheck.scan("{\"id_token\":\"" + forged + "\"}"));
    }

    @Test
    public void onlyTokenValuesAreCheckedNotOtherTextThatLooksLikeOne() {
        // What broke HostileInputIT: a login page's random values decode to a JSON text cut off in a field name.
        String cut = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"ab".getBytes(StandardCharsets.UTF_8));
        String lookalike = cut + ".eyJzdWIi.x";
        JwtCheck.scan("<form action=\"/login-actions/authenticate?session_code=" + lookalike + "&tab_id=" + lookalike + "\">");
        JwtCheck.scan("Location: http://localhost/cb?state=" + lookalike + "&code=" + lookalike);
        JwtCheck.scan("{\"error_description\":\"" + lookalike + "\",\"session_state\":\"" + lookalike + "\"}");
        JwtCheck.scan("<input type=\"hidden\" name=\"code\" value=\"" + lookalike + "\"/>");
        assertEquals(List.of(), JwtCheck.tokenValues("execution=" + lookalike + "&client_data=" + lookalike));
    }

    @Test
    public void aTokenValueWithADuplicateKeyStillFailsWhereverItTravels() {
        String forged = jwt("{\"alg\":\"RS256\"}", "{\"sub\":\"a\",\"sub\":\"b\"}");
        assertThrows(AssertionError.class, () -> JwtCheck.scan("HTTP/1.1 302 Found\r\nLocation: http://localhost/cb#state=s&access_token=" + forged));
        assertThrows(AssertionError.class, () -> JwtCheck.scan("code=c&access_token=" + forged + "&token_type=Bearer"));
        assertThrows(AssertionError.class, () -> JwtCheck.scan("{\"token_type\":\"Bearer\", \"id_token\" : \"" + forged + "\"}"));
        assertThrows(AssertionError.class, () -> JwtCheck.scan("<input type=\"hidden\" name=\"id_token\" value=\"" + forged + "\"/>"));
        assertThrows(AssertionError.class, () -> JwtCheck.scan("<INPUT value='" + forged + "' name='refresh_token'>"));
        assertThrows(AssertionError.class, () -> JwtCheck.scan("http://localhost/cb?refresh_token=" + forged.replace(".", "%2E")));
    }

    @Test
    public void aTokenValueCutOffIsRefusedAsStrictlyAsBefore() {
        String cut = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"ab".getBytes(StandardCharsets.UTF_8)) + ".eyJzdWIi.x";
        AssertionError e = assertThrows(AssertionError.class, () -> JwtCheck.scan("{\"access_token\":\"" + cut + "\"}"));
        assertTrue(e.getMessage().contains("not JSON with unique keys"), e.getMessage());
    }

    private static String jwt(String header, String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
