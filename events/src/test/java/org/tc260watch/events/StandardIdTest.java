package org.tc260watch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tc260watch.events.StandardId.Type;

/** Every identifier form of docs/tc260-site.md §6, the §8.1 catalogue and the §8.2 examples. */
class StandardIdTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # input                                   | canonical                | type               | prefix | number   | part | year | sequence | adoption              | placeholder
            # §6.1 hyphen and em dash forms
            GB/T 35273-2020                           | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GB 45438-2025                             | GB 45438-2025            | NATIONAL           | GB     | 45438    |      | 2025 |          |                       | false
            GB/T 25069-2022                           | GB/T 25069-2022          | NATIONAL           | GB/T   | 25069    |      | 2022 |          |                       | false
            GB/T 45654—2025                           | GB/T 45654-2025          | NATIONAL           | GB/T   | 45654    |      | 2025 |          |                       | false
            GB/T 47020—2026                           | GB/T 47020-2026          | NATIONAL           | GB/T   | 47020    |      | 2026 |          |                       | false
            GB/T 20988—2025                           | GB/T 20988-2025          | NATIONAL           | GB/T   | 20988    |      | 2025 |          |                       | false
            GB/T 22080—2025                           | GB/T 22080-2025          | NATIONAL           | GB/T   | 22080    |      | 2025 |          |                       | false
            GB/T 45909—2025                           | GB/T 45909-2025          | NATIONAL           | GB/T   | 45909    |      | 2025 |          |                       | false
            GB/T 31722—2025                           | GB/T 31722-2025          | NATIONAL           | GB/T   | 31722    |      | 2025 |          |                       | false
            GB/T 45577—2025                           | GB/T 45577-2025          | NATIONAL           | GB/T   | 45577    |      | 2025 |          |                       | false
            # the other dashes: en dash, full-width hyphen-minus, minus sign, doubled em dash
            GB/T 35273–2020                           | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GB/T 35273－2020                          | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GB/T 35273−2020                           | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GB/T 20988——2025                          | GB/T 20988-2025          | NATIONAL           | GB/T   | 20988    |      | 2025 |          |                       | false
            # multi-part
            GB/T 44886.1-2024                         | GB/T 44886.1-2024        | NATIONAL           | GB/T   | 44886    | 1    | 2024 |          |                       | false
            GB/T 18336.1-2024                         | GB/T 18336.1-2024        | NATIONAL           | GB/T   | 18336    | 1    | 2024 |          |                       | false
            GB/T 18336.5-2024                         | GB/T 18336.5-2024        | NATIONAL           | GB/T   | 18336    | 5    | 2024 |          |                       | false
            GB/T 44462.1-2024                         | GB/T 44462.1-2024        | NATIONAL           | GB/T   | 44462    | 1    | 2024 |          |                       | false
            GB/T 25068.1—2019                         | GB/T 25068.1-2019        | NATIONAL           | GB/T   | 25068    | 1    | 2019 |          |                       | false
            GB/Z 185.1-2026                           | GB/Z 185.1-2026          | NATIONAL           | GB/Z   | 185      | 1    | 2026 |          |                       | false
            GB/Z 185.7-2026                           | GB/Z 185.7-2026          | NATIONAL           | GB/Z   | 185      | 7    | 2026 |          |                       | false
            GB/Z 42885-2023                           | GB/Z 42885-2023          | NATIONAL           | GB/Z   | 42885    |      | 2023 |          |                       | false
            # adoption suffix: kept apart, not in the canonical form
            GB/T 25068.1—2019/ISO/IEC 27033-1:2015    | GB/T 25068.1-2019        | NATIONAL           | GB/T   | 25068    | 1    | 2019 |          | ISO/IEC 27033-1:2015  | false
            GB/T 28450—XXXX/ISO/IEC 27007:2017        | GB/T 28450-XXXX          | NATIONAL           | GB/T   | 28450    |      |      |          | ISO/IEC 27007:2017    | true
            GB/T 22080—2025/ISO/IEC 27001:2022        | GB/T 22080-2025          | NATIONAL           | GB/T   | 22080    |      | 2025 |          | ISO/IEC 27001:2022    | false
            GB/T 25068.1—2019 / ISO/IEC 27033-1：2015 | GB/T 25068.1-2019        | NATIONAL           | GB/T   | 25068    | 1    | 2019 |          | ISO/IEC 27033-1:2015  | false
            # placeholders on drafts
            GB/T XXXXX—XXXX                           | GB/T XXXXX-XXXX          | NATIONAL           | GB/T   |          |      |      |          |                       | true
            GB/T 20261—XXXX                           | GB/T 20261-XXXX          | NATIONAL           | GB/T   | 20261    |      |      |          |                       | true
            GB/T ＸＸＸＸＸ－ＸＸＸＸ                 | GB/T XXXXX-XXXX          | NATIONAL           | GB/T   |          |      |      |          |                       | true
            GB/T 20261-20XX                           | GB/T 20261-XXXX          | NATIONAL           | GB/T   | 20261    |      |      |          |                       | true
            # replaced edition
            GB/T 20984-2007                           | GB/T 20984-2007          | NATIONAL           | GB/T   | 20984    |      | 2007 |          |                       | false
            GB/T 20261—2006                           | GB/T 20261-2006          | NATIONAL           | GB/T   | 20261    |      | 2006 |          |                       | false
            # spacing and slash variants
            GB/T  29829-2013                          | GB/T 29829-2013          | NATIONAL           | GB/T   | 29829    |      | 2013 |          |                       | false
            " GB/T 35273 - 2020 "                     | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GB／T 35273-2020                          | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GB / T 35273-2020                         | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GB/T　35273—2020                          | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            ＧＢ／Ｔ　３５２７３－２０２０            | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GBT 35273-2020                            | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GBT35273-2020                             | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GBT+35273-2020                            | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GB-T-35273-2020                           | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            gb/t 35273-2020                           | GB/T 35273-2020          | NATIONAL           | GB/T   | 35273    |      | 2020 |          |                       | false
            GB45438-2025                              | GB 45438-2025            | NATIONAL           | GB     | 45438    |      | 2025 |          |                       | false
            # §6.2 plan numbers
            20240896-T-469                            | 20240896-T-469           | PLAN               | T      | 20240896 |      | 2024 | 469      |                       | false
            20250864-T-469                            | 20250864-T-469           | PLAN               | T      | 20250864 |      | 2025 | 469      |                       | false
            20243076-Q-339                            | 20243076-Q-339           | PLAN               | Q      | 20243076 |      | 2024 | 339      |                       | false
            20263116-Q-252                            | 20263116-Q-252           | PLAN               | Q      | 20263116 |      | 2026 | 252      |                       | false
            20262852-T-469                            | 20262852-T-469           | PLAN               | T      | 20262852 |      | 2026 | 469      |                       | false
            20260326-T-469                            | 20260326-T-469           | PLAN               | T      | 20260326 |      | 2026 | 469      |                       | false
            20252537-T-469                            | 20252537-T-469           | PLAN               | T      | 20252537 |      | 2025 | 469      |                       | false
            20263174-T-469                            | 20263174-T-469           | PLAN               | T      | 20263174 |      | 2026 | 469      |                       | false
            20231234-Z-469                            | 20231234-Z-469           | PLAN               | Z      | 20231234 |      | 2023 | 469      |                       | false
            20240896—T—469                            | 20240896-T-469           | PLAN               | T      | 20240896 |      | 2024 | 469      |                       | false
            20240896-t-469                            | 20240896-T-469           | PLAN               | T      | 20240896 |      | 2024 | 469      |                       | false
            # §6.3 practice guides: year = first four digits, sequence = the rest
            TC260-PG-20191A                           | TC260-PG-20191A          | PRACTICE_GUIDE     |        | 20191A   |      | 2019 | 1        |                       | false
            TC260-PG-20212A                           | TC260-PG-20212A          | PRACTICE_GUIDE     |        | 20212A   |      | 2021 | 2        |                       | false
            TC260-PG-20241A                           | TC260-PG-20241A          | PRACTICE_GUIDE     |        | 20241A   |      | 2024 | 1        |                       | false
            TC260-PG-20251A                           | TC260-PG-20251A          | PRACTICE_GUIDE     |        | 20251A   |      | 2025 | 1        |                       | false
            TC260-PG-20257A                           | TC260-PG-20257A          | PRACTICE_GUIDE     |        | 20257A   |      | 2025 | 7        |                       | false
            TC260-PG-20258A                           | TC260-PG-20258A          | PRACTICE_GUIDE     |        | 20258A   |      | 2025 | 8        |                       | false
            TC260-PG-20259A                           | TC260-PG-20259A          | PRACTICE_GUIDE     |        | 20259A   |      | 2025 | 9        |                       | false
            TC260-PG-202510A                          | TC260-PG-202510A         | PRACTICE_GUIDE     |        | 202510A  |      | 2025 | 10       |                       | false
            TC260-PG-202511A                          | TC260-PG-202511A         | PRACTICE_GUIDE     |        | 202511A  |      | 2025 | 11       |                       | false
            TC260-PG-202512A                          | TC260-PG-202512A         | PRACTICE_GUIDE     |        | 202512A  |      | 2025 | 12       |                       | false
            TC260-PG-20266A                           | TC260-PG-20266A          | PRACTICE_GUIDE     |        | 20266A   |      | 2026 | 6        |                       | false
            TC260-PG-2025NA                           | TC260-PG-2025NA          | PRACTICE_GUIDE     |        | 2025NA   |      | 2025 |          |                       | true
            tc260-pg-202512a                          | TC260-PG-202512A         | PRACTICE_GUIDE     |        | 202512A  |      | 2025 | 12       |                       | false
            TC260－PG－20251A                         | TC260-PG-20251A          | PRACTICE_GUIDE     |        | 20251A   |      | 2025 | 1        |                       | false
            # committee technical documents and research reports
            TC260-002                                 | TC260-002                | TECHNICAL_DOCUMENT |        | 002      |      |      |          |                       | false
            TC260-003                                 | TC260-003                | TECHNICAL_DOCUMENT |        | 003      |      |      |          |                       | false
            TC260-TR-001-2026                         | TC260-TR-001-2026        | RESEARCH_REPORT    |        | 001      |      | 2026 |          |                       | false
            TC260-TR-005-2026                         | TC260-TR-005-2026        | RESEARCH_REPORT    |        | 005      |      | 2026 |          |                       | false
            """)
    void parsesEveryFormOfTheSiteDoc(String input, String canonical, Type type, String prefix, String number,
            String part, Integer year, Integer sequence, String adoption, boolean placeholder) {
        StandardId id = StandardId.parse(input).orElseThrow(() -> new AssertionError("not parsed: " + input));

        assertThat(id.canonical()).isEqualTo(canonical);
        assertThat(id.toString()).isEqualTo(canonical);
        assertThat(id).isEqualTo(new StandardId(type, prefix, number, part, year, sequence, adoption, placeholder));
        // The canonical form reads back as the same identifier (the adoption is not part of it).
        assertThat(StandardId.parse(canonical)).contains(
                new StandardId(type, prefix, number, part, year, sequence, null, placeholder));
    }

    @ParameterizedTest(name = "§8.1 row {0}: {1}")
    @CsvFileSource(resources = "/pi-catalogue-2025.csv", delimiter = '|')
    void parsesEveryNumberOfThePersonalInformationCatalogue(int row, String printed, String canonical, Type type,
            String prefix, String number, String part, Integer year, Integer sequence, String status, Stage stage) {
        StandardId id = StandardId.parse(printed).orElseThrow(() -> new AssertionError("row " + row + ": " + printed));

        assertThat(id).isEqualTo(new StandardId(type, prefix, number, part, year, sequence, null, false));
        assertThat(id.canonical()).isEqualTo(canonical);
        // The row read as free text yields exactly its number, whatever the status column says.
        assertThat(StandardId.findAll("| " + row + " | 标题 | " + printed + " | 推荐性国家标准 | " + status + " |"))
                .containsExactly(id);
        assertThat(Stage.fromText(status)).contains(stage);
    }

    @ParameterizedTest(name = "not one identifier: [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
        " ",
        "GB/T 35273-2020 信息安全技术 个人信息安全规范",
        "《网络安全技术 软件物料清单数据格式》GB/T 47020—2026",
        "GB/Z 185.1～GB/Z 185.7—2026",
        "GB/T 35273",
        "GB/T 35273-20",
        "GB 2312-80",
        "GB2312",
        "GBK-2020",
        "TC260",
        "TC260-PG-20251",
        "TC260-PG-2025",
        "TC260-0003",
        "TC260-TR-005",
        "2025-05-26",
        "20250519172429",
        "1748255158535034574",
        "20240896-T-46",
        "20240896-X-469",
        "网安秘字〔2025〕62号",
        "ISO/IEC 27001:2022",
        "V1.0-202508",
    })
    void rejectsWhatIsNotExactlyOneIdentifier(String text) {
        assertThat(StandardId.parse(text)).isEmpty();
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                arguments("notice title, em dash, no space before the number",
                        "关于发布GB/T 47020—2026《网络安全技术 软件物料清单数据格式》等3项国家标准的通知",
                        List.of("GB/T 47020-2026")),
                arguments("publication announcement body with dates and bulletin numbers",
                        "根据2025年第14号《中华人民共和国国家标准公告》，由全国网络安全标准化技术委员会归口的3项国家标准正式发布，"
                                + "分别是GB/T 20988—2025《网络安全技术 信息系统灾难恢复规范》、GB/T 22080—2025《网络安全技术 "
                                + "信息安全管理体系 要求》和GB/T 45909—2025《网络安全技术 数字水印技术实现指南》，"
                                + "将于2026年8月1日起正式实施。发布于：2025-05-26",
                        List.of("GB/T 20988-2025", "GB/T 22080-2025", "GB/T 45909-2025")),
                arguments("article title with a full-width bar",
                        "标准全文｜GB/T 45654—2025《网络安全技术 生成式人工智能服务安全基本要求》",
                        List.of("GB/T 45654-2025")),
                arguments("range of parts expanded with the shared year",
                        "GB/Z 185.1～GB/Z 185.7—2026《人工智能 大模型》系列标准发布",
                        List.of("GB/Z 185.1-2026", "GB/Z 185.2-2026", "GB/Z 185.3-2026", "GB/Z 185.4-2026",
                                "GB/Z 185.5-2026", "GB/Z 185.6-2026", "GB/Z 185.7-2026")),
                arguments("short range form",
                        "GB/T 18336.1～18336.5-2024《网络安全技术 信息技术安全评估准则》",
                        List.of("GB/T 18336.1-2024", "GB/T 18336.2-2024", "GB/T 18336.3-2024", "GB/T 18336.4-2024",
                                "GB/T 18336.5-2024")),
                arguments("draft cover: placeholder number, replaced edition, placeholder dates",
                        "ICS 35.030 L 80 中华人民共和国国家标准 GB/T 20261—XXXX 代替 GB/T 20261—2006 信息安全技术 "
                                + "系统安全工程 能力成熟度模型 （报批稿） XXXX-XX-XX 发布 XXXX-XX-XX 实施",
                        List.of("GB/T 20261-XXXX", "GB/T 20261-2006")),
                arguments("draft cover with adoption suffix",
                        "GB/T 28450—XXXX/ISO/IEC 27007:2017 信息安全技术 信息安全管理体系审核指南 （送审稿）",
                        List.of("GB/T 28450-XXXX")),
                arguments("catalogue rows mixing plan numbers, guides and a committee document",
                        "18 数据安全技术 个人信息保护合规审计要求 20240896-T-469 推荐性国家标准 在研（报批稿）\n"
                                + "20 网络安全标准实践指南—个人信息保护合规审计 专业机构服务能力要求 TC260-PG-20254A 已发布\n"
                                + "37 智能手机预装应用程序分类指南 TC260-002 委员会技术文件 已发布\n"
                                + "45 儿童手表安全技术要求 20243076-Q-339 强制性国家标准 在研（送审稿）",
                        List.of("20240896-T-469", "TC260-PG-20254A", "TC260-002", "20243076-Q-339")),
                arguments("AIGC labelling guides: 20251A-style and 202512A-style sequences side by side",
                        "TC260-PG-20257A 视频、TC260-PG-20258A 文本、TC260-PG-20259A 图片、TC260-PG-202510A 音频、"
                                + "TC260-PG-202511A、TC260-PG-202512A（V1.0-202508），以及TC260-PG-20251A",
                        List.of("TC260-PG-20257A", "TC260-PG-20258A", "TC260-PG-20259A", "TC260-PG-202510A",
                                "TC260-PG-202511A", "TC260-PG-202512A", "TC260-PG-20251A")),
                arguments("practice-guide draft with placeholder number and secretariat number",
                        "网安秘字〔2026〕119号 关于《网络安全标准实践指南——智能体系统开发安全指南（征求意见稿 v1.0-202609）》"
                                + "TC260-PG-2025NA 征求意见的通知，请于2026年10月2日前反馈",
                        List.of("TC260-PG-2025NA")),
                arguments("research reports released as one bundle",
                        "网安秘字〔2026〕34号：TC260-TR-001-2026 至 TC260-TR-005-2026《智能体安全标准化研究》v1.0-202603，"
                                + "/sysFile/downloadFile/65a2ac0e14a140f68bb382b7a6e00b0c",
                        List.of("TC260-TR-001-2026", "TC260-TR-005-2026")),
                arguments("committee document with site ids and an upload path",
                        "TC260-003《生成式人工智能服务安全基本要求》 /front/postDetail.html?id=20240301164054 "
                                + "/upload/2024-03-01/1709282398070082466.pdf，后续形成GB/T 45654—2025",
                        List.of("TC260-003", "GB/T 45654-2025")),
                arguments("the same standard written four ways is one identifier",
                        "GB/T 35273-2020 即 GB/T 35273—2020，文件 GBT+35273-2020.pdf、GB-T-35273-2020.pdf",
                        List.of("GB/T 35273-2020")),
                arguments("replacement note",
                        "GB/T 20984-2022 代替标准号：GB/T 20984-2007",
                        List.of("GB/T 20984-2022", "GB/T 20984-2007")),
                arguments("plan numbers in running text, in order of appearance",
                        "20263116-Q-252《智能体应用安全基本要求》由中央网信办提出；20262852-T-469 网络安全技术 "
                                + "人工智能代码生成服务安全要求；GB 45438-2025",
                        List.of("20263116-Q-252", "20262852-T-469", "GB 45438-2025")),
                arguments("real capture body: document number, signing date, upload path, no identifier",
                        "网安秘字〔2025〕62号 各有关单位： 附件：《网络安全标准实践指南——个人信息保护合规审计要求》.pdf "
                                + "/upload/2025-05-26/1748255158535034574.pdf 全国网络安全标准化技术委员会秘书处 2025年5月19日 "
                                + "发布于：2025-05-26 /portal/article/2/20250519172429",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void findsEveryIdentifierInFreeText(String description, String text, List<String> canonicals) {
        assertThat(StandardId.findAll(text)).extracting(StandardId::canonical).containsExactlyElementsOf(canonicals);
    }

    @ParameterizedTest(name = "nothing in [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
        "2025-05-26",
        "征求时间 2026-08-04 至 2026-10-03",
        "[截至日期:2025-10-26]",
        "/upload/2025-05-26/1748255158535034574.pdf",
        "/upload/2024-09/1726853378096090906.pdf",
        "/zgwabwtzggfile/1756394049246098437/1756394049246098437.pdf",
        "/front/bzzqyjDetail.html?id=20250827154251&norm_id=20250708125141&recode_id=59758",
        "/portal/article/2/20250315113048",
        "jumpDetail('3bb57023c00a464faf4c2f7b9a5524c7','2026-04-12')",
        "网安秘字〔2025〕62号",
        "网安秘字〔2026〕34号、44号",
        "全国网络安全标准化技术委员会（TC260）",
        "SAC/TC260 WG8 SWG-ETS",
        "京ICP备05013730号-14 京公网安备11010102004561号",
        "V1.0-202508 v1.0-202609",
        "GB2312 编码、GB18030",
        "GB/T 22239《网络安全等级保护基本要求》",
        "GB 2312-80",
        "ISO/IEC 27001:2022",
        "XXXX-XX-XX 发布 XXXX-XX-XX 实施",
        "2023年发布了47项网络安全国家标准",
    })
    void findsNothingInDatesSiteIdsAndDocumentNumbers(String text) {
        assertThat(StandardId.findAll(text)).isEmpty();
    }

    @Test
    void keepsTheAdoptionWhenTheSameStandardAppearsWithAndWithoutIt() {
        List<StandardId> ids = StandardId.findAll(
                "GB/T 25068.1-2019 信息技术 安全技术 网络安全 第1部分（GB/T 25068.1—2019/ISO/IEC 27033-1:2015）");

        assertThat(ids).containsExactly(new StandardId(Type.NATIONAL, "GB/T", "25068", "1", 2019, null,
                "ISO/IEC 27033-1:2015", false));
    }

    @Test
    void readsAPracticeGuideNumberNeitherAsTechnicalDocumentNorAsPlan() {
        assertThat(StandardId.findAll("TC260-PG-20251A")).singleElement()
                .satisfies(id -> {
                    assertThat(id.type()).isEqualTo(Type.PRACTICE_GUIDE);
                    assertThat(id.year()).isEqualTo(2025);
                    assertThat(id.sequence()).isEqualTo(1);
                });
        assertThat(StandardId.findAll("TC260-PG-202512A")).singleElement()
                .satisfies(id -> {
                    assertThat(id.year()).isEqualTo(2025);
                    assertThat(id.sequence()).isEqualTo(12);
                });
    }

    @Test
    void takesThePlanYearFromItsFirstFourDigitsOnly() {
        assertThat(StandardId.findAll("计划号20240896-T-469，2024年下达")).containsExactly(
                new StandardId(Type.PLAN, "T", "20240896", null, 2024, 469, null, false));
    }

    @Test
    void doesNotExpandARangeAcrossDifferentStandards() {
        assertThat(StandardId.findAll("GB/T 185.1～GB/T 186.7—2026")).extracting(StandardId::canonical)
                .containsExactly("GB/T 186.7-2026");
    }
}
