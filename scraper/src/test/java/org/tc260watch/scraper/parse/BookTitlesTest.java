package org.tc260watch.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BookTitlesTest {

    @Test
    void findsEveryTitleInOrderWithoutDuplicates() {
        String text = "关于《网络安全技术 A》和《数据安全技术\u3000B》以及《网络安全技术 A》的通知";

        assertThat(BookTitles.findAll(text)).containsExactly("网络安全技术 A", "数据安全技术 B");
    }

    @Test
    void keepsDashesInsideTitles() {
        assertThat(BookTitles.findAll("关于发布《网络安全标准实践指南——个人信息保护合规审计要求》的通知"))
                .containsExactly("网络安全标准实践指南——个人信息保护合规审计要求");
    }

    @Test
    void ignoresEmptyAndUnclosedBrackets() {
        assertThat(BookTitles.findAll("《》 and 《unclosed")).isEmpty();
        assertThat(BookTitles.findAll(null)).isEmpty();
    }
}
