package org.tc260watch.notifier.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;

class TopicTaggerTest {

    private static StandardState titled(String title, String... former) {
        StandardState s = new StandardState("k", List.of(), title, ItemKind.NOTICE, Stage.DRAFT, null, null, null,
                null, List.of(), List.of(), List.of(), Instant.EPOCH, Instant.EPOCH, 1);
        return former.length == 0 ? s : s.toBuilder().titles(List.of(former)).build();
    }

    @Test
    void theShippedRulesKnowTheDocumentedTags() {
        assertThat(new TopicTagger().knownTags()).containsExactly("ai-safety", "data-security",
                "personal-information", "cryptography", "network-security", "critical-infrastructure",
                "evaluation-certification");
    }

    @Test
    void tagsComeFromTitleKeywordsInFileOrder() {
        TopicTagger tagger = new TopicTagger();
        assertThat(tagger.tags(titled("《网络安全技术 生成式人工智能服务安全基本要求》"))).containsExactly("ai-safety");
        assertThat(tagger.tags(titled("数据安全技术 个人信息保护合规审计要求")))
                .containsExactly("data-security", "personal-information", "evaluation-certification");
        assertThat(tagger.tags(titled("信息安全技术 SM2椭圆曲线公钥密码算法"))).containsExactly("cryptography");
        assertThat(tagger.tags(titled("网络安全技术 关键信息基础设施安全保护要求")))
                .containsExactly("critical-infrastructure");
    }

    @Test
    void theSeriesNameAloneIsNoTopic() {
        TopicTagger tagger = new TopicTagger();
        assertThat(tagger.tags(titled("网络安全技术 术语"))).isEmpty();
        assertThat(tagger.tags(titled("信息安全技术 网络安全等级保护基本要求"))).containsExactly("network-security");
    }

    @Test
    void formerTitlesCountAndNoStateHasNoTags() {
        TopicTagger tagger = new TopicTagger(Map.of("ai-safety", List.of("人工智能")));
        assertThat(tagger.tags(titled("网络安全技术 服务安全要求", "信息安全技术 人工智能服务安全要求")))
                .containsExactly("ai-safety");
        assertThat(tagger.tags(null)).isEmpty();
    }
}
