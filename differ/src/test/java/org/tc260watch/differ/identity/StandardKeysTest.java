package org.tc260watch.differ.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tc260watch.events.Snapshot;

class StandardKeysTest {

    private static Snapshot item(List<String> ids, List<String> books, String title) {
        return new Snapshot("portal.suggestion", null, "k", "u", null, title, ids, books, null, null, List.of(), null, "h",
                Instant.EPOCH, "r", null);
    }

    /** The key a standard first seen in this item gets. */
    private static String keyOf(Snapshot s) {
        return IdentityResolver.resolve(s, new IdentityResolver.Index() {
            @Override
            public String ownerOf(String alias) {
                return null;
            }

            @Override
            public IdentityResolver.Entity entity(String origin) {
                return null;
            }
        }).entity().publicKey();
    }

    @ParameterizedTest(name = "{0} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GB/T 35273-2020;20240896-T-469 | 信息安全技术 个人信息安全规范 | t | GB/T 35273-2020
            20240896-T-469;TC260-PG-20255A | 数据安全技术 个人信息保护合规审计要求 | t | 20240896-T-469
            TC260-PG-202512A               | x                             | t | TC260-PG-202512A
            GB/T XXXXX-XXXX;20251312-T-469 | x                             | t | 20251312-T-469
            GB/T XXXXX-XXXX                | 数据安全技术 未成年人产品和服务个人信息保护要求 | t | title:数据安全技术未成年人产品和服务个人信息保护要求
            """)
    void numberBeatsPlanBeatsDocumentBeatsTitle(String ids, String book, String title, String key) {
        assertThat(keyOf(item(List.of(ids.split(";")), List.of(book), title))).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            《数据安全技术  数据分类分级规则》          | title:数据安全技术数据分类分级规则
            数据安全技术 数据分类分级规则（征求意见稿） | title:数据安全技术数据分类分级规则
            数据安全技术　数据分类分级规则 送审稿       | title:数据安全技术数据分类分级规则
            信息安全技术 网络安全等级保护基本要求       | title:网络安全技术网络安全等级保护基本要求
            《网络安全技术 网络安全等级保护基本要求》   | title:网络安全技术网络安全等级保护基本要求
            """)
    void titleKeysIgnoreBracketsSpacesWidthDraftSuffixesAndThePrefixRename(String title, String key) {
        assertThat(StandardKeys.titleKey(title)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            网络安全标准实践指南——智能体应用安全防护指引（TC260-PG-20266A） | 网络安全标准实践指南——智能体应用安全防护指引
            网络安全标准实践指南——智能体应用安全防护指引 (TC260-PG-20266A)  | 网络安全标准实践指南——智能体应用安全防护指引
            数据安全技术 数据分类分级规则（GB/T 43697-2024）               | 数据安全技术 数据分类分级规则
            网络安全技术 生成式人工智能服务安全基本要求（征求意见稿）         | 网络安全技术 生成式人工智能服务安全基本要求
            人工智能安全治理框架（2.0版）                                   | 人工智能安全治理框架(2.0版)
            (TC260-PG-20266A)                                              | (TC260-PG-20266A)
            """)
    void displayTitlesDropTheirOwnBracketedIdentifierButNoOtherBrackets(String title, String display) {
        assertThat(StandardKeys.displayTitle(title)).isEqualTo(display);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            关于国家标准《数据安全技术 数据分类分级规则》征求意见稿征求意见的通知 | title:关于国家标准《数据安全技术数据分类分级规则》征求意见稿征求意见的通知
            """)
    void withoutABookTitleTheWholeTitleIsTheKey(String title, String key) {
        assertThat(keyOf(item(List.of(), List.of(), title)))
                .isEqualTo(key.replace("《", "").replace("》", ""));
    }
}
