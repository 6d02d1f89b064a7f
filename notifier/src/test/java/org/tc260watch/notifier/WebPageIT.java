package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.subscription.SubscriptionStatus;
import org.tc260watch.notifier.testing.Browser;
import org.tc260watch.notifier.testing.ChangeTopicBase;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.SmtpProfile;
import org.tc260watch.notifier.testing.Subscriptions;
import org.tc260watch.notifier.web.Pages;
import org.tc260watch.notifier.web.PageViews;

/**
 * The web pages in a real browser (Debian's headless Chromium): standards and changes published on the test broker
 * the way the differ does, read by the notifier, shown at {@code /} and {@code /standards/{key}}; filters, a standard's
 * history, escaping of scraped text, a phone-sized layout, and the subscribe form down to the confirmation mail
 * (GreenMail). Screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class WebPageIT extends ChangeTopicBase {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String OPEN_FOR_COMMENT = "征求意见 / Open for comment";
    private static final String DEADLINE_CHANGED = "截止日期变更 / Deadline changed";

    /** What one run published: an AI draft open for comment, a published cryptography standard, a hostile title. */
    private record Seed(String tag, StandardState draft, StandardState published, StandardState hostile,
            LocalDate today) {
    }

    private static Seed seed;
    private static Browser desktop;
    private static Browser phone;

    @TestHTTPResource("/")
    URI root;

    @BeforeAll
    static void browsersInstalled() {
        Browser.requireInstalled();
    }

    @BeforeEach
    void seededAndBrowsing() {
        if (seed == null) {
            seed = publish();
        }
        if (desktop == null) {
            desktop = Browser.desktop(root);
            phone = Browser.phone(root);
        }
    }

    @AfterAll
    static void closeBrowsers() {
        if (desktop != null) {
            desktop.close();
            phone.close();
        }
    }

    @Test
    void theHomePageListsRecentChangesAndOpenCommentPeriodsWithDaysLeft() {
        desktop.open("/");
        desktop.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.change")));
        List<String> ours = desktop.all("li.change").stream()
                .filter(li -> li.getText().contains(seed.tag()))
                .map(li -> li.getAttribute("data-type") + " " + li.findElement(By.cssSelector(".title")).getText())
                .toList();
        // Newest first in the order the notifier stored them; the topic's partitions keep only each standard's order.
        assertThat(ours).containsExactlyInAnyOrder(
                "standard.added 《" + seed.hostile().title() + "》",
                "standard.published 《" + seed.published().title() + "》",
                "standard.deadline-changed 《" + seed.draft().title() + "》",
                "standard.added 《" + seed.draft().title() + "》");
        assertThat(ours).containsSubsequence("standard.deadline-changed 《" + seed.draft().title() + "》",
                "standard.added 《" + seed.draft().title() + "》");

        WebElement open = openPeriod(desktop, seed.draft());
        assertThat(open.getText()).contains("截止日期 / Deadline: " + seed.draft().commentEnd(),
                "还剩 10 天 / 10 days left");
        assertThat(open.findElement(By.cssSelector("a.title")).getAttribute("href"))
                .endsWith(PageViews.standardHref(seed.draft().key()));
        assertThat(desktop.find("h1").getText()).isEqualTo("TC260 标准变更 / Changes to TC260 standards");
        desktop.screenshot("home-desktop-" + database());

        phone.open("/");
        phone.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.open-period")));
        assertThat(phone.overflowsSideways()).as("the home page fits a phone's width").isFalse();
        phone.screenshot("home-phone-" + database());
    }

    @Test
    void filtersNarrowTheListAndTheFeedLinksCarryThem() {
        desktop.open("/?q=" + seed.tag());
        desktop.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.change"), 4));

        new Select(desktop.find("select[name=topic]")).selectByValue("cryptography");
        desktop.find("form.filters button[type=submit]").click();
        desktop.await(ExpectedConditions.urlContains("topic=cryptography"));
        assertThat(titlesOfChanges(desktop)).containsExactly("《" + seed.published().title() + "》");
        assertThat(desktop.find("#feed-atom").getAttribute("href")).contains("/feeds/changes.atom?")
                .contains("topic=cryptography").contains("q=" + seed.tag());
        assertThat(desktop.find("#feed-json").getAttribute("href")).contains("/feeds/changes.json?")
                .contains("topic=cryptography");
        assertThat(desktop.find("#feed-ics").getAttribute("href")).contains("/feeds/deadlines.ics?");
        assertThat(new Select(desktop.find("select[name=topic]")).getFirstSelectedOption().getAttribute("value"))
                .as("the form shows the filter in force").isEqualTo("cryptography");
        desktop.screenshot("filtered-desktop-" + database());

        new Select(desktop.find("select[name=topic]")).selectByValue("");
        new Select(desktop.find("select[name=type]")).selectByValue("standard.deadline-changed");
        desktop.find("form.filters button[type=submit]").click();
        desktop.await(ExpectedConditions.urlContains("type=standard.deadline-changed"));
        assertThat(desktop.all("li.change")).singleElement()
                .satisfies(li -> assertThat(li.getText()).contains(DEADLINE_CHANGED, seed.draft().title()));
    }

    @Test
    void aStandardsPageShowsItsFactsItsWholeHistoryAndOnlyWebLinks() {
        desktop.open("/?q=" + seed.tag());
        desktop.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.change")));
        openPeriod(desktop, seed.draft()).findElement(By.cssSelector("a.title")).click();
        desktop.await(ExpectedConditions.textToBe(By.id("standard-title"), "《" + seed.draft().title() + "》"));

        String facts = desktop.find("table.facts").getText();
        assertThat(facts).contains("标准号 / Identifiers", seed.draft().key(), "阶段 / Stage",
                "征求意见稿 / draft for comment", "征求意见期 / Comment period", seed.draft().commentEnd().toString(),
                "主题 / Topics", "ai-safety");
        List<WebElement> history = desktop.all("ol.history li.change");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).getText()).as("oldest first").contains(OPEN_FOR_COMMENT);
        assertThat(history.get(1).getText()).contains(DEADLINE_CHANGED,
                seed.today().plusDays(3) + " → " + seed.draft().commentEnd());
        assertThat(desktop.all("ul.links a")).extracting(a -> a.getAttribute("href"))
                .contains(SampleChanges.SOURCE_URL, "https://www.tc260.org.cn/file/draft.pdf")
                .noneMatch(href -> href.startsWith("javascript:"));
        assertThat(desktop.find("body").getText()).as("a javascript: URL stays text")
                .contains("javascript:alert(document.domain)");
        desktop.screenshot("standard-desktop-" + database());

        phone.open(PageViews.standardHref(seed.draft().key()));
        phone.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.history")));
        assertThat(phone.overflowsSideways()).as("a standard's page fits a phone's width").isFalse();
        phone.screenshot("standard-phone-" + database());
    }

    @Test
    void scrapedMarkupIsShownAsTextAndNeverRuns() {
        desktop.open(PageViews.standardHref(seed.hostile().key()));
        desktop.await(ExpectedConditions.presenceOfElementLocated(By.id("standard-title")));
        assertThat(desktop.find("#standard-title").getText()).isEqualTo("《" + seed.hostile().title() + "》");
        assertThat(desktop.all("#standard-title b")).as("no element from the title").isEmpty();
        assertThat(desktop.driver().executeScript("return window.tc260xss === undefined;")).isEqualTo(true);
        assertThat(given().when().get(PageViews.standardHref(seed.hostile().key())).then().statusCode(200)
                .extract().asString()).contains("&lt;script&gt;window.tc260xss=1&lt;/script&gt;")
                .doesNotContain("<script>window.tc260xss");

        desktop.open("/?q=" + seed.tag());
        desktop.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.change")));
        assertThat(desktop.driver().executeScript("return window.tc260xss === undefined;")).isEqualTo(true);
    }

    @Test
    void theSubscribeFormAsksForConfirmationAndSaysNothingAboutTheAddress() {
        String email = "web-" + seed.tag() + "@example.org";
        phone.open("/");
        phone.find("#subscribe-form input[name=email]").sendKeys(email);
        phone.find("#subscribe-form input[name=topics][value=ai-safety]").click();
        phone.find("#subscribe-form textarea[name=keywords]").sendKeys("生成式\n大模型");
        phone.find("#subscribe-form button[type=submit]").click();
        phone.await(ExpectedConditions.attributeToBe(By.id("subscribe-result"), "class", "ok"));
        String answer = phone.find("#subscribe-result").getText();
        assertThat(answer).contains("确认链接已发出", "a confirmation link is on its way");
        phone.screenshot("subscribed-phone-" + database());

        await().atMost(PATIENCE).until(() -> Subscriptions.confirmLinks(email).size() == 1);
        Subscriptions.Stored stored = Subscriptions.stored(email);
        assertThat(stored.status()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(stored.filters().topics()).containsExactly("ai-safety");
        assertThat(stored.filters().keywords()).containsExactly("生成式", "大模型");

        // The same address again: the same words, whatever the service knows of it.
        phone.open("/");
        phone.find("#subscribe-form input[name=email]").sendKeys(email);
        phone.find("#subscribe-form button[type=submit]").click();
        phone.await(ExpectedConditions.attributeToBe(By.id("subscribe-result"), "class", "ok"));
        assertThat(phone.find("#subscribe-result").getText()).isEqualTo(answer);
    }

    @Test
    void anUnknownStandardIsA404PageAndEveryPageAllowsOnlyItsOwnOriginAndNoneIsInTheApiDocument() {
        given().when().get("/standards/GB/T%20" + seed.tag() + "9-1999").then().statusCode(404)
                .contentType("text/html")
                .header("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY);
        given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff");
        given().when().get("/?type=no-such-type").then().statusCode(400).contentType("text/html");
        assertThat(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths").keySet()).as("pages are not API")
                .contains("/api/changes").doesNotContain("/", "/standards/{key}");
        desktop.open("/standards/GB/T%20" + seed.tag() + "9-1999");
        assertThat(desktop.find("h1").getText()).isEqualTo("未找到该标准 / No such standard");
    }

    private static List<String> titlesOfChanges(Browser browser) {
        return browser.all("li.change .title").stream().map(WebElement::getText).toList();
    }

    private static WebElement openPeriod(Browser browser, StandardState s) {
        return browser.all("li.open-period").stream()
                .filter(li -> li.getText().contains(s.title()))
                .findFirst().orElseThrow(() -> new AssertionError("no open comment period for " + s.key()));
    }

    private static String database() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class);
    }

    /** Publishes the changes and the standards' current states, then waits until the pages show them. */
    private static Seed publish() {
        String tag = unique();
        LocalDate today = LocalDate.now(SHANGHAI);
        Instant now = Instant.now();
        StandardState draft = SampleChanges.state("GB/T " + tag + "1-2026", "网络安全技术 生成式人工智能服务安全要求 " + tag,
                Stage.COMMENT_DRAFT, today.minusDays(5), today.plusDays(10)).toBuilder()
                .attachments(List.of(new Attachment("征求意见稿", "draft.pdf", "https://www.tc260.org.cn/file/draft.pdf"),
                        new Attachment("编制说明", "explanation.pdf", "javascript:alert(document.domain)")))
                .build();
        StandardState published = SampleChanges.state("GB/T " + tag + "2-2026", "信息安全技术 SM9 标识密码算法 " + tag,
                Stage.PUBLISHED, null, null).toBuilder().kind(ItemKind.PUBLICATION_ANNOUNCEMENT)
                .published(today.minusDays(1)).attachments(List.of()).build();
        StandardState hostile = SampleChanges.state("TC260-TR-" + tag, "<script>window.tc260xss=1</script><b>粗体</b> "
                + "数据安全 " + tag, Stage.COMMENT_DRAFT, today.minusDays(1), today.plusDays(40));
        List<ChangeEvent> changes = List.of(
                change(ChangeType.STANDARD_ADDED, draft.toBuilder().commentEnd(today.plusDays(3)).build(),
                        now.minus(2, ChronoUnit.DAYS)),
                change(ChangeType.DEADLINE_CHANGED, draft, now.minus(1, ChronoUnit.DAYS),
                        new FieldChange("commentEnd", today.plusDays(3).toString(), draft.commentEnd().toString())),
                change(ChangeType.PUBLISHED, published, now.minus(2, ChronoUnit.HOURS),
                        new FieldChange("stage", "APPROVAL_DRAFT", "PUBLISHED")),
                change(ChangeType.STANDARD_ADDED, hostile, now.minus(1, ChronoUnit.HOURS)));
        changes.forEach(producer::send);
        List.of(draft, published, hostile).forEach(producer::sendState);
        await().atMost(PATIENCE).until(() -> given().when().get(PageViews.standardHref(hostile.key()))
                .statusCode() == 200 && given().queryParam("q", tag).when().get("/").then().extract().asString()
                .split("class=\"change\"", -1).length == changes.size() + 1);
        return new Seed(tag, draft, published, hostile, today);
    }

    private static ChangeEvent change(ChangeType type, StandardState state, Instant detected, FieldChange... fields) {
        return new ChangeEvent(SampleChanges.id(state.key() + "#" + type.wireName()), type, state.key(), state,
                List.of(fields), detected, List.of(SampleChanges.SOURCE_URL));
    }
}
