package org.tc260watch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void childRunsTheServerMainWithThisJavaAndWatchesItsStdin() {
        List<String> command = KafkaBroker.command(dir, 19092);

        assertThat(command.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command).containsSubsequence("-Xmx512m", "-cp");
        assertThat(command).containsSubsequence(KafkaServerMain.class.getName(),
                "--data-dir", dir.toString(), "--port", "19092", "--exit-on-stdin-eof");
        // The parent never loads the child's class, so the name is a string that must stay right.
        assertThat(KafkaBroker.CHILD_MAIN_CLASS).isEqualTo(KafkaServerMain.class.getName());
    }

    @Test
    void childClasspathIsTheLauncherFollowedByTheBrokersJars() {
        List<String> entries = Arrays.asList(KafkaBroker.childClasspath().split(File.pathSeparator));

        assertThat(entries.get(0)).isEqualTo(KafkaBroker.launcherLocation().toString());
        assertThat(Path.of(entries.get(0)).resolve("org/tc260watch/deploy/KafkaBroker.class").toFile().exists()
                || entries.get(0).endsWith(".jar")).isTrue();
        assertThat(entries).anyMatch(e -> Path.of(e).getFileName().toString().startsWith("kafka_2.13-"));
        assertThat(entries).anyMatch(e -> Path.of(e).getFileName().toString().startsWith("slf4j-simple-"));
        assertThat(entries).allMatch(e -> Files.exists(Path.of(e)));
    }

    @Test
    void passesTheLogLevelOnToTheChild() {
        String before = System.getProperty(KafkaBroker.LOG_LEVEL_PROPERTY);
        System.setProperty(KafkaBroker.LOG_LEVEL_PROPERTY, "info");
        try {
            assertThat(KafkaBroker.command(dir, 0)).contains("-D" + KafkaBroker.LOG_LEVEL_PROPERTY + "=info");
        } finally {
            if (before == null) {
                System.clearProperty(KafkaBroker.LOG_LEVEL_PROPERTY);
            } else {
                System.setProperty(KafkaBroker.LOG_LEVEL_PROPERTY, before);
            }
        }
    }

    @Test
    void rejectsAnImpossiblePort() {
        assertThatThrownBy(() -> KafkaBroker.command(dir, 65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..65535");
    }

    @Test
    void aDataDirThatIsAFileFailsBeforeAnyProcessStarts() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> KafkaBroker.start(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot start the Kafka broker in " + file);
    }
}
