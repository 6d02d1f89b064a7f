package org.tc260watch.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.SiteAddress;

/** What the .shtml generation needed from NoticeReader. */
class NoticeReaderShtmlTest {

    private static final SiteAddress SITE = new SiteAddress(URI.create("https://www.tc260.org.cn"));

    @Test
    void aTitleAskingForCommentsOnABookTitleIsACommentDraftNotice() {
        String title = "关于征求《网络安全标准实践指南——智能体系统开发安全指南》意见的通知";

        assertThat(NoticeReader.kindOf(title, "")).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(NoticeReader.stageOf(title, "")).isEqualTo(Stage.COMMENT_DRAFT);
        // A release of a guide is not one, even when its text mentions earlier comments.
        assertThat(NoticeReader.kindOf("关于发布《网络安全标准实践指南——智能体系统开发安全指南》的通知", "前期已征求意见"))
                .isEqualTo(ItemKind.PRACTICE_GUIDE);
        assertThat(NoticeReader.asksForComments("网络安全标准实践指南——智能体系统开发安全指南（征求意见稿 v1.0-202609）"))
                .isTrue();
    }

    @Test
    void readsADeadlineWrittenAsDueBeforeWithoutPlease() {
        assertThat(NoticeReader.datesOf("各有关单位于2026年10月2日24:00前将意见反馈至秘书处。").commentEnd())
                .isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(NoticeReader.datesOf("如有意见，在2026-10-02前反馈。").commentEnd()).isEqualTo(LocalDate.of(2026, 10, 2));
        // A date before something else is not a deadline.
        assertThat(NoticeReader.datesOf("本指南于2026年10月2日前完成编制，现予发布。").commentEnd()).isNull();
        assertThat(NoticeReader.datesOf("将于2026年8月1日起正式实施").commentEnd()).isNull();
    }

    @Test
    void anIconOnlyFileLinkIsNamedByItsDecodedFileName() {
        var body = Jsoup.parse("<div><a href=\"/tc260/tzgg/202609/e5b82ae7aca244d19d36b39575cbb458/files/"
                + "%E6%84%8F%E8%A7%81%E5%8F%8D%E9%A6%88%E8%A1%A8.docx\"><img src=\"/icon.gif\"></a>"
                + "<a href=\"/tc260/sjzn/202508/f0a84ada0c11458e9cb6da56c1cb2426/files/"
                + "760387fb30e94c058c31b8c2b2230020.pdf\">%E6%8C%87%E5%8D%97.pdf</a></div>",
                "https://www.tc260.org.cn/").body();

        assertThat(NoticeReader.attachments(body, SITE)).extracting(Attachment::name)
                .containsExactly("意见反馈表.docx", "指南.pdf");
        assertThat(NoticeReader.decodedFileName("a+b%2.pdf")).isEqualTo("a+b%2.pdf");
        assertThat(NoticeReader.decodedFileName("GB%2BT.pdf")).isEqualTo("GB+T.pdf");
    }
}
