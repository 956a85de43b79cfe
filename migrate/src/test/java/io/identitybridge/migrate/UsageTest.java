package io.identitybridge.migrate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageTest {

    @Test
    void theUsageNamesTheRunnableJarAsThePomBuildsIt() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<outputFile>${project.build.directory}/identity-bridge-migrate-cli-${project.version}.jar</outputFile>"), pom);
        Matcher parentVersion = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertTrue(parentVersion.find());
        assertEquals("identity-bridge-migrate-cli-" + parentVersion.group(1) + ".jar", Main.JAR);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(2, Main.run(new String[]{"--help"}, new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of()));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Usage: java -jar " + Main.JAR + " SOURCE "));
    }
}
