package org.tc260watch.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the legacy /front/ pages need from NoticeReader. */
class NoticeReaderLegacyTest {

    @Test
    void pairsABatchEntryWithTheNumberWrittenRightAfterOtherWords() {
        // Legacy announcements run the first number on from the sentence: "…归口的GB/T 20988—2025《…》".
        NoticeFacts facts = NoticeReader.read("《网络安全技术 信息系统灾难恢复规范》等3项网络安全国家标准获批发布",
                "根据2025年第14号《中华人民共和国国家标准公告》，全国网络安全标准化技术委员会归口的GB/T 20988—2025"
                        + "《网络安全技术 信息系统灾难恢复规范》、GB/T 22080—2025《网络安全技术 信息安全管理体系 要求》和"
                        + "GB/T 45909—2025《网络安全技术 数字水印技术实现指南》等3项国家标准正式发布。",
                List.of());

        assertThat(facts.batch()).extracting(NoticeFacts.BatchEntry::standardId)
                .containsExactly("GB/T 20988-2025", "GB/T 22080-2025", "GB/T 45909-2025");
    }

    @Test
    void doesNotTakeANumberGluedToAnAsciiWord() {
        NoticeFacts facts = NoticeReader.read("《甲 标准》等2项国家标准发布",
                "见XGB/T 1-2020《甲 标准》和《乙 标准》。", List.of());

        assertThat(facts.batch()).extracting(NoticeFacts.BatchEntry::standardId).containsExactly(null, null);
    }

    @Test
    void readsTheLegacyListDeadlineInEveryVariant() {
        for (String time : List.of("[截至日期:2025-10-26]", "[截止日期:2025-10-26]", "［截至日期：2025-10-26］",
                "截至日期:2025-10-26", "截至日期：2025年10月26日")) {
            assertThat(NoticeReader.read("", time, List.of()).dates().commentEnd()).as(time)
                    .isEqualTo(LocalDate.of(2025, 10, 26));
        }
    }
}
