package org.tc260watch.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.label.Glossary;
import org.tc260watch.notifier.subscription.MailLanguage;

class ChangeDescriberTest {

    private static final String TITLE = "网络安全技术 生成式人工智能服务安全基本要求";
    private static final Words BOTH = Words.of(MailLanguage.BOTH);
    private static final Words ZH = Words.of(MailLanguage.ZH);
    private static final Words EN = Words.of(MailLanguage.EN);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Glossary GLOSSARY = new Glossary();

    private static StandardState draft() {
        return new StandardState("20250001-T-469", List.of("20250001-T-469"), TITLE, ItemKind.COMMENT_DRAFT_NOTICE,
                Stage.COMMENT_DRAFT, LocalDate.of(2026, 8, 25), LocalDate.of(2026, 10, 25), null, null,
                List.of(new Attachment("征求意见稿", "draft.pdf", "https://www.tc260.org.cn/file/draft.pdf")),
                List.of("https://www.tc260.org.cn/portal/suggestion/detail/1"), List.of(),
                Instant.parse("2026-08-25T02:00:00Z"), Instant.parse("2026-08-25T02:00:00Z"), 1);
    }

    private static StandardState published() {
        return draft().toBuilder().key("GB/T 45001-2026").ids(List.of("GB/T 45001-2026", "20250001-T-469"))
                .stage(Stage.PUBLISHED).published(LocalDate.of(2026, 12, 1)).implementation(LocalDate.of(2027, 6, 1))
                .build();
    }

    private static ChangeEvent change(ChangeType type, StandardState state, FieldChange... changes) {
        return new ChangeEvent("c-" + type.name(), type, state.key(), state, List.of(changes),
                Instant.parse("2026-09-01T00:30:00Z"), List.of("https://www.tc260.org.cn/portal/suggestion/detail/1"));
    }

    @Test
    void aLineBreakInScrapedTextCannotAddAMailHeader() {
        StandardState hostile = draft().toBuilder().title("标题\r\nBcc: victim@example.org\n\u2028<script>x</script>")
                .ids(List.of("GB/T 1-2026\r\nX-Injected: 1")).stage(Stage.PUBLISHED).build();

        for (ChangeType type : ChangeType.values()) {
            assertThat(ChangeDescriber.subject(change(type, hostile), BOTH)).as(type.name())
                    .doesNotContain("\r").doesNotContain("\n").doesNotContain("\u2028");
        }
        assertThat(ChangeDescriber.subject(change(ChangeType.PUBLISHED, hostile), BOTH))
                .isEqualTo("[TC260] 已发布 / Published: 《标题 Bcc: victim@example.org <script>x</script>》 GB/T 1-2026 X-Injected: 1");
    }

