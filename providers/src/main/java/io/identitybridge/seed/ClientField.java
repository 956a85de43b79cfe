package io.identitybridge.seed;

import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.models.ClientModel;
import org.keycloak.representations.idm.ClientRepresentation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One Keycloak-side client field the seeder owns: its key in a client's flat state, the IS4 property an administrator
 * would recognise, its {@link Type}, and how it is read from a stored client, written to one, and put into the
 * representation a new client is created from (and read back from it, so a unit test can check create against read).
 * A client's flat state holds each value as its type formats it, so that planning is a plain string comparison.
 */
record ClientField<T>(String key, String source, Type<T> type, Function<ClientModel, T> reader, Writer<T> writer,
                      BiConsumer<ClientRepresentation, T> creator, Function<ClientRepresentation, T> created) {

    /** How a value is held in the flat state. */
    record Type<T>(Function<T, String> format, Function<String, T> parse) {
    }

    /** Null and empty are the same text: "no value". */
    static final Type<String> TEXT = new Type<>(value -> value == null ? "" : value, text -> text.isEmpty() ? null : text);
    /** "true" or "false"; a missing value reads as false. */
    static final Type<Boolean> BOOLEAN = new Type<>(value -> String.valueOf(Boolean.TRUE.equals(value)), Boolean::parseBoolean);
    /** A set of strings as a sorted JSON array, so that equal sets compare equal. */
    static final Type<Collection<String>> SET = new Type<>(values -> Json.sortedArray(values == null ? List.of() : values), Json::list);

    /** Writes one value into a stored client. */
    @FunctionalInterface
    interface Writer<T> {
        void write(ClientStateIO.Target target, T value);
    }

    /** A Keycloak client attribute, stored as text; an empty value removes it. */
    static ClientField<String> attribute(String name, String source) {
        return new ClientField<>(ClientFields.ATTR + name, source, TEXT, client -> client.getAttribute(name),
                (target, value) -> {
                    if (value == null) {
                        target.client().removeAttribute(name);
                    } else {
                        target.client().setAttribute(name, value);
                    }
                },
                (rep, value) -> {
                    if (value != null) {
                        attributes(rep).put(name, value);
                    }
                },
                rep -> attributes(rep).get(name));
    }

    /** A property of the client model with a plain setter. */
    static <T> ClientField<T> property(String key, String source, Type<T> type, Function<ClientModel, T> reader,
                                       BiConsumer<ClientModel, T> setter, BiConsumer<ClientRepresentation, T> creator,
                                       Function<ClientRepresentation, T> created) {
        return new ClientField<>(key, source, type, reader, (target, value) -> setter.accept(target.client(), value), creator, created);
    }

    String read(ClientModel client) {
        return type.format().apply(reader.apply(client));
    }

    String readCreated(ClientRepresentation rep) {
        return type.format().apply(created.apply(rep));
    }

    void write(ClientStateIO.Target target, String text) {
        writer.write(target, type.parse().apply(text));
    }

    void create(ClientRepresentation rep, String text) {
        creator.accept(rep, type.parse().apply(text));
    }

    /** This field's value in a flat state; a missing one parses as the empty text does. */
    T get(Map<String, String> state) {
        return type.parse().apply(state.getOrDefault(key, ""));
    }

    void put(Map<String, String> state, T value) {
        state.put(key, type.format().apply(value));
    }

    private static Map<String, String> attributes(ClientRepresentation rep) {
        if (rep.getAttributes() == null) {
            rep.setAttributes(new HashMap<>());
        }
        return rep.getAttributes();
    }
}
