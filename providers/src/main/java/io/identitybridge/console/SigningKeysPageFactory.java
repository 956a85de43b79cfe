package io.identitybridge.console;

import io.identitybridge.signingkey.SigningKeysMirror;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;
import java.util.Map;

/**
 * The admin console's "Identity Service signing keys" page: each published signing key with its state in the rotation
 * schedule and the date of its next step, written by {@link SigningKeysMirror}. Keys are changed by the schedule and the
 * signing options, or under Realm settings → Keys; never here.
 */
public class SigningKeysPageFactory extends ReadOnlyPageFactory {

    public static final String PROVIDER_ID = SigningKeysMirror.PAGE_ID;

    public SigningKeysPageFactory() {
        super(PROVIDER_ID, "Signing keys are rotated by the server (signing-key-rotation) or changed under Realm settings → Keys;"
                + " this page only shows the schedule.");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigurationBuilder b = ProviderConfigurationBuilder.create();
        for (String field : List.of(SigningKeysMirror.KID, SigningKeysMirror.ALGORITHM, SigningKeysMirror.STATE, SigningKeysMirror.NEXT)) {
            b.property().name(field).label(PROVIDER_ID + "-" + field).type(ProviderConfigProperty.STRING_TYPE).add();
        }
        return b.build();
    }

    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(SigningKeysMirror.KID, SigningKeysMirror.ALGORITHM, SigningKeysMirror.STATE,
                SigningKeysMirror.NEXT));
    }
}
