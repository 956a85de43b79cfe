package io.identitybridge.config;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;
import java.util.Locale;

/**
 * One server option of ours, {@code --spi-<spi>--<provider>--<name>}: everything parsing, the server-info page, the
 * redacted {@code toString} and the README's table need to know about it. {@link Options} holds every one.
 *
 * @param defaultValue the value when unset (shown on the server-info page and in the README), or null for none
 * @param unsetText    what the README's default column says when there is no default value
 * @param min          for {@link Type#INTEGER} the smallest value, for {@link Type#TEXT} the shortest length
 * @param max          for {@link Type#INTEGER} the largest value, for {@link Type#TEXT} the longest length
 * @param choices      for {@link Type#CHOICE} the accepted values, matched ignoring case
 * @param secret       never shown: the server-info page hides it and {@code toString} says only "set" or "unset"
 */
public record Option(String spi, String provider, String name, Type type, Object defaultValue, String unsetText,
                     int min, int max, List<String> choices, String help, boolean secret) {

    /** What the value is; a duration is a whole number with s, m, h or d. */
    public enum Type {
        TEXT(ProviderConfigProperty.STRING_TYPE), PASSWORD(ProviderConfigProperty.PASSWORD),
        INTEGER(ProviderConfigProperty.INTEGER_TYPE), BOOLEAN(ProviderConfigProperty.BOOLEAN_TYPE),
        CHOICE(ProviderConfigProperty.LIST_TYPE), DURATION(ProviderConfigProperty.STRING_TYPE);

        private final String keycloakType;

        Type(String keycloakType) {
            this.keycloakType = keycloakType;
        }
    }

    static Option of(String spi, String provider, String name, Type type, Object defaultValue, String help) {
        return new Option(spi, provider, name, type, defaultValue, "unset", 0, 0, List.of(), help, false);
    }

    Option bounds(int least, int most) {
        return new Option(spi, provider, name, type, defaultValue, unsetText, least, most, choices, help, secret);
    }

    Option choices(String... accepted) {
        return new Option(spi, provider, name, type, defaultValue, unsetText, min, max, List.of(accepted), help, secret);
    }

    Option unset(String text) {
        return new Option(spi, provider, name, type, defaultValue, text, min, max, choices, help, secret);
    }

    Option hidden() {
        return new Option(spi, provider, name, type, defaultValue, unsetText, min, max, choices, help, true);
    }

    /** The CLI spelling, so that messages point at what the operator typed. */
    public String cli() {
        return "--" + conf();
    }

    /** The conf-file spelling, without the "=". */
    public String conf() {
        return "spi-" + spi + "--" + provider + "--" + name;
    }

    /** The environment spelling, e.g. KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS. */
    public String env() {
        return "KC_SPI_" + upper(spi) + "__" + upper(provider) + "__" + upper(name);
    }

    /** The README's default column: the value in backticks, or what unset means. */
    public String readmeDefault() {
        return defaultValue == null ? unsetText : "`" + defaultValue + "`";
    }

    /** Adds this option to the server-info page's list of a provider's options. */
    void describe(ProviderConfigurationBuilder builder) {
        ProviderConfigurationBuilder.ProviderConfigPropertyBuilder p = builder.property().name(name).type(type.keycloakType)
                .helpText(help);
        if (defaultValue != null) {
            p.defaultValue(defaultValue);
        }
        if (!choices.isEmpty()) {
            p.options(choices);
        }
        if (secret) {
            p.secret(true);
        }
        p.add();
    }

    private static String upper(String part) {
        return part.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
