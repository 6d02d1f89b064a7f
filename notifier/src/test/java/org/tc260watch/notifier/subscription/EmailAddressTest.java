package org.tc260watch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "alice@example.org|alice@example.org",
            "  Alice.Smith@Example.ORG \t|Alice.Smith@example.org",
            "bob+tc260@Mail.Example.CN|bob+tc260@mail.example.cn",
            // Full-width forms typed with a Chinese input method.
            "ｃａｒｏｌ＠ｅｘａｍｐｌｅ．ｃｎ|carol@example.cn",
            "\u00A0dave@example.org\u3000|dave@example.org",
            "张三@例子.中国|张三@例子.中国",
            "o'neil@sub-domain.example.com|o'neil@sub-domain.example.com"})
    void normalises(String input, String expected) {
        assertThat(EmailAddress.parse(input).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "plainaddress", "@example.org", "alice@", "alice@@example.org", "a@b@example.org",
            "alice@localhost", "alice smith@example.org", "alice@exa mple.org", ".alice@example.org",
            "alice.@example.org", "al..ice@example.org", "alice@-example.org", "alice@example-.org",
            "alice@example..org", "alice@.example.org", "alice@example.org.", "<alice@example.org>",
            "alice@example.org,bob@example.org"})
    void rejects(String input) {
        assertThatThrownBy(() -> EmailAddress.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email");
    }

    @Test
    void requiresAnAddress() {
        assertThatThrownBy(() -> EmailAddress.parse(null)).hasMessage("email is required");
        assertThatThrownBy(() -> EmailAddress.parse("   ")).hasMessage("email is required");
    }

    @Test
    void limitsLength() {
        String local = "a".repeat(65);
        assertThatThrownBy(() -> EmailAddress.parse(local + "@example.org")).hasMessageContaining("before '@'");
        String longDomain = ("d".repeat(60) + ".").repeat(5) + "org";
        assertThatThrownBy(() -> EmailAddress.parse("a@" + longDomain)).hasMessageContaining("longer than 254");
    }
}
