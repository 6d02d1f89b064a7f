package org.tc260watch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void readsEveryOption() {
        ServerOptions options = ServerOptions.parse("--data-dir", "data/kafka", "--port", "9092",
                "--controller-port", "9093", "--exit-on-stdin-eof", "--parent-pid", "4711");

        assertThat(options.dataDir()).isEqualTo(Path.of("data/kafka").toAbsolutePath().normalize());
        assertThat(options.port()).isEqualTo(9092);
        assertThat(options.controllerPort()).isEqualTo(9093);
        assertThat(options.exitOnStdinEof()).isTrue();
        assertThat(options.parentPid()).hasValue(4711);
    }

    @Test
    void portsDefaultToFreeOnesAndWatchersToOff() {
        ServerOptions options = ServerOptions.parse("--data-dir", "/tmp/k");

        assertThat(options.port()).isZero();
        assertThat(options.controllerPort()).isZero();
        assertThat(options.exitOnStdinEof()).isFalse();
        assertThat(options.parentPid()).isEmpty();
    }

    @Test
    void dataDirIsRequired() {
        assertThatThrownBy(() -> ServerOptions.parse("--port", "9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--data-dir is required");
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> ServerOptions.parse("--data-dir", "d", "--port", "ninety"))
                .hasMessageContaining("--port must be a number, got 'ninety'");
        assertThatThrownBy(() -> ServerOptions.parse("--data-dir", "d", "--port", "70000"))
                .hasMessageContaining("--port must be 0..65535");
        assertThatThrownBy(() -> ServerOptions.parse("--data-dir", "d", "--parent-pid", "0"))
                .hasMessageContaining("--parent-pid must be positive");
        assertThatThrownBy(() -> ServerOptions.parse("--data-dir", "--port", "1"))
                .hasMessageContaining("--data-dir needs a value");
        assertThatThrownBy(() -> ServerOptions.parse("--data-dir", "d", "--port", "9092", "--controller-port", "9092"))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> ServerOptions.parse("--data-dir", "d", "--verbose"))
                .hasMessageContaining("unknown argument '--verbose'");
    }
}
