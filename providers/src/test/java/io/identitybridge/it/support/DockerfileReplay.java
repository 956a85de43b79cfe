package io.identitybridge.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replays docker/Dockerfile's steps, as parsed from it, on an unpacked distribution, where no Docker engine runs.
 * The Maven stage is the build that made our jar; every official-Keycloak stage shares one {@code /opt/keycloak},
 * the distribution's home: its COPY steps copy from the repository (the build context), its {@code kc.sh build} runs
 * with the stage's ENV, and the last stage's ENTRYPOINT and CMD are the start command. An instruction, base image or
 * command the replay does not understand fails it, so that the Dockerfile cannot drift from what is tested.
 */
public final class DockerfileReplay {

    /** Instructions that change nothing the replay could reproduce: metadata only. */
    private static final Set<String> METADATA = Set.of("LABEL", "EXPOSE");
    private static final String KC_HOME = "/opt/keycloak";
    private static final String KC_IMAGE = "quay.io/keycloak/keycloak:";
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    /** What the replay did: the build arguments, and the image's start command and runtime environment. */
    public record Image(List<String> buildArgs, Map<String, String> buildEnv, List<String> startArgs, Map<String, String> runtimeEnv) {
    }

    private enum Kind { MAVEN, KEYCLOAK }

    private DockerfileReplay() {
    }

    public static Image replay(Dockerfile file, Path context, Path home, String keycloakVersion, Path buildLog) throws IOException {
        Map<String, String> args = new HashMap<>();
        Map<String, Kind> stages = new HashMap<>();
        Kind kind = null;
        String mavenWorkdir = "/";
        Map<String, String> env = new HashMap<>();
        Set<String> mavenCopies = new HashSet<>();
        List<String> buildArgs = null;
        Map<String, String> buildEnv = Map.of();
        List<String> entrypoint = null;
        List<String> cmd = null;
        for (Dockerfile.Instruction in : file.instructions()) {
            Map<String, String> vars = new HashMap<>(args);
            vars.putAll(env);
            switch (in.keyword()) {
                case "ARG" -> {
                    String[] kv = in.args().split("=", 2);
                    if (kv.length < 2) {
                        throw in.fail("an ARG without a default has no value the replay knows");
                    }
                    args.put(kv[0], Dockerfile.substitute(in, kv[1], vars));
                }
                case "FROM" -> {
                    List<String> w = in.words();
                    String image = Dockerfile.substitute(in, w.get(0), vars);
                    if (image.startsWith("maven:")) {
                        kind = Kind.MAVEN;
                    } else if (image.equals(KC_IMAGE + keycloakVersion)) {
                        kind = Kind.KEYCLOAK;
                    } else {
                        throw in.fail("base image " + image + " is neither a maven: image nor " + KC_IMAGE + keycloakVersion);
                    }
                    if (w.size() == 3 && w.get(1).equalsIgnoreCase("AS")) {
                        stages.put(w.get(2), kind);
                    }
                    env = new HashMap<>();
                    entrypoint = null;
                    cmd = null;
                }
                case "WORKDIR" -> {
                    requireStage(in, kind);
                    mavenWorkdir = in.args();
                }
                case "ENV" -> {
                    String[] kv = in.args().contains("=") ? in.args().split("=", 2) : in.args().split("\\s+", 2);
                    env.put(kv[0], unquote(Dockerfile.substitute(in, kv[1], vars)));
                }
                case "COPY" -> {
                    copy(in, requireStage(in, kind), stages, mavenWorkdir, context, home, vars);
                    if (kind == Kind.MAVEN) {
                        mavenCopies.add(stripSlash(in.operands().get(0)));
                    }
                }
                case "RUN" -> {
                    List<String> w = in.words().stream().map(s -> Dockerfile.substitute(in, s, vars)).toList();
                    if (requireStage(in, kind) == Kind.MAVEN) {
                        // The jar stage's build is the Maven build that is running this test.
                        if (!w.get(0).equals("mvn") || !w.contains("package")) {
                            throw in.fail("the replay knows the jar stage's 'mvn … package', not this");
                        }
                        requireReactorCopied(in, context, mavenCopies);
                    } else {
                        if (w.size() < 2 || !w.get(0).equals(KC_HOME + "/bin/kc.sh") || !w.get(1).equals("build")) {
                            throw in.fail("the replay runs only " + KC_HOME + "/bin/kc.sh build …");
                        }
                        buildArgs = w.subList(1, w.size());
                        buildEnv = Map.copyOf(env);
                        int exit = KeycloakProcess.runToEnd(home, buildArgs, buildEnv, buildLog, Duration.ofMinutes(5));
                        if (exit != 0) {
                            throw in.fail("kc.sh build exited with " + exit + ", see " + buildLog);
                        }
                    }
                }
                case "ENTRYPOINT" -> entrypoint = execForm(in);
                case "CMD" -> cmd = execForm(in);
                default -> {
                    if (!METADATA.contains(in.keyword())) {
                        throw in.fail("unknown to the Docker replay test: teach DockerfileReplay what it does, or leave it out");
                    }
                }
            }
        }
        if (kind != Kind.KEYCLOAK || buildArgs == null) {
            throw new IllegalStateException("the Dockerfile's last stage must be the official Keycloak image, after a kc.sh build");
        }
        if (entrypoint == null || !entrypoint.equals(List.of(KC_HOME + "/bin/kc.sh")) || cmd == null) {
            throw new IllegalStateException("the last stage must start with ENTRYPOINT [\"" + KC_HOME + "/bin/kc.sh\"] and a CMD, not " + entrypoint);
        }
        return new Image(buildArgs, buildEnv, cmd, Map.copyOf(env));
    }

