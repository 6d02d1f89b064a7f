package org.tc260watch.scraper.source.shtml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.SITE;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.page;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

class ArticleDetailAdapterTest {

    private static final String DRAFT_ID = "e5b82ae7aca244d19d36b39575cbb458";
    private static final String DRAFT_PATH = "/tc260/tzgg/202609/" + DRAFT_ID + ".shtml";
    private static final String FILES = "https://www.tc260.org.cn/tc260/tzgg/202609/" + DRAFT_ID + "/files/";

    private final ArticleDetailAdapter adapter = new ArticleDetailAdapter();

    /** The item as the 通知公告 list gives it. */
    private static ObservedItem listed(String path, String title, LocalDate date) {
        ParsedPage list = new NoticeListAdapter().parse(ShtmlFixtures.body("<html><head><title>通知公告</title></head>"
                + "<body><ul><li><span>" + date + "</span><a href=\"" + path + "\" title=\"" + title + "\">" + title
                + "</a></li></ul></body></html>", "/tc260/tzgg/list.shtml", ShtmlFixtures.HTML), SITE);
        return list.items().get(0);
    }

    @Test
    void theDetailPageOfAListedArticleIsItsOwnUrl() {
        ObservedItem item = listed(DRAFT_PATH, "x", LocalDate.of(2026, 9, 2));

        assertThat(adapter.sources()).containsExactlyInAnyOrder("shtml.home", "shtml.tzgg", "shtml.xwdt", "shtml.sjzn");
        assertThat(adapter.detailUrl(item, SITE)).contains(URI.create("https://www.tc260.org.cn" + DRAFT_PATH));
    }

