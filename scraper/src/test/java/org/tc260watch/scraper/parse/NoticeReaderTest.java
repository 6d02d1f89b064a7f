package org.tc260watch.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.SiteAddress;

class NoticeReaderTest {

    private static final SiteAddress SITE = new SiteAddress(URI.create("https://www.tc260.org.cn"));

    @Test
    void readsTheRealPortalArticle() throws IOException {
        Document doc;
        try (InputStream in = getClass().getResourceAsStream(
                "/org/tc260watch/scraper/source/portal/portal-article-2-20250519172429.real.html")) {
            doc = Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "https://www.tc260.org.cn/portal/article/2/20250519172429");
        }
        String title = doc.selectFirst("div.hygd-cont div.title h1").text();
        NoticeFacts facts = NoticeReader.read(title + " " + doc.selectFirst("div.title p").text(),
                doc.selectFirst("div.hygd-cont div.c"), SITE);

        assertThat(facts.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
        assertThat(facts.documentNumber()).isEqualTo("网安秘字〔2025〕62号");
        assertThat(facts.bookTitles()).contains("网络安全标准实践指南——个人信息保护合规审计要求");
        assertThat(facts.attachments()).containsExactly(new Attachment(null,
                "《网络安全标准实践指南——个人信息保护合规审计要求》.pdf",
                "https://www.tc260.org.cn/upload/2025-05-26/1748255158535034574.pdf"));
        assertThat(facts.batch()).isEmpty();
    }

    @Test
    void readsEveryDeadlineForm() {
        assertThat(NoticeReader.datesOf("意见反馈截止时间为 2026 年 10 月 25 日 24:00。").commentEnd())
                .isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(NoticeReader.datesOf("[截至日期:2025-10-26]").commentEnd()).isEqualTo(LocalDate.of(2025, 10, 26));
        assertThat(NoticeReader.datesOf("请于2025年10月30日前反馈意见。").commentEnd()).isEqualTo(LocalDate.of(2025, 10, 30));
        var period = NoticeReader.datesOf("征求时间 2026-08-04 至 2026-10-03");
        assertThat(period.commentStart()).isEqualTo(LocalDate.of(2026, 8, 4));
        assertThat(period.commentEnd()).isEqualTo(LocalDate.of(2026, 10, 3));
        assertThat(NoticeReader.datesOf("发布于：2025-05-26").published()).isEqualTo(LocalDate.of(2025, 5, 26));
        assertThat(NoticeReader.datesOf("将于2026年8月1日起正式实施").implementation()).isEqualTo(LocalDate.of(2026, 8, 1));
    }

    @Test
    void splitsABatchPublicationIntoOneEntryPerStandard() {
        NoticeFacts facts = NoticeReader.read("《网络安全技术 信息系统灾难恢复规范》等3项网络安全国家标准获批发布",
                "根据2025年第14号《中华人民共和国国家标准公告》，GB/T 20988—2025《网络安全技术 信息系统灾难恢复规范》、"
                        + "GB/T 22080—2025《网络安全技术 信息安全管理体系 要求》和GB/T 45909—2025《网络安全技术 数字水印技术实现指南》正式发布。",
                java.util.List.of());
        assertThat(facts.kind()).isEqualTo(ItemKind.PUBLICATION_ANNOUNCEMENT);
        assertThat(facts.batch()).as(facts.batch().toString()).extracting(NoticeFacts.BatchEntry::standardId)
                .containsExactly("GB/T 20988-2025", "GB/T 22080-2025", "GB/T 45909-2025");
        assertThat(facts.stage()).isEqualTo(Stage.PUBLISHED);
    }
}
