package io.identitybridge.seed;

import java.util.SortedMap;

/** An IS4 scope (seed 004 §5.7) as a Keycloak client scope: flat fields, plus claim names as user-attribute mappers. */
public record DesiredScope(int index, String name, SortedMap<String, String> state) {
}