    @Test
    void aPracticeGuideDraftGivesNumberDeadlineAndDecodedAttachments() {
        ObservedItem item = listed(DRAFT_PATH, "网络安全标准实践指南——智能体系统开发安全指南（征求意见稿 v1.0-202609）",
                LocalDate.of(2026, 9, 2));

        ParsedPage page = adapter.parse(item, page("tzgg-detail-e5b82ae7.handmade.html", DRAFT_PATH), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).isTrue();
        assertThat(page.items()).singleElement().satisfies(draft -> {
            assertThat(draft.itemKey()).isEqualTo("shtml.tzgg:" + DRAFT_ID);
            assertThat(draft.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
            assertThat(draft.stage()).isEqualTo(Stage.COMMENT_DRAFT);
            // The version label stays in the title.
            assertThat(draft.title()).endsWith("(征求意见稿 v1.0-202609)");
            assertThat(draft.documentNumber()).isEqualTo("网安秘字〔2026〕119号");
            assertThat(draft.dates()).isEqualTo(
                    new ItemDates(LocalDate.of(2026, 9, 2), null, LocalDate.of(2026, 10, 2), null));
            assertThat(draft.bookTitles())
                    .containsExactly("网络安全标准实践指南——智能体系统开发安全指南(征求意见稿 v1.0-202609)");
            assertThat(draft.attachments()).containsExactly(
                    new Attachment(null, "网络安全标准实践指南——智能体系统开发安全指南(征求意见稿 v1.0-202609).pdf",
                            FILES + "%E7%BD%91%E7%BB%9C%E5%AE%89%E5%85%A8%E6%A0%87%E5%87%86%E5%AE%9E%E8%B7%B5%E6%8C%87"
                                    + "%E5%8D%97%E2%80%94%E2%80%94%E6%99%BA%E8%83%BD%E4%BD%93%E7%B3%BB%E7%BB%9F%E5%BC"
                                    + "%80%E5%8F%91%E5%AE%89%E5%85%A8%E6%8C%87%E5%8D%97%EF%BC%88%E5%BE%81%E6%B1%82%E6"
                                    + "%84%8F%E8%A7%81%E7%A8%BF%20v1.0-202609%EF%BC%89.pdf"),
                    new Attachment(null, "网络安全标准实践指南——智能体系统开发安全指南(征求意见稿)编制说明.pdf",
                            FILES + "%E7%BD%91%E7%BB%9C%E5%AE%89%E5%85%A8%E6%A0%87%E5%87%86%E5%AE%9E%E8%B7%B5%E6%8C%87"
                                    + "%E5%8D%97%E2%80%94%E2%80%94%E6%99%BA%E8%83%BD%E4%BD%93%E7%B3%BB%E7%BB%9F%E5%BC"
                                    + "%80%E5%8F%91%E5%AE%89%E5%85%A8%E6%8C%87%E5%8D%97%EF%BC%88%E5%BE%81%E6%B1%82%E6"
                                    + "%84%8F%E8%A7%81%E7%A8%BF%EF%BC%89%E7%BC%96%E5%88%B6%E8%AF%B4%E6%98%8E.pdf"),
                    new Attachment(null, "意见反馈表.docx",
                            FILES + "%E6%84%8F%E8%A7%81%E5%8F%8D%E9%A6%88%E8%A1%A8.docx"));
        });
    }

    @Test
    void aBatchReleaseWithMigratedAttachmentsSplitsPerGuide() {
        String path = "/tc260/tzgg/202508/49b6d19ee5374bc4962e1ac427a5b390.shtml";
        ObservedItem item = listed(path,
                "关于发布《网络安全标准实践指南——人工智能生成合成内容标识 视频》等6项实践指南的通知",
                LocalDate.of(2025, 8, 28));

        ParsedPage page = adapter.parse(item, page("tzgg-detail-49b6d19e.handmade.html", path), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        List<ObservedItem> guides = page.items();
        assertThat(guides).hasSize(6);
        assertThat(guides).allSatisfy(guide -> {
            assertThat(guide.itemKey()).startsWith("shtml.tzgg:49b6d19ee5374bc4962e1ac427a5b390#");
            assertThat(guide.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
            assertThat(guide.stage()).isEqualTo(Stage.PUBLISHED);
            assertThat(guide.dates().published()).isEqualTo(LocalDate.of(2025, 8, 28));
            assertThat(guide.attachments()).extracting(Attachment::url).containsExactly(
                    "https://www.tc260.org.cn/zgwabwtzggfile/1756394049246098437/1756394049246098437.pdf",
                    "https://www.tc260.org.cn/zgwabwtzggfile/1756394049246098438/1756394049246098438.rar");
        });
        assertThat(guides).extracting(ObservedItem::itemKey).containsExactly(
                "shtml.tzgg:49b6d19ee5374bc4962e1ac427a5b390#TC260-PG-20257A",
                "shtml.tzgg:49b6d19ee5374bc4962e1ac427a5b390#TC260-PG-20258A",
                "shtml.tzgg:49b6d19ee5374bc4962e1ac427a5b390#TC260-PG-20259A",
                "shtml.tzgg:49b6d19ee5374bc4962e1ac427a5b390#TC260-PG-202510A",
                "shtml.tzgg:49b6d19ee5374bc4962e1ac427a5b390#TC260-PG-202511A",
                "shtml.tzgg:49b6d19ee5374bc4962e1ac427a5b390#TC260-PG-202512A");
        assertThat(guides.get(0).bookTitles()).containsExactly("网络安全标准实践指南——人工智能生成合成内容标识 视频");
        assertThat(guides.get(0).standardIds()).containsExactly("TC260-PG-20257A");
    }

    @Test
    void newsAndGuidesReadTheirFilesAttachments() {
        ArticleDetailAdapter news = adapter;
        String path = "/tc260/xwdt1/202609/d513a007d04347f58e483fabaefb34b8.shtml";
        ObservedItem item = new NewsListAdapter().parse(page("xwdt-list.handmade.html", "/tc260/xwdt1/list.shtml"),
                SITE).items().get(0);

        ParsedPage page = news.parse(item, page("xwdt-detail-d513a007.handmade.html", path), SITE);

        assertThat(page.items()).singleElement().satisfies(article -> assertThat(article.attachments())
                .extracting(Attachment::name).containsExactly("《人工智能安全治理框架》3.0.pdf"));

        ArticleDetailAdapter guides = adapter;
        ObservedItem guide = new GuideListAdapter().parse(page("sjzn-list.handmade.html", "/tc260/sjzn/list.shtml"),
                SITE).items().get(1);
        ParsedPage guidePage = guides.parse(guide, page("sjzn-detail-f0a84ada.handmade.html",
                "/tc260/sjzn/202508/f0a84ada0c11458e9cb6da56c1cb2426.shtml"), SITE);
        assertThat(guidePage.items()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
            assertThat(g.standardIds()).containsExactly("TC260-PG-20258A");
            assertThat(g.attachments()).extracting(Attachment::url).containsExactly("https://www.tc260.org.cn/tc260/"
                    + "sjzn/202508/f0a84ada0c11458e9cb6da56c1cb2426/files/760387fb30e94c058c31b8c2b2230020.pdf");
        });
    }

    @Test
    void theHomepageInsteadOfTheArticleIsASoft404() {
        ObservedItem item = listed(DRAFT_PATH, "网络安全标准实践指南——某个不在首页上的指南", LocalDate.of(2026, 9, 2));

        ParsedPage page = adapter.parse(item, page("homepage.handmade.html", DRAFT_PATH), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).contains("homepage").contains(DRAFT_ID);
    }

    @Test
    void theHomepageLinkingTheListedArticleIsStillASoft404() {
        // The simulator (and the site) answer an unknown article path with the homepage, whose ul.inList links
        // the newest articles by their full titles: a link to the article is not the article.
        String path = "/tc260/tzgg/202609/4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d.shtml";
        ObservedItem item = listed(path, "关于发布《座舱数据处理安全要求》的通知", LocalDate.of(2026, 9, 15));

        ParsedPage page = adapter.parse(item, page("homepage.handmade.html", path), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).contains("homepage (ul.inList)").contains("4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d");
    }

    @Test
    void aTruncatedOrBodilessPageIsUnrecognisedNotAnEmptyItem() {
        ObservedItem item = listed(DRAFT_PATH, "网络安全标准实践指南——智能体系统开发安全指南（征求意见稿 v1.0-202609）",
                LocalDate.of(2026, 9, 2));

        ParsedPage truncated = adapter.parse(item, page("tzgg-detail-truncated.handmade.html", DRAFT_PATH), SITE);
        ParsedPage bodiless = adapter.parse(item, ShtmlFixtures.body("<html><body><div class=\"x\"><p>?</p></div>"
                + "</body></html>", DRAFT_PATH, ShtmlFixtures.HTML), SITE);

        assertThat(truncated.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(truncated.reason()).contains("truncated");
        assertThat(bodiless.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(bodiless.reason()).startsWith("layout changed: no article body");
    }
}
