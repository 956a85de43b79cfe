package io.identitybridge.it.support;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Dockerfile reader and the replay's refusals, without a server. */
public class DockerfileTest {

    @Test
    public void continuationLinesJoinAndCommentsDrop() {
        Dockerfile f = Dockerfile.parse("# c\nARG V=1\n\nRUN /opt/keycloak/bin/kc.sh build \\\n    --db=postgres \\\n    --health-enabled=true\nCMD [\"start\", \"--optimized\"]\n");
        assertEquals(List.of("ARG", "RUN", "CMD"), f.instructions().stream().map(Dockerfile.Instruction::keyword).toList());
        assertEquals(List.of("/opt/keycloak/bin/kc.sh", "build", "--db=postgres", "--health-enabled=true"), f.instructions().get(1).words());
        assertEquals(4, f.instructions().get(1).line());
        assertEquals(List.of("start", "--optimized"), f.instructions().get(2).words());
    }

    @Test
    public void buildArgumentsAreSubstitutedAndUnknownOnesFail() {
        Dockerfile.Instruction from = Dockerfile.parse("FROM quay.io/keycloak/keycloak:${V}").instructions().get(0);
        assertEquals("quay.io/keycloak/keycloak:26", Dockerfile.substitute(from, from.args(), Map.of("V", "26")));
        assertThrows(IllegalStateException.class, () -> Dockerfile.substitute(from, from.args(), Map.of()));
    }

    @Test
    public void anInstructionTheReplayDoesNotKnowFailsIt() {
        Path nowhere = Path.of("does-not-exist");
        for (String step : List.of("USER root", "ADD https://example.test/x.jar /opt/keycloak/providers/", "RUN rm -rf /opt/keycloak/lib",
                "HEALTHCHECK CMD true", "COPY x.jar /somewhere/", "CMD start --optimized")) {
            Dockerfile f = Dockerfile.parse("FROM quay.io/keycloak/keycloak:26.7.0\n" + step + "\n");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> DockerfileReplay.replay(f, nowhere, nowhere, "26.7.0", nowhere), step);
            assertTrue(e.getMessage().startsWith("Dockerfile line 2"), e.getMessage());
        }
    }

    @Test
    public void aJarStageThatLeavesOutAModuleOfTheReactorFailsIt() {
        Path top = Path.of(System.getProperty("ib.top.dir"));
        Dockerfile f = Dockerfile.parse("FROM maven:3.9-eclipse-temurin-17 AS jar\nWORKDIR /src\nCOPY pom.xml ./\n"
                + "COPY providers/ providers/\nRUN mvn -B package\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DockerfileReplay.replay(f, top, top, "26.7.0", top));
        assertTrue(e.getMessage().contains("does not COPY migrate"), e.getMessage());
    }

    @Test
    public void anotherBaseImageFailsIt() {
        Path nowhere = Path.of("does-not-exist");
        Dockerfile f = Dockerfile.parse("FROM quay.io/keycloak/keycloak:25.0.0\n");
        assertThrows(IllegalStateException.class, () -> DockerfileReplay.replay(f, nowhere, nowhere, "26.7.0", nowhere));
    }

    @Test
    public void theProjectsDockerfileUsesOnlyWhatTheReplayKnows() throws Exception {
        Path top = Path.of(System.getProperty("ib.top.dir"));
        Dockerfile f = Dockerfile.parse(Files.readString(top.resolve("docker/Dockerfile")));
        List<String> known = List.of("ARG", "FROM", "WORKDIR", "ENV", "COPY", "RUN", "ENTRYPOINT", "CMD", "LABEL", "EXPOSE");
        f.instructions().forEach(i -> assertTrue(known.contains(i.keyword()), i.toString()));
    }
}
