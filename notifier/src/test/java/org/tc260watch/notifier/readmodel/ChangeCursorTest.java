package org.tc260watch.notifier.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeCursorTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 1_000_000_007L, Long.MAX_VALUE})
    void roundTrips(long seq) {
        String cursor = ChangeCursor.encode(seq);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(ChangeCursor.decode(cursor)).isEqualTo(seq);
    }

    @Test
    void isOpaque() {
        assertThat(ChangeCursor.encode(17)).doesNotContain("17");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "17", "!!!", "YWJj", "not a cursor"})
    void rejectsWhatItDidNotHandOut(String text) {
        assertThatThrownBy(() -> ChangeCursor.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeAndNonNumericSequences() {
        for (String raw : new String[] {"c1:-5", "c1:abc", "c1:", "c2:5"}) {
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> ChangeCursor.decode(forged))
                    .as(raw)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("next");
        }
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> ChangeCursor.decode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
