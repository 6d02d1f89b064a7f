package org.tc260watch.notifier.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.matching.TopicTagger.Topic;

/**
 * The shipped rules on real TC260 titles (docs/tc260-site.md §8, the samples, published GB/T and practice-guide
 * titles): each category has true positives and near misses, titles that share a word with the category but are not about it
 * (a few near misses are made to the pattern of real titles, where no real title has the trap).
 */
class TopicTaggerTest {

    private static final TopicTagger TAGGER = new TopicTagger();

    private static StandardState titled(String title, String... former) {
        StandardState s = new StandardState("k", List.of(), title, ItemKind.NOTICE, Stage.DRAFT, null, null, null,
                null, List.of(), List.of(), List.of(), Instant.EPOCH, Instant.EPOCH, 1);
        return former.length == 0 ? s : s.toBuilder().titles(List.of(former)).build();
    }

    private static List<String> tags(String title) {
        return TAGGER.tags(titled(title));
    }

    @Nested
    class ShippedRules {

        @Test
        void knowTheDocumentedTagsWithLabelsAndDescriptions() {
            assertThat(TAGGER.knownTags()).containsExactly("ai-safety", "ai-foundational", "ai-intrinsic-risk",
                    "ai-application-risk", "ai-derived-risk", "data-security", "personal-information", "cryptography",
                    "network-security", "critical-infrastructure", "evaluation-certification");
            assertThat(TAGGER.topic("ai-intrinsic-risk")).get().extracting(Topic::zh, Topic::en, Topic::parent)
                    .containsExactly("人工智能安全：技术内生风险", "AI safety: technological intrinsic risk", "ai-safety");
            assertThat(TAGGER.topics()).allSatisfy(t -> assertThat(t.description()).isNotBlank());
            assertThat(TAGGER.topics()).extracting(Topic::tag).isEqualTo(TAGGER.knownTags());
        }

        @Test
        void isKnownIgnoresCaseAndSpaces() {
            assertThat(TAGGER.isKnown(" AI-Safety ")).isTrue();
            assertThat(TAGGER.isKnown("ai")).isFalse();
            assertThat(TAGGER.isKnown(null)).isFalse();
            assertThat(TAGGER.topic("no-such-topic")).isEmpty();
        }
    }

    @Nested
    class AiSafety {

        @Test
        void foundationalAndGeneric() {
            assertThat(tags("人工智能安全治理框架3.0")).containsExactly("ai-safety", "ai-foundational");
            assertThat(tags("人工智能应用安全指引总则"))
                    .containsExactly("ai-safety", "ai-foundational", "ai-application-risk");
        }

        @Test
        void foundationalNearMisses() {
            assertThat(tags("信息安全技术 术语")).as("terminology, but not of AI").isEmpty();
            assertThat(tags("智能体系统开发安全指南")).as("智能体系统 is an agent system, not a 体系")
                    .doesNotContain("ai-foundational").contains("ai-application-risk");
        }

        @Test
        void technologicalIntrinsicRisk() {
            assertThat(tags("信息安全技术 生成式人工智能预训练和优化训练数据安全规范"))
                    .containsExactly("ai-safety", "ai-intrinsic-risk", "data-security");
            assertThat(tags("网络安全技术 生成式人工智能数据标注安全规范"))
                    .containsExactly("ai-safety", "ai-intrinsic-risk");
            assertThat(tags("信息安全技术 机器学习算法安全评估规范"))
                    .containsExactly("ai-safety", "ai-intrinsic-risk", "evaluation-certification");
        }

        @Test
        void intrinsicRiskNearMisses() {
            assertThat(tags("信息安全技术 SM2椭圆曲线公钥密码算法")).as("an algorithm, but no AI")
                    .containsExactly("cryptography");
            assertThat(tags("互联网信息服务算法推荐管理规定")).as("algorithmic recommendation is an application")
                    .containsExactly("ai-safety", "ai-application-risk");
        }

