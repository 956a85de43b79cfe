package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs {@code src/test/node/verify-token.mjs} with openid-client from the npm registry (pinned, installed once into a
 * cache folder outside the repository, like the Docker linters). Without node the test is skipped, except in CI.
 */
public final class NodeRelyingParty {

    public static final String OPENID_CLIENT = "6.9.1";

    private NodeRelyingParty() {
    }

    /** The verified token's header and issuer, as the library saw them. */
    public static JsonNode clientCredentialsTokenVerified(String issuer, String clientId, String secret) throws Exception {
        boolean node = run(List.of("node", "--version"), Path.of("."), 30).startsWith("v");
        assumeTrue(node || "true".equals(System.getenv("CI")), "node is not installed (scripts/lint-docker.sh installs it)");
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "ib-node-rp", OPENID_CLIENT);
        if (!Files.isDirectory(cache.resolve("node_modules/openid-client"))) {
            Files.createDirectories(cache);
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", cache.toString(),
                    "openid-client@" + OPENID_CLIENT), cache, 300);
        }
        Path script = cache.resolve("verify-token.mjs");
        Files.copy(Install.topDir().resolve("providers/src/test/node/verify-token.mjs"), script,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String out = run(List.of("node", script.toString(), issuer, clientId, secret), cache, 60);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        if (!last.startsWith("{")) {
            throw new AssertionError("openid-client did not verify the token: " + out.replace(secret, "<secret>"));
        }
        return Http.JSON.readTree(last);
    }

    private static String run(List<String> command, Path dir, int seconds) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "";
        }
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within " + seconds + " s");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
