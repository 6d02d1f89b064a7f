package org.tc260watch.differ.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;

class ClosingRemindersTest {

    private static final ClosingReminders POLICY = new ClosingReminders(List.of(1, 7));
    private static final LocalDate DEADLINE = LocalDate.parse("2026-04-12");

    private static StandardState open(Stage stage) {
        return new StandardState("k", List.of(), "t", null, stage, null, DEADLINE, null, null, List.of(), List.of("u"),
                List.of(), Instant.EPOCH, Instant.EPOCH, 1);
    }

    @Test
    void sevenDaysBeforeThenOneDayBeforeThenNothing() {
        assertThat(POLICY.due(open(Stage.COMMENT_DRAFT), DEADLINE.minusDays(8), List.of())).isEmpty();
        var seven = POLICY.due(open(Stage.COMMENT_DRAFT), DEADLINE.minusDays(7), List.of()).orElseThrow();
        assertThat(seven.threshold()).isEqualTo(7);
        assertThat(POLICY.due(open(Stage.COMMENT_DRAFT), DEADLINE.minusDays(3), seven.sentNow())).isEmpty();
        var one = POLICY.due(open(Stage.COMMENT_DRAFT), DEADLINE.minusDays(1), seven.sentNow()).orElseThrow();
        assertThat(one.threshold()).isEqualTo(1);
        assertThat(POLICY.due(open(Stage.COMMENT_DRAFT), DEADLINE, one.sentNow())).isEmpty();
        assertThat(POLICY.due(open(Stage.COMMENT_DRAFT), DEADLINE.plusDays(1), List.of())).isEmpty();
    }

    @Test
    void aLateCheckSendsOnlyTheNearestReminder() {
        var late = POLICY.due(open(Stage.COMMENT_DRAFT), DEADLINE.minusDays(1), List.of()).orElseThrow();
        assertThat(late.threshold()).isEqualTo(1);
        assertThat(late.sentNow()).containsExactly(1, 7);
    }

    @Test
    void onlyStandardsOpenForCommentAreReminded() {
        assertThat(POLICY.due(open(Stage.APPROVAL_DRAFT), DEADLINE.minusDays(7), List.of())).isEmpty();
        assertThat(POLICY.due(open(null), DEADLINE.minusDays(7), List.of())).isPresent();
    }

    @Test
    void theEventIdDependsOnStandardDeadlineAndThresholdOnly() {
        var due = POLICY.due(open(Stage.COMMENT_DRAFT), DEADLINE.minusDays(7), List.of()).orElseThrow();
        var a = ClosingReminders.event(open(Stage.COMMENT_DRAFT), due, DEADLINE.minusDays(7), Instant.EPOCH);
        var b = ClosingReminders.event(open(Stage.COMMENT_DRAFT), due, DEADLINE.minusDays(7), Instant.now());
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(a.type()).isEqualTo(ChangeType.COMMENT_PERIOD_CLOSING);
        assertThat(a.changes()).singleElement().satisfies(c -> assertThat(c.to()).isEqualTo("7"));
    }
}
