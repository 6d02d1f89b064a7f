package org.tc260watch.notifier.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.notifier.matching.TopicTagger;

class LabelsTest {

    private static final Labels LABELS = new Labels(new TopicTagger());

    @Test
    void everyValueOfTheFixedVocabulariesHasTwoDistinctNonBlankLabels() {
        assertThat(Arrays.stream(ChangeType.values()).map(Labels::type)).allSatisfy(LabelsTest::complete);
        assertThat(Arrays.stream(Stage.values()).map(Labels::stage)).allSatisfy(LabelsTest::complete);
        assertThat(Arrays.stream(ItemKind.values()).map(Labels::kind)).allSatisfy(LabelsTest::complete);
        assertThat(Labels.fieldNames().stream().map(Labels::field)).allSatisfy(LabelsTest::complete);
    }

    private static void complete(Label label) {
        assertThat(label.zh()).isNotBlank();
        assertThat(label.en()).isNotBlank().isNotEqualTo(label.zh());
    }

    @Test
    void labelsOfValues() {
        assertThat(Labels.type(ChangeType.PUBLISHED)).isEqualTo(new Label("已发布", "Published"));
        assertThat(Labels.stage(Stage.COMMENT_DRAFT)).isEqualTo(new Label("征求意见稿", "draft for comment"));
        assertThat(Labels.kind(ItemKind.PRACTICE_GUIDE)).isEqualTo(new Label("网络安全标准实践指南", "Practice guide"));
        assertThat(Labels.field("commentEnd")).isEqualTo(new Label("截止日期", "Deadline"));
        assertThat(Labels.field("newField")).as("an unknown field keeps its name").isEqualTo(new Label("newField",
                "newField"));
        assertThat(new Label("newField", "newField").both()).isEqualTo("newField");
        assertThat(Labels.field("stage").both()).isEqualTo("阶段 / Stage");
    }

    @Test
    void topicLabelsComeFromTheRuleFile() {
        assertThat(LABELS.topic("ai-derived-risk")).contains(new Label("人工智能安全：应用衍生风险",
                "AI safety: application-derived risk"));
        assertThat(LABELS.topic("Cryptography")).contains(new Label("密码", "Cryptography"));
        assertThat(LABELS.topic("no-such-topic")).isEmpty();
    }
}