        @Test
        void technologicalApplicationRisk() {
            assertThat(tags("《网络安全技术 生成式人工智能服务安全基本要求》"))
                    .containsExactly("ai-safety", "ai-application-risk");
            assertThat(tags("网络安全技术 人工智能生成合成内容标识方法"))
                    .containsExactly("ai-safety", "ai-application-risk");
            assertThat(tags("网络安全标准实践指南——人工智能生成合成内容标识 视频"))
                    .containsExactly("ai-safety", "ai-application-risk");
            assertThat(tags("智能体应用安全基本要求")).containsExactly("ai-safety", "ai-application-risk");
            assertThat(tags("网络安全技术 人工智能代码生成服务安全要求"))
                    .containsExactly("ai-safety", "ai-application-risk");
        }

        @Test
        void applicationRiskNearMisses() {
            assertThat(tags("信息安全技术 个人信息去标识化指南")).as("去标识化 is de-identification, no label, no AI")
                    .containsExactly("personal-information");
            assertThat(tags("网络安全技术 数字水印技术实现指南")).as("watermarking without AI")
                    .containsExactly("network-security");
        }

        @Test
        void applicationDerivedRisk() {
            assertThat(tags("未成年人 AI 应用安全指南"))
                    .containsExactly("ai-safety", "ai-application-risk", "ai-derived-risk");
            assertThat(tags("人工智能伦理安全风险防范指引")).containsExactly("ai-safety", "ai-derived-risk");
        }

        @Test
        void derivedRiskNearMisses() {
            assertThat(tags("数据安全技术 未成年人产品和服务个人信息保护要求")).as("minors, but no AI")
                    .containsExactly("data-security", "personal-information");
            assertThat(tags("数据安全技术 数据安全和个人信息保护社会责任指南")).as("social responsibility, no AI")
                    .containsExactly("data-security", "personal-information");
        }

        @Test
        void latinWordsMatchWholeWordsOnly() {
            assertThat(tags("信息安全技术 网络支付服务数据安全要求")).doesNotContain("ai-safety");
            assertThat(TopicTagger.occurs("未成年人 ai 应用", "ai")).isTrue();
            assertThat(TopicTagger.occurs("blockchain 安全", "ai")).isFalse();
            assertThat(TopicTagger.occurs("(app)个人信息", "app")).isTrue();
            assertThat(TopicTagger.occurs("application", "app")).isFalse();
        }
    }

    @Nested
    class OtherTopics {

        @Test
        void dataSecurity() {
            assertThat(tags("数据安全技术 数据分类分级规则")).containsExactly("data-security");
            assertThat(tags("信息安全技术 即时通信服务数据安全要求")).containsExactly("data-security");
            assertThat(tags("网络安全技术 软件物料清单数据格式")).as("a data format is no data security")
                    .containsExactly("network-security");
        }

        @Test
        void personalInformation() {
            assertThat(tags("信息安全技术 个人信息安全规范")).containsExactly("personal-information");
            assertThat(tags("信息安全技术 人脸识别数据安全要求")).containsExactly("data-security", "personal-information");
            assertThat(tags("网络安全标准实践指南—移动互联网应用程序（App）系统权限申请使用指南"))
                    .containsExactly("personal-information");
            assertThat(tags("智能手机预装应用程序分类指南")).as("an app catalogue without App or personal data")
                    .isEmpty();
        }

        @Test
        void cryptography() {
            assertThat(tags("信息安全技术 SM2椭圆曲线公钥密码算法 第1部分：总则")).containsExactly("cryptography");
            assertThat(tags("信息安全技术 公钥基础设施 数字证书格式")).containsExactly("cryptography");
            assertThat(tags("信息安全技术 网络安全等级保护基本要求")).doesNotContain("cryptography");
        }

        @Test
        void networkAndProductSecurity() {
            assertThat(tags("信息安全技术 网络安全等级保护基本要求")).containsExactly("network-security");
            assertThat(tags("网络安全技术 信息系统灾难恢复规范")).containsExactly("network-security");
            assertThat(tags("网络安全技术 移动通信信号屏蔽器技术规范")).containsExactly("network-security");
            assertThat(tags("网络安全标准实践指南—敏感个人信息识别指南")).as("the practice-guide series name is no topic")
                    .containsExactly("personal-information");
            assertThat(tags("网络安全技术 术语")).as("the series name alone is no topic").isEmpty();
        }

