package io.identitybridge.console;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;
import java.util.Map;

/**
 * The admin console's "Identity Service seeding" page: the last seeding of this realm at boot (when, from where,
 * counts, problems). Written by {@link SeedingRecord}; never secrets, since seeding problems never carry one.
 */
public class SeedingPageFactory extends ReadOnlyPageFactory {

    public static final String PROVIDER_ID = "identity-service-seeding";
    static final String WHEN = "when";
    static final String SOURCE = "source";
    static final String RESULT = "result";
    static final String PROBLEMS = "problems";
    static final String DETAILS = "details";

    public SeedingPageFactory() {
        super(PROVIDER_ID, "The seeding result is written by the server when it seeds at boot;"
                + " it cannot be edited here.");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(WHEN).label("identity-service-seeding-when").type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(SOURCE).label("identity-service-seeding-source").type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(RESULT).label("identity-service-seeding-result").type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(PROBLEMS).label("identity-service-seeding-problems").type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(DETAILS).label("identity-service-seeding-details").type(ProviderConfigProperty.TEXT_TYPE).add()
                .build();
    }

    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(WHEN, RESULT, PROBLEMS));
    }
}
