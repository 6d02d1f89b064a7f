package org.tc260watch.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.notifier.label.Glossary;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.mail.Fact;
import org.tc260watch.notifier.mail.Link;
import org.tc260watch.notifier.testing.SampleChanges;

class PageViewsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Glossary GLOSSARY = new Glossary();

    @Test
    void aStandardsPageAddressKeepsTheSlashesOfItsKeyAndEncodesTheRest() {
        assertThat(PageViews.standardHref("GB/T 35273-2020")).isEqualTo("/standards/GB/T%2035273-2020");
        assertThat(PageViews.standardHref("title:数据安全?#")).isEqualTo(
                "/standards/title%3A%E6%95%B0%E6%8D%AE%E5%AE%89%E5%85%A8%3F%23");
    }

    @Test
    void anOpenPeriodCountsTheDaysLeftAndMarksThoseClosingSoon() {
        StandardState s = SampleChanges.state("GB/T 1-2026", "数据安全技术 测试", Stage.COMMENT_DRAFT,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30));
        PageViews.OpenPeriod far = PageViews.open(s, LocalDate.of(2026, 4, 10), 7, GLOSSARY);
        assertThat(far.daysLeft()).isEqualTo("还剩 20 天 / 20 days left");
        assertThat(far.soon()).isFalse();
        assertThat(far.title()).isEqualTo("《数据安全技术 测试》");
        assertThat(far.href()).isEqualTo("/standards/GB/T%201-2026");
        PageViews.OpenPeriod near = PageViews.open(s, LocalDate.of(2026, 4, 29), 7, GLOSSARY);
        assertThat(near.daysLeft()).isEqualTo("还剩 1 天 / 1 day left");
        assertThat(near.soon()).isTrue();
    }

    @Test
    void aChangeAboutASourceLinksToNoStandard() {
        ChangeEvent health = new ChangeEvent(SampleChanges.id("health"), ChangeType.SOURCE_HEALTH_CHANGED,
                "source:portal.suggestion", null, List.of(new FieldChange("health", "HEALTHY", "FAILED")), null,
                List.of());
        assertThat(PageViews.row(health, List.of(), GLOSSARY, SHANGHAI).href()).isNull();
        ChangeEvent added = SampleChanges.added(SampleChanges.id("a"), "GB/T 2-2026", "网络安全技术 测试");
        PageViews.ChangeRow row = PageViews.row(added, List.of("network-security"), GLOSSARY, SHANGHAI);
        assertThat(row.href()).isEqualTo("/standards/GB/T%202-2026");
        assertThat(row.type()).isEqualTo("standard.added");
        assertThat(row.view().heading()).isEqualTo("征求意见 / Open for comment");
    }

    @Test
    void aStandardsFactsHaveBothLanguagesAndItsLinksKeepTheirUrls() {
        StandardState s = SampleChanges.state("GB/T 3-2026", "网络安全技术 新名称", Stage.COMMENT_DRAFT,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30)).toBuilder()
                .titles(List.of("网络安全技术 旧名称", "网络安全技术 新名称"))
                .previousKeys(List.of("title:网络安全技术 旧名称"))
                .kind(ItemKind.COMMENT_DRAFT_NOTICE)
                .attachments(List.of(new Attachment("征求意见稿", "a.pdf", "javascript:alert(1)")))
                .build();
        PageViews.StandardView view = PageViews.standard(s, List.of("network-security"), List.of(), GLOSSARY, SHANGHAI);
        assertThat(view.facts()).extracting(Fact::label, Fact::value).contains(
                org.assertj.core.groups.Tuple.tuple("标准号 / Identifiers", "GB/T 3-2026"),
                org.assertj.core.groups.Tuple.tuple("类型 / Kind", "征求意见通知 / Call for comments"),
                org.assertj.core.groups.Tuple.tuple("阶段 / Stage", "征求意见稿 / draft for comment"),
                org.assertj.core.groups.Tuple.tuple("征求意见期 / Comment period", "2026-03-01 – 2026-04-30"),
                org.assertj.core.groups.Tuple.tuple("主题 / Topics", "network-security"),
                org.assertj.core.groups.Tuple.tuple("曾用标识 / Former keys", "title:网络安全技术 旧名称"),
                org.assertj.core.groups.Tuple.tuple("曾用名称 / Former titles", "《网络安全技术 旧名称》"));
        assertThat(view.pages()).extracting(Link::url).containsExactly(SampleChanges.SOURCE_URL);
        // A scraped javascript: URL is kept, but as text: the template links only http(s).
        assertThat(view.documents()).singleElement().satisfies(d -> assertThat(d.web()).isFalse());
    }
}