    @Test
    void everyChangeTypeHasItsSubject() {
        assertThat(ChangeDescriber.subject(change(ChangeType.STANDARD_ADDED, draft()), BOTH))
                .isEqualTo("[TC260] 征求意见 / Open for comment: 《" + TITLE + "》 — until 2026-10-25");
        assertThat(ChangeDescriber.subject(change(ChangeType.STANDARD_ADDED,
                published().toBuilder().ids(List.of("GB/T 45001-2026")).build()), BOTH))
                .isEqualTo("[TC260] 新增 / New: 《" + TITLE + "》 GB/T 45001-2026");
        assertThat(ChangeDescriber.subject(change(ChangeType.PUBLISHED, published(),
                new FieldChange("stage", "APPROVAL_DRAFT", "PUBLISHED")), BOTH))
                .isEqualTo("[TC260] 已发布 / Published: 《" + TITLE + "》 GB/T 45001-2026");
        assertThat(ChangeDescriber.subject(change(ChangeType.DEADLINE_CHANGED, draft(),
                new FieldChange("commentEnd", "2026-10-10", "2026-10-25")), BOTH))
                .isEqualTo("[TC260] 截止日期变更 / Deadline changed: 《" + TITLE + "》 — 2026-10-10 → 2026-10-25");
        assertThat(ChangeDescriber.subject(change(ChangeType.COMMENT_PERIOD_CLOSING, draft(),
                new FieldChange("daysLeft", null, "7")), BOTH))
                .isEqualTo("[TC260] 即将截止 / Closing in 7 days: 《" + TITLE + "》 — until 2026-10-25");
        assertThat(ChangeDescriber.subject(change(ChangeType.COMMENT_PERIOD_CLOSED,
                draft().toBuilder().commentClosed(LocalDate.of(2026, 10, 26)).build()), BOTH))
                .isEqualTo("[TC260] 征求意见已截止 / Comment period closed: 《" + TITLE + "》");
        assertThat(ChangeDescriber.subject(change(ChangeType.WITHDRAWN, published().toBuilder().stage(Stage.WITHDRAWN)
                .build()), BOTH)).isEqualTo("[TC260] 已废止 / Withdrawn: 《" + TITLE + "》");
        assertThat(ChangeDescriber.subject(change(ChangeType.STAGE_CHANGED, draft().toBuilder()
                .stage(Stage.APPROVAL_DRAFT).build(), new FieldChange("stage", "COMMENT_DRAFT", "APPROVAL_DRAFT")), BOTH))
                .isEqualTo("[TC260] 阶段变更 / Stage changed: 《" + TITLE + "》 — 报批稿 / draft for approval");
        assertThat(ChangeDescriber.subject(change(ChangeType.TITLE_CHANGED, draft()), BOTH))
                .isEqualTo("[TC260] 名称变更 / Title changed: 《" + TITLE + "》");
        assertThat(ChangeDescriber.subject(change(ChangeType.DOCUMENT_UPDATED, draft()), BOTH))
                .isEqualTo("[TC260] 文件更新 / Document updated: 《" + TITLE + "》");
    }

    @Test
    void subjectsFollowTheLanguageAndKeepTheChineseTitle() {
        ChangeEvent added = change(ChangeType.STANDARD_ADDED, draft());
        assertThat(ChangeDescriber.subject(added, ZH)).isEqualTo("[TC260] 征求意见: 《" + TITLE + "》 — 截止 2026-10-25");
        assertThat(ChangeDescriber.subject(added, EN))
                .isEqualTo("[TC260] Open for comment: 《" + TITLE + "》 — until 2026-10-25");
        ChangeEvent closing = change(ChangeType.COMMENT_PERIOD_CLOSING, draft(), new FieldChange("daysLeft", null, "1"));
        assertThat(ChangeDescriber.subject(closing, EN)).startsWith("[TC260] Closing in 1 day: 《");
    }

    @Test
    void longTitlesAreShortenedInTheSubjectOnly() {
        String longTitle = "网络安全技术".repeat(20);
        ChangeEvent added = change(ChangeType.TITLE_CHANGED, draft().toBuilder().title(longTitle).build());
        String subject = ChangeDescriber.subject(added, BOTH);
        String shown = subject.substring(subject.indexOf('《'));
        assertThat(shown).endsWith("…》").startsWith("《网络安全技术");
        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(ChangeDescriber.SUBJECT_TITLE_LENGTH);
        assertThat(ChangeDescriber.view(added, BOTH, List.of(), GLOSSARY, SHANGHAI).title())
                .isEqualTo("《" + longTitle + "》");
        String bracketed = "《" + longTitle + "》";
        assertThat(ChangeDescriber.subject(change(ChangeType.TITLE_CHANGED, draft().toBuilder().title(bracketed)
                .build()), BOTH)).doesNotContain("《《");
    }

