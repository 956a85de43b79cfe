package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.seed.DesiredState;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.vocabulary.Problem;
import io.identitybridge.vocabulary.SecretHashes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A rotated secret is stored exactly as seeding stores a secret sent in Secrets, so that both authenticate alike. */
class RotatedSecretTest {

    @Test
    void theHashedStoredFormEqualsWhatSeedingsReaderStores() {
        String secret = "a-generated-secret-of-sixty-four-characters-0123456789abcdefghij";
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("ClientId", "c");
        body.putArray("Secrets").add(secret);
        List<Problem> problems = new ArrayList<>();
        String read = DesiredState.readClient(body, 32, problems).state().get(ClientFields.ATTR + ClientFields.ATTR_SECRETS);
        assertEquals(List.of(), problems.stream().filter(Problem::isError).toList());
        assertEquals(read, SecretHashes.storedForm(secret));
    }
}