    private static void copy(Dockerfile.Instruction in, Kind kind, Map<String, Kind> stages, String mavenWorkdir, Path context,
                             Path home, Map<String, String> vars) throws IOException {
        List<String> ops = in.operands().stream().map(s -> Dockerfile.substitute(in, s, vars)).toList();
        String from = in.flags().get("from");
        Set<String> known = Set.of("from");
        if (!known.containsAll(in.flags().keySet()) || ops.size() != 2) {
            throw in.fail("the replay knows COPY [--from=stage] <one source> <destination>");
        }
        String src = ops.get(0);
        String dst = ops.get(1);
        if (kind == Kind.MAVEN) {
            // The jar stage copies the build context into its work dir; here the context is the checkout itself.
            if (from != null || !Files.exists(context.resolve(src))) {
                throw in.fail(src + " is not in the build context");
            }
            return;
        }
        Path target = inHome(in, dst, home);
        if (from == null) {
            copyInto(in, context.resolve(src), target, dst.endsWith("/"));
        } else if (stages.get(from) == Kind.MAVEN) {
            String prefix = mavenWorkdir.endsWith("/") ? mavenWorkdir : mavenWorkdir + "/";
            if (!src.startsWith(prefix)) {
                throw in.fail(src + " is outside the jar stage's work dir " + mavenWorkdir);
            }
            copyInto(in, context.resolve(src.substring(prefix.length())), target, dst.endsWith("/"));
        } else if (stages.get(from) == Kind.KEYCLOAK) {
            // Every Keycloak stage is the same distribution here, so copying it over itself must be the whole home.
            if (!stripSlash(src).equals(KC_HOME) || !stripSlash(dst).equals(KC_HOME)) {
                throw in.fail("the replay shares one " + KC_HOME + " between Keycloak stages; it copies all of it or nothing");
            }
        } else {
            throw in.fail("no stage named " + from);
        }
    }

    private static void copyInto(Dockerfile.Instruction in, Path source, Path target, boolean targetIsDir) throws IOException {
        if (!Files.exists(source)) {
            throw in.fail(source + " does not exist");
        }
        if (Files.isDirectory(source)) {
            // Docker copies a directory's contents, not the directory.
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path out = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(out);
                    } else {
                        Files.copy(p, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } else {
            Path out = targetIsDir ? target.resolve(source.getFileName().toString()) : target;
            Files.createDirectories(out.getParent());
            Files.copy(source, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path inHome(Dockerfile.Instruction in, String containerPath, Path home) {
        String path = stripSlash(containerPath);
        if (!path.equals(KC_HOME) && !path.startsWith(KC_HOME + "/")) {
            throw in.fail(containerPath + " is outside " + KC_HOME + ", which the replay maps to the distribution");
        }
        return home.resolve(path.substring(KC_HOME.length()).replaceFirst("^/", ""));
    }

    /** Maven in the image builds the whole reactor: the parent pom and every module it names must be copied in. */
    private static void requireReactorCopied(Dockerfile.Instruction in, Path context, Set<String> copied) throws IOException {
        List<String> needed = new ArrayList<>(List.of("pom.xml"));
        Matcher m = MODULE.matcher(Files.readString(context.resolve("pom.xml")));
        while (m.find()) {
            needed.add(m.group(1).strip());
        }
        for (String path : needed) {
            if (!copied.contains(path)) {
                throw in.fail("the jar stage builds the reactor of pom.xml but does not COPY " + path + " into it");
            }
        }
    }

    private static Kind requireStage(Dockerfile.Instruction in, Kind kind) {
        if (kind == null) {
            throw in.fail("comes before any FROM");
        }
        return kind;
    }

    private static List<String> execForm(Dockerfile.Instruction in) {
        if (!in.args().startsWith("[")) {
            throw in.fail("use the exec form (a JSON array), so that kc.sh gets the container's signals");
        }
        return in.words();
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