    @Test
    void theBodyShowsIdentifiersStageStepDatesTopicsAndLinks() {
        ChangeView view = ChangeDescriber.view(change(ChangeType.PUBLISHED, published(),
                new FieldChange("stage", "APPROVAL_DRAFT", "PUBLISHED"), new FieldChange("published", null, "2026-12-01")),
                BOTH, List.of("ai-safety"), GLOSSARY, SHANGHAI);
        assertThat(view.heading()).isEqualTo("已发布 / Published");
        assertThat(view.facts()).containsExactly(
                new Fact("标准号 / Identifiers", "GB/T 45001-2026, 20250001-T-469"),
                new Fact("阶段 / Stage", "报批稿 / draft for approval → 已发布 / published"),
                new Fact("征求意见期 / Comment period", "2026-08-25 – 2026-10-25"),
                new Fact("发布日期 / Published", "2026-12-01"),
                new Fact("实施日期 / In force", "2027-06-01"),
                new Fact("主题 / Topics", "ai-safety"),
                new Fact("发现时间 / Detected", "2026-09-01 08:30 (Asia/Shanghai)"));
        assertThat(view.changes()).containsExactly(
                new Fact("阶段 / Stage", "报批稿 / draft for approval → 已发布 / published"),
                new Fact("发布日期 / Published", "— → 2026-12-01"));
        assertThat(view.pages()).extracting(Link::url)
                .containsExactly("https://www.tc260.org.cn/portal/suggestion/detail/1");
        assertThat(view.documents()).containsExactly(
                new Link("征求意见稿 draft.pdf", "https://www.tc260.org.cn/file/draft.pdf"));
    }

    @Test
    void englishAndChineseLabels() {
        ChangeView en = ChangeDescriber.view(change(ChangeType.DEADLINE_CHANGED, draft(),
                new FieldChange("commentEnd", "2026-10-10", "2026-10-25")), EN, List.of(), GLOSSARY, SHANGHAI);
        assertThat(en.changes()).containsExactly(new Fact("Deadline", "2026-10-10 → 2026-10-25"));
        assertThat(en.facts()).contains(new Fact("Stage", "draft for comment"));
        ChangeView zh = ChangeDescriber.view(change(ChangeType.DEADLINE_CHANGED, draft()), ZH, List.of(), GLOSSARY,
                SHANGHAI);
        assertThat(zh.facts()).contains(new Fact("阶段", "征求意见稿"), new Fact("征求意见期", "2026-08-25 – 2026-10-25"));
        assertThat(zh.title()).isEqualTo("《" + TITLE + "》");
    }

    @Test
    void readersOfEnglishGetThePartialRenderingOfTheTitleAndReadersOfChineseDoNot() {
        ChangeEvent change = change(ChangeType.STANDARD_ADDED, draft());
        String rendering = "Cybersecurity technology — Generative artificial intelligence service basic security "
                + "requirements";
        assertThat(ChangeDescriber.view(change, EN, List.of(), GLOSSARY, SHANGHAI).english()).isEqualTo(rendering);
        assertThat(ChangeDescriber.view(change, BOTH, List.of(), GLOSSARY, SHANGHAI).english()).isEqualTo(rendering);
        assertThat(ChangeDescriber.view(change, ZH, List.of(), GLOSSARY, SHANGHAI).english()).isNull();
        ChangeEvent untitled = change(ChangeType.STANDARD_ADDED, draft().toBuilder().title(null).build());
        assertThat(ChangeDescriber.view(untitled, EN, List.of(), GLOSSARY, SHANGHAI).english())
                .as("an identifier standing in for the title has nothing to render").isNull();
    }

    @Test
    void onlyWebLinksAreAnchors() {
        assertThat(new Link("x", "https://www.tc260.org.cn/a").web()).isTrue();
        assertThat(new Link("x", "javascript:alert(1)").web()).isFalse();
        assertThat(new Link("x", null).web()).isFalse();
        assertThat(new Link("u", "u").line()).isEqualTo("u");
        assertThat(new Link("name", "u").line()).isEqualTo("name: u");
    }

    @Test
    void aTitleKeyStandsInForAMissingTitle() {
        ChangeEvent bare = new ChangeEvent("c", ChangeType.WITHDRAWN, "title:数据安全技术 某要求", null, List.of(), null,
                List.of());
        assertThat(ChangeDescriber.subject(bare, EN)).isEqualTo("[TC260] Withdrawn: 《数据安全技术 某要求》");
    }
}
