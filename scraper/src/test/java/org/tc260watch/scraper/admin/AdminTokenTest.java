package org.tc260watch.scraper.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminTokenTest {

    @Test
    void acceptsOnlyTheConfiguredToken() {
        AdminToken token = new AdminToken(Optional.of(" s3cret "));

        assertThat(token.accepts("s3cret")).isTrue();
        assertThat(token.accepts("s3cre")).isFalse();
        assertThat(token.accepts("")).isFalse();
        assertThat(token.accepts(null)).isFalse();
    }

    @Test
    void withoutAConfiguredTokenNothingIsOpen() {
        AdminToken blank = new AdminToken(Optional.of("  "));
        AdminToken absent = new AdminToken(Optional.empty());

        assertThat(blank.accepts("")).isFalse();
        assertThat(blank.accepts("  ")).isFalse();
        assertThat(absent.accepts("")).isFalse();
        assertThat(absent.accepts(null)).isFalse();
    }
}
