package org.tc260watch.notifier.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped glossary on real TC260 titles (docs/tc260-site.md §8 and the samples). */
class GlossaryTest {

    private static final Glossary GLOSSARY = new Glossary();

    private static String render(String title) {
        return GLOSSARY.render(title).text();
    }

    @Test
    void seriesPrefixesAndCommonTerms() {
        assertThat(GLOSSARY.render("《网络安全技术 生成式人工智能服务安全基本要求》")).isEqualTo(new PartialEnglish(
                "Cybersecurity technology — Generative artificial intelligence service basic security requirements",
                true));
        assertThat(render("信息安全技术 个人信息安全规范"))
                .isEqualTo("Information security technology — Personal information security specification");
        assertThat(render("数据安全技术 个人信息保护合规审计专业机构能力要求")).isEqualTo(
                "Data security technology — Personal information protection compliance audit professional institution "
                        + "capability requirements");
        assertThat(render("信息安全技术 生成式人工智能预训练和优化训练数据安全规范")).isEqualTo(
                "Information security technology — Generative artificial intelligence pre-training and fine-tuning "
                        + "data security specification");
    }

    @Test
    void theLongestTermWins() {
        Glossary g = Glossary.fromText("""
                信息 = information
                个人信息 = personal information
                个人信息保护 = personal information protection
                要求 = requirements
                """);
        assertThat(g.render("个人信息保护要求").text()).isEqualTo("Personal information protection requirements");
        assertThat(g.render("个人信息要求").text()).isEqualTo("Personal information requirements");
        assertThat(g.size()).isEqualTo(4);
    }

    @Test
    void partsDashesAndBracketsFollowEnglishTitleConventions() {
        assertThat(render("网络安全技术 信息技术安全评估准则 第1部分：简介和一般模型")).isEqualTo(
                "Cybersecurity technology — Information technology security evaluation criteria — Part 1: "
                        + "Introduction and general model");
        assertThat(render("网络安全标准实践指南—移动互联网应用程序（App）系统权限申请使用指南")).isEqualTo(
                "Cybersecurity standard practice guide — Mobile internet application (App) system permissions request "
                        + "use guide");
        assertThat(render("网络安全标准实践指南——个人信息保护合规审计要求"))
                .isEqualTo("Cybersecurity standard practice guide — Personal information protection compliance audit "
                        + "requirements");
    }

    @Test
    void aSpaceNextToLatinTextIsAWordSpaceNotASeparator() {
        assertThat(render("未成年人 AI 应用安全指南")).isEqualTo("Minors AI application security guide");
    }

    @Test
    void unknownChineseStaysAsItIsAndTheRenderingIsIncomplete() {
        PartialEnglish p = GLOSSARY.render("关于《座舱数据处理安全要求》的通知");
        assertThat(p.complete()).isFalse();
        assertThat(p.text()).isEqualTo("关于 cockpit data processing security requirements 通知");
        PartialEnglish q = GLOSSARY.render("信息安全技术 步态识别数据安全要求");
        assertThat(q).isEqualTo(new PartialEnglish(
                "Information security technology — Gait recognition data security requirements", true));
        assertThat(GLOSSARY.render("网络安全技术 移动通信信号屏蔽器技术规范").text())
                .isEqualTo("Cybersecurity technology — Mobile communication signal jammer technical specification");
    }

    @Test
    void theShippedGlossaryIsUseful() {
        assertThat(GLOSSARY.size()).isGreaterThanOrEqualTo(100);
        assertThat(GLOSSARY.render("").text()).isEmpty();
        assertThat(GLOSSARY.render(null).complete()).isTrue();
    }
}
