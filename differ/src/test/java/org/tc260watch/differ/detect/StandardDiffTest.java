package org.tc260watch.differ.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.differ.identity.IdentityResolver.Entity;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;

class StandardDiffTest {

    private static final String KEY = "20240896-T-469";
    private static final String BOOK = "数据安全技术 个人信息保护合规审计要求";
    private static final Instant T0 = Instant.parse("2026-02-11T02:00:00Z");

    private static Snapshot item(String itemKey, Stage stage, String book, ItemDates dates, List<Attachment> files,
            List<String> ids, Instant at) {
        return new Snapshot("portal.suggestion", null, itemKey, "https://www.tc260.org.cn/x/" + itemKey,
                ItemKind.COMMENT_DRAFT_NOTICE, "t", ids, List.of(book), stage, dates, files, null, "h", at, "r", null);
    }

    /** Applies a snapshot the way identity resolution routes it: to KEY's standard, with its identifiers learnt. */
    private static StandardDiff.Result apply(StandardState old, Snapshot s) {
        List<String> ids = new java.util.ArrayList<>(old == null ? List.of() : old.ids());
        s.standardIds().stream().filter(i -> !ids.contains(i)).forEach(ids::add);
        return StandardDiff.apply(old, s, new Entity(KEY, ids), false);
    }

    private static StandardState draft() {
        return apply(null, item("a", Stage.COMMENT_DRAFT, BOOK,
                new ItemDates(null, LocalDate.parse("2026-02-11"), LocalDate.parse("2026-04-12"), null),
                List.of(), List.of(KEY), T0)).state();
    }

    /**
     * Found by the fault-injection suite: a guide's list entry writes its number after the title, a batch notice of it
     * does not. Whichever item changes last must not turn that into a title change (or its reversal).
     */
    @Test
    void aTitleWithItsOwnNumberInBracketsIsTheSameTitle() {
        StandardState known = apply(draft(), item("notice", Stage.COMMENT_DRAFT, BOOK, ItemDates.NONE, List.of(),
                List.of(KEY), T0.plusSeconds(60))).state();
        StandardDiff.Result listed = apply(known, item("guide-list", Stage.COMMENT_DRAFT, BOOK + "（" + KEY + "）",
                ItemDates.NONE, List.of(), List.of(KEY), T0.plusSeconds(120)));
        assertThat(listed.changes()).isEmpty();
        assertThat(listed.state().title()).isEqualTo(BOOK);
    }

