package io.identitybridge.seed;

import java.util.List;
import java.util.SortedMap;

/**
 * What one input client should look like in Keycloak: the flat field map of
 * {@link ClientFieldTable}, and the scopes it names (checked against the realm when planning,
 * since only the realm knows which exist).
 */
public record DesiredClient(int index, String clientId, SortedMap<String, String> state, List<String> scopes) {
}
