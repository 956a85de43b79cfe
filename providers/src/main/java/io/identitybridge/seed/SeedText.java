package io.identitybridge.seed;

/**
 * Stage 1 of seeding: the text an administrator gave (Creatio's "Clients" string, a JSON array or an appsettings.json)
 * and where it came from. Messages name the source, never the text, which holds secrets.
 */
public record SeedText(String text, String source) {

    @Override
    public String toString() {
        return "SeedText[" + source + "]";
    }
}
