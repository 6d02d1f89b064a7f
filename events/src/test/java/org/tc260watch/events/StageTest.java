package org.tc260watch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Stage labels and TC260's status strings (docs/tc260-site.md §7). */
class StageTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # every Chinese label
            预研                | PRE_RESEARCH
            立项                | PROJECT_APPROVED
            草案                | DRAFT
            征求意见稿          | COMMENT_DRAFT
            送审稿              | REVIEW_DRAFT
            报批稿              | APPROVAL_DRAFT
            已发布              | PUBLISHED
            实施                | IN_FORCE
            修订中              | UNDER_REVISION
            废止                | WITHDRAWN
            # TC260's catalogue status strings (Sept 2025 PDF), full-width brackets as printed
            在研（草案）        | DRAFT
            在研（征求意见稿）  | COMMENT_DRAFT
            在研（送审稿）      | REVIEW_DRAFT
            在研（报批稿）      | APPROVAL_DRAFT
            修订中（草案）      | UNDER_REVISION
            修订中（征求意见稿）| UNDER_REVISION
            已发布              | PUBLISHED
            已发布（国际采标）  | PUBLISHED
            发布                | PUBLISHED
            实施                | IN_FORCE
            废止                | WITHDRAWN
            # half-width brackets, spacing, draft-cover marks
            在研(报批稿)        | APPROVAL_DRAFT
            在研　（送审稿）    | REVIEW_DRAFT
            （报批稿）          | APPROVAL_DRAFT
            已废止              | WITHDRAWN
            征求意见中          | COMMENT_DRAFT
            # enum names and English labels, any case
            COMMENT_DRAFT       | COMMENT_DRAFT
            in_force            | IN_FORCE
            pre-research        | PRE_RESEARCH
            project approved    | PROJECT_APPROVED
            working draft       | DRAFT
            draft for comment   | COMMENT_DRAFT
            Draft for Review    | REVIEW_DRAFT
            draft for approval  | APPROVAL_DRAFT
            published           | PUBLISHED
            in force            | IN_FORCE
            under revision      | UNDER_REVISION
            WITHDRAWN           | WITHDRAWN
            """)
    void readsLabelsAndStatusStrings(String text, Stage expected) {
        assertThat(Stage.fromText(text)).contains(expected);
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void readsBackItsOwnLabels(Stage stage) {
        assertThat(Stage.fromText(stage.chinese())).contains(stage);
        assertThat(Stage.fromText(stage.english())).contains(stage);
        assertThat(Stage.fromText(stage.name())).contains(stage);
    }

    @ParameterizedTest(name = "no stage in [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "　", "推荐性国家标准", "网络安全标准实践指南", "制定", "unknown", "PUBLISHED!"})
    void readsNothingFromTextWithoutAStage(String text) {
        assertThat(Stage.fromText(text)).isEmpty();
    }

    @Test
    void declaresStagesInLifecycleOrder() {
        assertThat(Arrays.asList(Stage.values())).startsWith(Stage.PRE_RESEARCH, Stage.PROJECT_APPROVED, Stage.DRAFT,
                Stage.COMMENT_DRAFT, Stage.REVIEW_DRAFT, Stage.APPROVAL_DRAFT, Stage.PUBLISHED, Stage.IN_FORCE);
    }
}
