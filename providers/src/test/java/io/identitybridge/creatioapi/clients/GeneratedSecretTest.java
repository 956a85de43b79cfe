package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.seed.DesiredState;
import io.identitybridge.vocabulary.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The secret Clients/register and rotateSecret generate is one the reader accepts, for every allowed secret-min-length. */
class GeneratedSecretTest {

    @Test
    void everyAllowedMinimumGivesASecretTheReaderAccepts() {
        for (int min = 1; min <= 1024; min++) {
            String secret = ClientWrites.newSecret(min);
            assertTrue(secret.length() >= Math.max(64, min), min + ": " + secret.length() + " characters");
            assertTrue(secret.length() <= 1024, min + ": " + secret.length() + " characters");
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("ClientId", "c");
            body.putArray("Secrets").add(secret);
            List<Problem> problems = new ArrayList<>();
            DesiredState.readClient(body, min, problems);
            assertEquals(List.of(), problems.stream().filter(Problem::isError).map(Problem::toString).toList(), "secret-min-length " + min);
        }
    }

    @Test
    void theDefaultMinimumStillGivesSixtyFourCharacters() {
        assertEquals(64, ClientWrites.newSecret(32).length());
    }
}