        @Test
        void criticalInfrastructure() {
            assertThat(tags("网络安全技术 关键信息基础设施安全保护要求")).containsExactly("critical-infrastructure");
            assertThat(tags("座舱数据处理安全要求")).containsExactly("data-security", "critical-infrastructure");
            assertThat(tags("信息安全技术 网络预约汽车服务数据安全要求")).as("ride-hailing is no connected vehicle")
                    .containsExactly("data-security");
        }

        @Test
        void evaluationAndCertification() {
            assertThat(tags("信息安全技术 个人信息安全影响评估指南"))
                    .containsExactly("personal-information", "evaluation-certification");
            assertThat(tags("数据安全技术 个人信息跨境处理活动安全认证要求"))
                    .containsExactly("data-security", "personal-information", "evaluation-certification");
            assertThat(tags("网络安全技术 信息技术安全评估准则 第1部分：简介和一般模型"))
                    .containsExactly("evaluation-certification");
            assertThat(tags("信息安全技术 基于口令的身份认证协议")).as("authentication is no certification")
                    .doesNotContain("evaluation-certification");
            assertThat(tags("网络安全技术 网络入侵检测系统技术要求")).as("intrusion detection is no testing")
                    .containsExactly("network-security");
        }

        @Test
        void formerTitlesCountAndNoStateHasNoTags() {
            assertThat(TAGGER.tags(titled("网络安全技术 服务安全要求", "信息安全技术 人工智能服务安全要求")))
                    .containsExactly("ai-safety", "ai-application-risk");
            assertThat(TAGGER.tags(null)).isEmpty();
        }
    }

    @Nested
    class RuleFiles {

        private static final String MINIMAL = """
                tags = ai, ai-ethics
                ai.zh = 人工智能
                ai.en = AI
                ai.description = Anything about AI.
                ai.keywords = 人工智能
                ai-ethics.zh = 伦理
                ai-ethics.en = Ethics
                ai-ethics.description = AI ethics.
                ai-ethics.keywords = 伦理
                ai-ethics.within = ai
                ai-ethics.parent = ai
                """;

        @Test
        void parentsAndContextComeFromTheFileNotTheCode() {
            TopicTagger tagger = TopicTagger.fromRules(MINIMAL);
            assertThat(tagger.tags(titled("人工智能伦理审查指南"))).containsExactly("ai", "ai-ethics");
            assertThat(tagger.tags(titled("科技伦理审查办法"))).as("within: ethics outside AI").isEmpty();
            assertThat(tagger.tags(titled("信息安全技术 人工智能术语"))).containsExactly("ai");
        }

        @Test
        void theOperatorsFileReplacesTheShippedOne(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("topics.properties");
            Files.writeString(file, MINIMAL, StandardCharsets.UTF_8);
            TopicTagger tagger = new TopicTagger(Optional.of(file));
            assertThat(tagger.knownTags()).containsExactly("ai", "ai-ethics");
            assertThat(new TopicTagger(Optional.<Path>empty()).knownTags())
                    .isEqualTo(new TopicTagger().knownTags());
        }

        @Test
        void mistakesStopTheStartWithTheReason() {
            assertThatThrownBy(() -> TopicTagger.fromRules(MINIMAL + "ai.keyword = x\n"))
                    .hasMessageContaining("unknown key 'ai.keyword'");
            assertThatThrownBy(() -> TopicTagger.fromRules(MINIMAL.replace("ai.en = AI\n", "")))
                    .hasMessageContaining("has no ai.en");
            assertThatThrownBy(() -> TopicTagger.fromRules(MINIMAL + "ai.parent = ai-ethics\n"))
                    .hasMessageContaining("go round in a circle");
            assertThatThrownBy(() -> TopicTagger.fromRules(MINIMAL.replace("ai-ethics.parent = ai",
                    "ai-ethics.parent = ethics"))).hasMessageContaining("not another listed tag");
            assertThatThrownBy(() -> TopicTagger.fromRules(MINIMAL.replace("tags = ai,", "tags = AI Safety, ai,")))
                    .hasMessageContaining("'AI Safety'");
        }
    }
}
