package org.tc260watch.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentNumbersTest {

    @Test
    void readsTheNumberFromTextJoinedFromSpans() {
        // What the real article's spans give once their text is joined (docs/tc260-site.md §3.6).
        assertThat(DocumentNumbers.findFirst("网安秘字〔2025〕62号 各有关单位：")).contains("网安秘字〔2025〕62号");
        assertThat(DocumentNumbers.findFirst("网安秘 字〔 202 5 〕 62 号")).isEmpty();
        assertThat(DocumentNumbers.findFirst("网安秘字〔 2025 〕 62 号")).contains("网安秘字〔2025〕62号");
    }

    @Test
    void canonicalisesBracketsAndLeadingZeros() {
        assertThat(DocumentNumbers.findFirst("网安秘字[2026]034号")).contains("网安秘字〔2026〕34号");
        assertThat(DocumentNumbers.findFirst("网安秘字（2026）119号")).contains("网安秘字〔2026〕119号");
        assertThat(DocumentNumbers.findFirst("关于…的通知 信安秘字【2020】8号")).contains("信安秘字〔2020〕8号");
    }

    @Test
    void needsTheSecretariatMark() {
        assertThat(DocumentNumbers.findFirst("工信部〔2025〕62号")).isEmpty();
        assertThat(DocumentNumbers.findFirst("")).isEmpty();
    }
}