    @Test
    void aLaterStageIsAStageChange() {
        StandardDiff.Result r = apply(draft(),
                item("b", Stage.APPROVAL_DRAFT, BOOK, ItemDates.NONE, List.of(), List.of(KEY), T0.plusSeconds(60)));
        assertThat(r.changes()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.STAGE_CHANGED);
            assertThat(c.changes()).containsExactly(new FieldChange("stage", "COMMENT_DRAFT", "APPROVAL_DRAFT"));
        });
    }

    @Test
    void anOldDraftNoticeReadAgainDoesNotPullTheStageBack() {
        StandardState approval = apply(draft(),
                item("b", Stage.APPROVAL_DRAFT, BOOK, ItemDates.NONE, List.of(), List.of(KEY), T0.plusSeconds(60))).state();
        StandardDiff.Result again = apply(approval, item("a", Stage.COMMENT_DRAFT, BOOK,
                new ItemDates(null, LocalDate.parse("2026-02-11"), LocalDate.parse("2026-04-12"), null),
                List.of(), List.of(KEY), T0.plusSeconds(120)));
        assertThat(again.changes()).isEmpty();
        assertThat(again.changed()).isFalse();
        assertThat(again.state().stage()).isEqualTo(Stage.APPROVAL_DRAFT);
    }

    @Test
    void publicationCarriesTheNumberAndTheDates() {
        StandardDiff.Result r = apply(draft(), item("p", Stage.PUBLISHED, BOOK,
                new ItemDates(LocalDate.parse("2026-06-30"), null, null, LocalDate.parse("2027-01-01")), List.of(),
                List.of("GB/T 47100-2026", KEY), T0.plusSeconds(60)));
        assertThat(r.changes()).extracting(ChangeEvent::type).containsExactly(ChangeType.PUBLISHED);
        assertThat(r.changes().get(0).changes()).contains(
                new FieldChange("stage", "COMMENT_DRAFT", "PUBLISHED"),
                new FieldChange("published", null, "2026-06-30"),
                new FieldChange("implementation", null, "2027-01-01"),
                new FieldChange("ids", KEY, KEY + ", GB/T 47100-2026"),
                new FieldChange("key", KEY, "GB/T 47100-2026"));
        assertThat(r.state().key()).isEqualTo("GB/T 47100-2026");
        assertThat(r.state().previousKeys()).containsExactly(KEY);
        assertThat(r.changes().get(0).id()).as("ids stay named by the origin key")
                .isEqualTo(ChangeIds.of(KEY, ChangeType.PUBLISHED, 2));
    }

    @Test
    void aNewAttachmentIsADocumentUpdate() {
        Attachment text = new Attachment("征求意见稿", "标准征求意见稿文本.pdf", "https://www.tc260.org.cn/sysFile/downloadFile/e83f");
        StandardDiff.Result r = apply(draft(), item("a", Stage.COMMENT_DRAFT, BOOK,
                ItemDates.NONE, List.of(text), List.of(KEY), T0.plusSeconds(60)));
        assertThat(r.changes()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.DOCUMENT_UPDATED);
            assertThat(c.changes()).containsExactly(new FieldChange("attachments", null,
                    "征求意见稿: 标准征求意见稿文本.pdf <https://www.tc260.org.cn/sysFile/downloadFile/e83f>"));
        });
    }

    @Test
    void aRenamedTitleIsATitleChangeButADraftsOldTitleIsNot() {
        StandardDiff.Result renamed = apply(draft(), item("b", Stage.COMMENT_DRAFT,
                "数据安全技术 个人信息保护合规审计通用要求", ItemDates.NONE, List.of(), List.of(KEY), T0.plusSeconds(60)));
        assertThat(renamed.changes()).extracting(ChangeEvent::type).containsExactly(ChangeType.TITLE_CHANGED);

        StandardState approval = apply(draft(),
                item("c", Stage.APPROVAL_DRAFT, BOOK, ItemDates.NONE, List.of(), List.of(KEY), T0.plusSeconds(60))).state();
        StandardDiff.Result old = apply(approval, item("z", Stage.COMMENT_DRAFT, "旧标题",
                ItemDates.NONE, List.of(), List.of(KEY), T0.plusSeconds(120)));
        assertThat(old.changes()).extracting(ChangeEvent::type).doesNotContain(ChangeType.TITLE_CHANGED);
    }

    @Test
    void oneObservationWithSeveralChangesGivesDistinctDeterministicIds() {
        StandardDiff.Result r = apply(draft(), item("b", Stage.REVIEW_DRAFT, BOOK,
                new ItemDates(null, null, LocalDate.parse("2026-05-01"), null), List.of(), List.of(KEY), T0.plusSeconds(60)));
        assertThat(r.changes()).extracting(ChangeEvent::type)
                .containsExactly(ChangeType.STAGE_CHANGED, ChangeType.DEADLINE_CHANGED);
        assertThat(r.changes()).extracting(ChangeEvent::id).doesNotHaveDuplicates()
                .containsExactly(ChangeIds.of(KEY, ChangeType.STAGE_CHANGED, 2), ChangeIds.of(KEY, ChangeType.DEADLINE_CHANGED, 2));
    }

    @Test
    void aRestatedItemConfirmsButOverridesNothing() {
        StandardState moved = apply(draft(), item("b", Stage.COMMENT_DRAFT, BOOK,
                new ItemDates(null, null, LocalDate.parse("2026-05-01"), null), List.of(), List.of(KEY), T0.plusSeconds(60)))
                .state();
        StandardDiff.Result again = StandardDiff.apply(moved, item("a", Stage.COMMENT_DRAFT, BOOK,
                new ItemDates(null, LocalDate.parse("2026-02-11"), LocalDate.parse("2026-04-12"), null),
                List.of(), List.of(KEY), T0.plusSeconds(120)), new Entity(KEY, List.of(KEY)), true);
        assertThat(again.changed()).isFalse();
        assertThat(again.state().commentEnd()).hasToString("2026-05-01");
        assertThat(again.state().lastSeen()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void theCalendarClosesAPeriodOnlyAfterItsDeadlineAndOnlyIfItWasSeenOpen() {
        StandardState open = draft();
        assertThat(StandardDiff.closeByCalendar(open, LocalDate.parse("2026-04-12"), T0).changed()).isFalse();
        StandardDiff.Result closed = StandardDiff.closeByCalendar(open, LocalDate.parse("2026-04-13"), T0);
        assertThat(closed.changes()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.COMMENT_PERIOD_CLOSED);
            assertThat(c.changes()).containsExactly(new FieldChange("commentClosed", null, "2026-04-13"));
        });
        assertThat(StandardDiff.closeByCalendar(closed.state(), LocalDate.parse("2026-04-14"), T0).changed()).isFalse();

        StandardState seenLate = open.toBuilder().firstSeen(Instant.parse("2026-06-01T00:00:00Z")).build();
        StandardDiff.Result quiet = StandardDiff.closeByCalendar(seenLate, LocalDate.parse("2026-06-02"), T0);
        assertThat(quiet.changes()).as("closed before it was ever seen open").isEmpty();
        assertThat(quiet.state().commentClosed()).isNotNull();
    }

    @Test
    void aDeadlineMovedLaterReopensAClosedPeriod() {
        StandardState closed = StandardDiff.closeByCalendar(draft(), LocalDate.parse("2026-04-13"), T0).state();
        StandardDiff.Result reopened = apply(closed, item("b", Stage.COMMENT_DRAFT, BOOK,
                new ItemDates(null, null, LocalDate.parse("2026-05-30"), null), List.of(), List.of(KEY), T0.plusSeconds(60)));
        assertThat(reopened.state().commentClosed()).isNull();
        assertThat(reopened.changes()).extracting(ChangeEvent::type).containsExactly(ChangeType.DEADLINE_CHANGED);
    }
}
