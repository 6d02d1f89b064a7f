package org.tc260watch.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormaliserTest {

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # full-width ASCII forms to half-width
            ＧＢ／Ｔ　３５２７３－２０２０           | GB/T 35273-2020
            在研（报批稿）                         | 在研(报批稿)
            发布于：2025-05-26                     | 发布于:2025-05-26
            标准全文｜GB/T 45654—2025              | "标准全文|GB/T 45654—2025"
            GB/Z 185.1～GB/Z 185.7—2026            | GB/Z 185.1~GB/Z 185.7—2026
            # meaningful marks survive: 《》〔〕 and the em/en dashes of standard numbers
            网安秘字〔2025〕62号                    | 网安秘字〔2025〕62号
            《网络安全技术 软件物料清单数据格式》   | 《网络安全技术 软件物料清单数据格式》
            GB/T 35273–2020                        | GB/T 35273–2020
            网络安全标准实践指南——智能体           | 网络安全标准实践指南——智能体
            # white space folded and trimmed
            "  GB/T  29829-2013  "                 | GB/T 29829-2013
            "\u3000各有关单位：\u3000"             | 各有关单位:
            """)
    void foldsFullWidthFormsAndSpaces(String text, String expected) {
        assertThat(TextNormaliser.normalise(unescape(text))).isEqualTo(expected);
    }

    @Test
    void foldsEveryKindOfWhiteSpaceToOneAsciiSpace() {
        // CRLF (the portal's line endings), tab, no-break, ideographic, narrow no-break, line/paragraph separators,
        // next-line and ogham spaces.
        String text = "网络安全技术\r\n\t\u00A0生成式\u3000\u3000人工智能\u202F服务\u2028安全\u2029基本\u0085要求\u1680终";

        assertThat(TextNormaliser.normalise(text)).isEqualTo("网络安全技术 生成式 人工智能 服务 安全 基本 要求 终");
    }

    @Test
    void removesInvisibleCharactersInsteadOfSplittingWords() {
        assertThat(TextNormaliser.normalise("\uFEFF网络\u200B安全\u200D技术\u00AD \u2060GB/T\u200C 35273-2020"))
                .isEqualTo("网络安全技术 GB/T 35273-2020");
    }

    @Test
    void treatsNullAsEmpty() {
        assertThat(TextNormaliser.normalise(null)).isEmpty();
        assertThat(TextNormaliser.normalise(" \r\n ")).isEmpty();
    }

    @Test
    void isIdempotent() {
        String once = TextNormaliser.normalise("　ＧＢ／Ｔ　３５２７３－２０２０\u2028《个人信息安全规范》　");
        assertThat(TextNormaliser.normalise(once)).isEqualTo(once);
    }

    private static String unescape(String text) {
        return text.replace("\\u3000", "\u3000");
    }
}
