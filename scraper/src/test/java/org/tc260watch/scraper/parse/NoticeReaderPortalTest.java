package org.tc260watch.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;

/** The additions to NoticeReader the portal page types needed. */
class NoticeReaderPortalTest {

    @Test
    void aDocumentIdentifierInATitleSaysTheKind() {
        assertThat(NoticeReader.documentKind("TC260-PG-20255A 个人信息保护合规审计要求")).contains(ItemKind.PRACTICE_GUIDE);
        assertThat(NoticeReader.documentKind("TC260-TR-005-2026 智能体安全标准化研究")).contains(ItemKind.RESEARCH_REPORT);
        assertThat(NoticeReader.documentKind("TC260-003《生成式人工智能服务安全基本要求》"))
                .contains(ItemKind.TECHNICAL_DOCUMENT);
        assertThat(NoticeReader.documentKind("标准全文｜GB/T 45654—2025《…》")).isEmpty();
        assertThat(NoticeReader.documentKind("人工智能安全治理框架2.0")).isEmpty();
    }

    @Test
    void statusCellsNameStages() {
        assertThat(NoticeReader.statusStage("在研（报批稿）")).contains(Stage.APPROVAL_DRAFT);
        assertThat(NoticeReader.statusStage("在研（征求意见稿）")).contains(Stage.COMMENT_DRAFT);
        assertThat(NoticeReader.statusStage("修订中（草案）")).contains(Stage.UNDER_REVISION);
        assertThat(NoticeReader.statusStage("已发布（国际采标）")).contains(Stage.PUBLISHED);
        // Stage.fromText alone would read 实施 in 即将实施 as in force.
        assertThat(NoticeReader.statusStage("即将实施")).contains(Stage.PUBLISHED);
        assertThat(NoticeReader.statusStage("现行")).contains(Stage.IN_FORCE);
        assertThat(NoticeReader.statusStage("被代替")).contains(Stage.WITHDRAWN);
        assertThat(NoticeReader.statusStage("待定")).isEmpty();
        assertThat(NoticeReader.statusStage("")).isEmpty();
    }

    @Test
    void aDateRightBeforeFaBuIsThePublicationDate() {
        assertThat(NoticeReader.datesOf("2项国家标准于2026年2月28日正式发布，将于2026年8月1日起正式实施。").published())
                .isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(NoticeReader.datesOf("2026年2月28日批准发布").published()).isEqualTo(LocalDate.of(2026, 2, 28));
        // The cue forms still win, and a signing date is no publication date.
        assertThat(NoticeReader.datesOf("发布日期：2025年4月25日").published()).isEqualTo(LocalDate.of(2025, 4, 25));
        assertThat(NoticeReader.datesOf("全国网络安全标准化技术委员会秘书处 2025年5月19日").published()).isNull();
    }

    @Test
    void aStandardEndingInFangFaIsNotALaw() {
        NoticeFacts facts = NoticeReader.read("关于《网络安全技术 网络安全风险评估方法》等2项国家标准征求意见稿征求意见的通知",
                "根据《中华人民共和国标准化法》，《网络安全技术 网络安全风险评估方法》《数据安全技术 个人信息匿名化处理指南及评价方法》已形成征求意见稿。",
                List.of());

        assertThat(facts.batch()).extracting(NoticeFacts.BatchEntry::bookTitle).containsExactly(
                "网络安全技术 网络安全风险评估方法", "数据安全技术 个人信息匿名化处理指南及评价方法");
    }

    @Test
    void batchEntriesGetTheFilesThatNameThem() {
        Attachment first = new Attachment("征求意见稿", "《网络安全技术 甲》标准征求意见稿文本.pdf", "https://x/1");
        Attachment second = new Attachment("征求意见稿", "《网络安全技术 乙》标准征求意见稿文本.pdf", "https://x/2");
        Attachment form = new Attachment("意见反馈表", "意见反馈表.docx", "https://x/3");

        NoticeFacts facts = NoticeReader.read("关于《网络安全技术 甲》等3项国家标准征求意见稿征求意见的通知",
                "《网络安全技术 甲》《网络安全技术 乙》《网络安全技术 丙》已形成征求意见稿。", List.of(first, second, form));

        assertThat(facts.batch()).extracting(NoticeFacts.BatchEntry::attachments).containsExactly(
                List.of(first), List.of(second), List.of());
        // An entry no file names keeps every file of the notice.
        var listed = new org.tc260watch.scraper.source.ObservedItem("s:1", null, null, "t", null, null, null, null,
                null, null);
        assertThat(NoticeReader.itemsFor(listed, facts).get(2).attachments()).containsExactly(first, second, form);
    }
}
