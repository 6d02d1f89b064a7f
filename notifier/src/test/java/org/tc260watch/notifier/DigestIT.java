package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.Filters;
import org.tc260watch.notifier.subscription.MailLanguage;
import org.tc260watch.notifier.testing.ActiveSubscriptions;
import org.tc260watch.notifier.testing.Admin;
import org.tc260watch.notifier.testing.ChangeTopicBase;
import org.tc260watch.notifier.testing.Deliveries;
import org.tc260watch.notifier.testing.GreenMailResource;
import org.tc260watch.notifier.testing.MailParts;
import org.tc260watch.notifier.testing.Metrics;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.SmtpProfile;

/** Daily and weekly digests, made on request (POST /admin/digests/run) rather than at 08:00. */
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class DigestIT extends ChangeTopicBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void dailyAndWeeklySubscribersGetOneDigestPerPeriodGroupedWithTheClosingSoonSection() throws Exception {
        String tag = unique();
        String daily = "daily-" + tag + "@example.org";
        String weekly = "weekly-" + tag + "@example.org";
        String instant = "instant-" + tag + "@example.org";
        // Digest subscribers filtered on this test's standards (the keyword), so the digests hold exactly them.
        Filters mine = new Filters(List.of("摘要" + tag), null, null, null, null, null);
        ActiveSubscriptions.create(daily, mine, DeliveryMode.DAILY, MailLanguage.BOTH);
        ActiveSubscriptions.create(weekly, mine, DeliveryMode.WEEKLY, MailLanguage.EN);
        ActiveSubscriptions.create(instant, mine);

        ChangeEvent added = SampleChanges.of(ChangeType.STANDARD_ADDED, "GB/T " + tag + "1-2026",
                "数据安全技术 摘要" + tag + " 新草案", ItemKind.COMMENT_DRAFT_NOTICE, Stage.COMMENT_DRAFT,
                List.of("GB/T " + tag + "1-2026"), TODAY.plusDays(40));
        // Open for comment and closing in 3 days: in the closing-soon section.
        ChangeEvent closing = SampleChanges.of(ChangeType.STANDARD_ADDED, "GB/T " + tag + "2-2026",
                "数据安全技术 摘要" + tag + " 即将截止", ItemKind.COMMENT_DRAFT_NOTICE, Stage.COMMENT_DRAFT,
                List.of("GB/T " + tag + "2-2026"), TODAY.plusDays(3));
        ChangeEvent moved = SampleChanges.of(ChangeType.DEADLINE_CHANGED, "GB/T " + tag + "1-2026",
                "数据安全技术 摘要" + tag + " 新草案", ItemKind.COMMENT_DRAFT_NOTICE, Stage.COMMENT_DRAFT,
                List.of("GB/T " + tag + "1-2026"), TODAY.plusDays(50),
                new FieldChange("commentEnd", TODAY.plusDays(40).toString(), TODAY.plusDays(50).toString()));
        ChangeEvent published = SampleChanges.of(ChangeType.PUBLISHED, "GB/T " + tag + "3-2026",
                "数据安全技术 摘要" + tag + " 已发布", ItemKind.PUBLICATION_ANNOUNCEMENT, Stage.PUBLISHED,
                List.of("GB/T " + tag + "3-2026"), null, new FieldChange("stage", "APPROVAL_DRAFT", "PUBLISHED"));
        List<ChangeEvent> changes = List.of(added, closing, moved, published);
        changes.forEach(producer::send);

        // Instant subscribers hear at once; digest subscribers wait for their run.
        await().atMost(PATIENCE).until(() -> GreenMailResource.mailsTo(instant).size() == 4);
        await().atMost(PATIENCE).until(() -> changes.stream().allMatch(c -> Deliveries.of(c.id(), daily).size() == 1
                && Deliveries.of(c.id(), weekly).size() == 1));
        assertThat(GreenMailResource.mailsTo(daily)).isEmpty();
        assertThat(Deliveries.of(added.id(), daily)).extracting(Deliveries.Row::status)
                .containsExactly(DeliveryStatus.PENDING);

        assertThat(Admin.runDigests("DAILY")).isGreaterThanOrEqualTo(1);
        await().atMost(PATIENCE).until(() -> GreenMailResource.mailsTo(daily).size() == 1);
        MimeMessage digest = GreenMailResource.mailsTo(daily).get(0);
        assertThat(digest.getSubject()).isEqualTo("[TC260] 每日摘要 / Daily digest " + TODAY + ": 4 项变更 / 4 changes");
        String text = MailParts.text(digest);
        // Grouped by change type, in a fixed order; then the closing-soon section.
        assertThat(text).containsSubsequence("== 新增 / New (2) ==", "== 已发布 / Published (1) ==",
                "== 截止日期变更 / Deadline changed (1) ==", "== 征求意见即将截止 / Open for comment, closing soon ==");
        assertThat(section(text, "== 新增 / New (2) ==")).contains("《数据安全技术 摘要" + tag + " 新草案》",
                "《数据安全技术 摘要" + tag + " 即将截止》").doesNotContain("已发布》");
        assertThat(section(text, "== 已发布 / Published (1) ==")).contains("《数据安全技术 摘要" + tag + " 已发布》",
                "  英文部分释读（据词汇表，非翻译） / Partial English rendering (glossary, not a translation): "
                        + "Data security technology — 摘要 " + tag + " 已发布",
                "阶段 / Stage: 报批稿 / draft for approval → 已发布 / published");
        assertThat(section(text, "== 截止日期变更 / Deadline changed (1) ==")).contains(
                "  - 截止日期 / Deadline: " + TODAY.plusDays(40) + " → " + TODAY.plusDays(50));
        assertThat(section(text, "== 征求意见即将截止 / Open for comment, closing soon ==")).contains(
                "《数据安全技术 摘要" + tag + " 即将截止》",
                "截止日期 / Deadline: " + TODAY.plusDays(3) + " (还剩 3 天 / 3 days left)").doesNotContain("新草案");
        assertThat(MailParts.html(digest)).contains("<h2 style=\"font-size: 1.1em; border-bottom: 1px solid #ddd;\">"
                + "征求意见即将截止 / Open for comment, closing soon</h2>");
        assertThat(MailParts.header(digest, "List-Unsubscribe")).startsWith("<http://localhost:8080/subscriptions/unsubscribe");
        assertThat(digest.getMessageID()).isEqualTo("<digest.daily." + TODAY + "." + Deliveries.subscriptionId(daily)
                + "@localhost>");
        await().atMost(PATIENCE).until(() -> changes.stream().allMatch(c -> Deliveries.of(c.id(), daily).get(0)
                .status() == DeliveryStatus.SENT));

        // The weekly subscriber is not in the daily run.
        assertThat(GreenMailResource.mailsTo(weekly)).isEmpty();
        assertThat(Admin.runDigests("WEEKLY")).isGreaterThanOrEqualTo(1);
        await().atMost(PATIENCE).until(() -> GreenMailResource.mailsTo(weekly).size() == 1);
        MimeMessage weeklyDigest = GreenMailResource.mailsTo(weekly).get(0);
        assertThat(weeklyDigest.getSubject()).startsWith("[TC260] Weekly digest ").endsWith(": 4 changes");
        assertThat(MailParts.text(weeklyDigest)).contains("== New (2) ==", "== Open for comment, closing soon ==",
                "(3 days left)", "  Partial English rendering (glossary, not a translation): Data security technology — "
                        + "摘要 " + tag + " 即将截止");

        // Counted: the runs, the digests made and sent, and each digest's four changes in the change-to-mail time.
        await().atMost(PATIENCE).untilAsserted(() -> {
            Metrics metrics = Metrics.scrape();
            assertThat(metrics.sum("tc260_digest_runs_total", "period", "DAILY")).isGreaterThanOrEqualTo(1);
            assertThat(metrics.sum("tc260_digests_created_total", "period", "WEEKLY")).isGreaterThanOrEqualTo(1);
            assertThat(metrics.sum("tc260_mails_sent_total", "kind", "digest")).isGreaterThanOrEqualTo(2);
            assertThat(metrics.sum("tc260_change_to_mail_seconds_count", "kind", "digest")).isGreaterThanOrEqualTo(8);
        });

        // A run again the same day makes nothing: one digest per period, sent once.
        assertThat(Admin.runDigests("DAILY")).isZero();
        assertThat(Admin.runDigests("WEEKLY")).isZero();
        assertThat(GreenMailResource.mailsTo(daily)).hasSize(1);
        assertThat(GreenMailResource.mailsTo(weekly)).hasSize(1);
    }

    @Test
    void changesStoredAfterTheRunWaitForTheNextPeriod() {
        String tag = unique();
        String daily = "later-" + tag + "@example.org";
        ActiveSubscriptions.create(daily, new Filters(List.of("后来" + tag), null, null, null, null, null),
                DeliveryMode.DAILY, MailLanguage.BOTH);
        ChangeEvent first = SampleChanges.added(SampleChanges.id(tag + "#first"), "GB/T " + tag + "-2026",
                "数据安全技术 后来" + tag + " 一");
        producer.send(first);
        await().atMost(PATIENCE).until(() -> Deliveries.of(first.id(), daily).size() == 1);
        Admin.runDigests("DAILY");
        await().atMost(PATIENCE).until(() -> GreenMailResource.mailsTo(daily).size() == 1);

        ChangeEvent second = SampleChanges.added(SampleChanges.id(tag + "#second"), "GB/T " + tag + "-2026",
                "数据安全技术 后来" + tag + " 二");
        producer.send(second);
        await().atMost(PATIENCE).until(() -> Deliveries.of(second.id(), daily).size() == 1);
        assertThat(Admin.runDigests("DAILY")).as("today's digest was sent already").isZero();
        assertThat(Deliveries.of(second.id(), daily)).extracting(Deliveries.Row::status)
                .containsExactly(DeliveryStatus.PENDING);
        assertThat(GreenMailResource.mailsTo(daily)).hasSize(1);
    }

    @Test
    void theDigestTriggerIsAnAdminEndpoint() {
        given().queryParam("period", "DAILY").when().post("/admin/digests/run").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"tc260-watch notifier\"");
        given().header("Authorization", "Bearer wrong").queryParam("period", "DAILY").when()
                .post("/admin/digests/run").then().statusCode(401).body("error", equalTo("wrong admin token"));
        Admin.request().queryParam("period", "INSTANT").when().post("/admin/digests/run").then().statusCode(400)
                .body("error", equalTo("period must be DAILY or WEEKLY, got 'INSTANT'"));
    }

    /** The text from a heading to the next "== " heading (or the signature). */
    private static String section(String text, String heading) {
        int start = text.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int next = text.indexOf("\n== ", start + heading.length());
        int end = next < 0 ? text.indexOf("\n-- \n", start) : next;
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
