package io.identitybridge.seed;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Our protocol mappers as client fields: a field is true while the client has the mapper of that provider. */
final class ClientMappers {

    private ClientMappers() {
    }

    /** {@code model} makes a fresh model each time: Keycloak stores an id into the one it gets. */
    static ClientField<Boolean> field(String key, String source, String providerId, Supplier<ProtocolMapperModel> model) {
        return new ClientField<>(key, source, ClientField.BOOLEAN,
                client -> client.getProtocolMappersStream().anyMatch(mapper -> providerId.equals(mapper.getProtocolMapper())),
                (target, wanted) -> write(target.client(), providerId, model, wanted),
                (rep, wanted) -> {
                    if (wanted) {
                        List<ProtocolMapperRepresentation> mappers = new ArrayList<>(
                                rep.getProtocolMappers() == null ? List.of() : rep.getProtocolMappers());
                        mappers.add(ModelToRepresentation.toRepresentation(model.get()));
                        rep.setProtocolMappers(mappers);
                    }
                },
                rep -> has(rep, providerId));
    }

    private static boolean has(ClientRepresentation rep, String providerId) {
        return rep.getProtocolMappers() != null
                && rep.getProtocolMappers().stream().anyMatch(mapper -> providerId.equals(mapper.getProtocolMapper()));
    }

    private static void write(ClientModel client, String providerId, Supplier<ProtocolMapperModel> model, boolean wanted) {
        List<ProtocolMapperModel> existing = client.getProtocolMappersStream()
                .filter(mapper -> providerId.equals(mapper.getProtocolMapper())).toList();
        if (wanted && existing.isEmpty()) {
            client.addProtocolMapper(model.get());
        } else if (!wanted) {
            existing.forEach(client::removeProtocolMapper);
        }
    }
}
