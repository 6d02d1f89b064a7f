package org.tc260watch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.testing.SampleChanges;

class ChangeMailTest {

    private static final String TITLE = "数据安全技术 个人信息处理者合规审计要求";

    @Test
    void subjectOfANewDraftNamesTypeTitleStageAndDeadline() {
        ChangeMail mail = ChangeMail.of(SampleChanges.added("c-1", "GB/T 45438-2025", TITLE));
        assertThat(mail.subject()).isEqualTo(
                "[tc260-watch] 新增 New: 《" + TITLE + "》 · 征求意见稿 draft for comment · 截止 deadline 2026-04-30");
    }

    @Test
    void subjectShortensLongTitlesAndKeepsExistingBrackets() {
        String longTitle = "《" + "网络安全技术".repeat(20) + "》";
        ChangeMail mail = ChangeMail.of(SampleChanges.added("c-2", "GB/T 1-2026", longTitle));
        String shown = mail.subject().substring(mail.subject().indexOf('《'), mail.subject().indexOf(" · "));
        assertThat(shown).startsWith("《网络安全技术").endsWith("…").doesNotStartWith("《《");
        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(ChangeMail.SUBJECT_TITLE_LENGTH);
        assertThat(mail.heading()).contains(longTitle);
    }

    @Test
    void publishedStandardDoesNotShowAnOldDeadline() {
        StandardState state = SampleChanges.state("GB/T 45438-2025", TITLE, Stage.PUBLISHED,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1));
        ChangeEvent event = new ChangeEvent("c-3", ChangeType.PUBLISHED, "GB/T 45438-2025", state,
                List.of(new FieldChange("stage", "APPROVAL_DRAFT", "PUBLISHED")), Instant.parse("2026-01-05T00:00:00Z"),
                List.of());
        ChangeMail mail = ChangeMail.of(event);
        assertThat(mail.subject()).isEqualTo("[tc260-watch] 发布 Published: 《" + TITLE + "》 · 已发布 published");
        assertThat(mail.changes()).containsExactly("stage: 报批稿 draft for approval → 已发布 published");
    }

    @Test
    void changeWithoutStateFallsBackToTheKey() {
        ChangeEvent event = new ChangeEvent("c-4", ChangeType.SOURCE_HEALTH_CHANGED, "portal.suggestion", null,
                List.of(new FieldChange("health", "HEALTHY", "DEGRADED")), null, List.of());
        ChangeMail mail = ChangeMail.of(event);
        assertThat(mail.subject()).isEqualTo("[tc260-watch] 数据源状态 Source health changed: 《portal.suggestion》");
        assertThat(mail.changes()).containsExactly("health: HEALTHY → DEGRADED");
        assertThat(mail.facts()).containsExactly("Standard:   portal.suggestion");
    }

    @Test
    void commentPeriodWithOneKnownEnd() {
        StandardState onlyEnd = SampleChanges.state("GB/T 2-2026", TITLE, Stage.COMMENT_DRAFT, null, LocalDate.of(2026, 4, 30));
        StandardState onlyStart = SampleChanges.state("GB/T 2-2026", TITLE, Stage.COMMENT_DRAFT, LocalDate.of(2026, 3, 1), null);
        assertThat(ChangeMail.of(withState(onlyEnd)).facts()).contains("Comments:   until 2026-04-30");
        assertThat(ChangeMail.of(withState(onlyStart)).facts()).contains("Comments:   from 2026-03-01");
        assertThat(ChangeMail.of(withState(onlyStart)).subject()).doesNotContain("截止");
    }

    private static ChangeEvent withState(StandardState state) {
        return new ChangeEvent("c-6", ChangeType.STANDARD_ADDED, state.key(), state, List.of(), null, List.of());
    }

    @Test
    void absentValuesShowAsDash() {
        assertThat(ChangeMail.changeLine(new FieldChange("published", null, "2026-05-01")))
                .isEqualTo("published: — → 2026-05-01");
    }

    @Test
    void everyTypeHasALabel() {
        for (ChangeType type : ChangeType.values()) {
            assertThat(ChangeMail.label(type)).matches("\\S+ [A-Z][a-z].*");
        }
    }

    /** The real template, rendered by a plain Qute engine, as Quarkus renders it for the mailer. */
    @Test
    void bodyListsEverythingAReaderNeeds() throws IOException {
        ChangeMail mail = ChangeMail.of(SampleChanges.deadlineMoved("chg-42", "GB/T 45438-2025", TITLE));
        String body = render(mail, "reader@example.org", "sub-1");

        assertThat(mail.subject()).startsWith("[tc260-watch] 截止日期变更 Deadline changed: 《" + TITLE + "》");
        assertThat(body).startsWith("截止日期变更 Deadline changed: 《" + TITLE + "》\n\n");
        assertThat(body).contains(
                "Standard:   GB/T 45438-2025\n",
                "Title:      " + TITLE + "\n",
                "Stage:      征求意见稿 draft for comment\n",
                "Comments:   2026-03-01 – 2026-04-30\n",
                "What changed:\n  - deadline: 2026-04-12 → 2026-04-30\n",
                "Documents:\n  - 征求意见稿 " + TITLE + ".pdf: https://www.tc260.org.cn/file/draft.pdf\n",
                "Sources:\n  - " + SampleChanges.SOURCE_URL + "\n",
                "Detected 2026-03-20T02:30:00Z · change chg-42",
                "tc260-watch alerts for reader@example.org, subscription sub-1.",
                "DELETE /api/subscriptions/sub-1");
        assertThat(body).doesNotContain("{", "}", "\n\n\n");
    }

    @Test
    void bodyLeavesOutEmptySections() throws IOException {
        ChangeMail mail = ChangeMail.of(new ChangeEvent("c-5", ChangeType.WITHDRAWN, "GB/T 20270-2006", null,
                List.of(), null, List.of()));
        String body = render(mail, "reader@example.org", "sub-2");
        assertThat(body).doesNotContain("What changed", "Documents", "Sources", "null");
        assertThat(body).contains("Detected at an unknown time · change c-5");
    }

    private static String render(ChangeMail mail, String recipient, String subscriptionId) throws IOException {
        String template;
        try (InputStream in = ChangeMailTest.class.getResourceAsStream("/templates/mail/change.txt")) {
            assertThat(in).as("template on the classpath").isNotNull();
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).build();
        return engine.parse(template)
                .data("mail", mail)
                .data("recipient", recipient)
                .data("subscriptionId", subscriptionId)
                .render();
    }
}
