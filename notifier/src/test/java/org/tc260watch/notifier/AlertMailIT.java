package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.tc260watch.notifier.testing.ChangeTopicBase;
import org.tc260watch.notifier.testing.Deliveries;
import org.tc260watch.notifier.testing.GreenMailResource;
import org.tc260watch.notifier.testing.MailParts;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.SmtpProfile;

/** Instant alerts: who gets which change (filters), what the mail looks like, and an SMTP outage. */
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class AlertMailIT extends ChangeTopicBase {


    @Test
    void everyKindOfFilterLetsTheMatchingChangeThroughAndStopsTheOther() {
        String tag = unique();
        // A: a new AI-safety draft for comment, TC260-PG number, keyword 智能体<tag>.
        ChangeEvent a = SampleChanges.of(ChangeType.STANDARD_ADDED, "TC260-PG-" + tag + "A",
                "网络安全技术 智能体" + tag + "服务安全要求", ItemKind.COMMENT_DRAFT_NOTICE, Stage.COMMENT_DRAFT,
                List.of("TC260-PG-" + tag + "A"), LocalDate.of(2027, 1, 31));
        // B: a published cryptography standard, GB/T number.
        ChangeEvent b = SampleChanges.of(ChangeType.PUBLISHED, "GB/T " + tag + "-2026",
                "信息安全技术 SM9 标识密码算法 " + tag, ItemKind.PUBLICATION_ANNOUNCEMENT, Stage.PUBLISHED,
                List.of("GB/T " + tag + "-2026"), null, new FieldChange("stage", "APPROVAL_DRAFT", "PUBLISHED"));
        Map<String, Filters> subscribers = Map.of(
                "keyword-" + tag + "@example.org", new Filters(List.of("智能体" + tag), null, null, null, null, null),
                "topic-" + tag + "@example.org", new Filters(null, List.of("cryptography"), null, null, null, null),
                "kind-" + tag + "@example.org", new Filters(null, null, List.of("COMMENT_DRAFT_NOTICE"), null, null,
                        null),
                "stage-" + tag + "@example.org", new Filters(null, null, null, List.of("PUBLISHED"), null, null),
                "prefix-" + tag + "@example.org", new Filters(null, null, null, null, List.of("gb/t" + tag), null),
                "type-" + tag + "@example.org", new Filters(null, null, null, null, null, List.of("standard.added")));
        // Which of the two each one must get.
        Map<String, ChangeEvent> wants = Map.of(
                "keyword-" + tag + "@example.org", a, "topic-" + tag + "@example.org", b,
                "kind-" + tag + "@example.org", a, "stage-" + tag + "@example.org", b,
                "prefix-" + tag + "@example.org", b, "type-" + tag + "@example.org", a);
        subscribers.forEach(ActiveSubscriptions::create);
        String everything = "all-" + tag + "@example.org";
        ActiveSubscriptions.create(everything);

        producer.send(a);
        producer.send(b);
        await().atMost(PATIENCE).until(() -> mailsAbout(everything, tag).size() == 2
                && wants.entrySet().stream().allMatch(w -> mailsAbout(w.getKey(), tag).size() == 1));

        wants.forEach((email, wanted) -> {
            ChangeEvent other = wanted == a ? b : a;
            assertThat(mailsAbout(email, tag)).as(email).hasSize(1);
            assertThat(MailParts.subject(mailsAbout(email, tag).get(0))).as(email).contains(wanted.state().title());
            assertThat(Deliveries.of(wanted.id(), email)).as(email).extracting(Deliveries.Row::status)
                    .containsExactly(DeliveryStatus.SENT);
            assertThat(Deliveries.of(other.id(), email)).as(email + " has no row for the other change").isEmpty();
        });
    }

    @Test
    void scrapedMarkupIsEscapedInHtmlAndKeptAsTextInPlainText() throws Exception {
        String tag = unique();
        String reader = "xss-" + tag + "@example.org";
        String subscriptionId = ActiveSubscriptions.create(reader);
        String title = "<script>alert(1)</script>《<b>x</b>》" + tag;
        ChangeEvent change = SampleChanges.of(ChangeType.STANDARD_ADDED, "GB/T " + tag + "-2026", title,
                ItemKind.COMMENT_DRAFT_NOTICE, Stage.COMMENT_DRAFT, List.of("GB/T " + tag + "-2026"),
                LocalDate.of(2027, 2, 28));
        producer.send(change);
        await().atMost(PATIENCE).until(() -> GreenMailResource.mailsTo(reader).size() == 1);

        MimeMessage mail = GreenMailResource.mailsTo(reader).get(0);
        String html = MailParts.html(mail);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;《&lt;b&gt;x&lt;/b&gt;》" + tag)
                .doesNotContain("<script>").doesNotContain("<b>x</b>");
        assertThat(MailParts.text(mail)).contains("《" + title + "》");
        // The JSON API gives the title as it was scraped, as JSON that no browser renders as a page.
        given().when().get("/api/changes/" + change.id()).then().statusCode(200)
                .contentType(ContentType.JSON).body("state.title", equalTo(title));
        assertThat(mail.getSubject()).isEqualTo("[TC260] 征求意见 / Open for comment: 《" + title
                + "》 — until 2027-02-28");

        // Headers of every alert: one-click unsubscribe, and a Message-ID that names the delivery.
        assertThat(MailParts.header(mail, "List-Unsubscribe"))
                .matches("<http://localhost:8080/subscriptions/unsubscribe\\?token=[A-Za-z0-9_.-]+>");
        assertThat(MailParts.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getMessageID()).isEqualTo("<alert." + change.id() + "." + subscriptionId + "@localhost>");
        assertThat(html).contains("href=\"http://localhost:8080/subscriptions/manage?token=",
                "<a href=\"" + SampleChanges.SOURCE_URL + "\">");
    }

    @Test
    void labelsFollowTheSubscribersLanguage() {
        String tag = unique();
        String zh = "zh-" + tag + "@example.org";
        String en = "en-" + tag + "@example.org";
        ActiveSubscriptions.create(zh, Filters.NONE, DeliveryMode.INSTANT, MailLanguage.ZH);
        ActiveSubscriptions.create(en, Filters.NONE, DeliveryMode.INSTANT, MailLanguage.EN);
        String title = "数据安全技术 语言测试 " + tag;
        producer.send(SampleChanges.deadlineMoved(SampleChanges.id(tag + "#lang"), "GB/T " + tag + "-2026", title));
        await().atMost(PATIENCE).until(() -> mailsAbout(zh, tag).size() == 1 && mailsAbout(en, tag).size() == 1);

        MimeMessage chinese = mailsAbout(zh, tag).get(0);
        assertThat(MailParts.subject(chinese)).isEqualTo("[TC260] 截止日期变更: 《" + title + "》 — 2026-04-12 → 2026-04-30");
        assertThat(MailParts.text(chinese)).contains("阶段: 征求意见稿", "  - 截止日期: 2026-04-12 → 2026-04-30", "退订: ")
                .doesNotContain("Deadline").doesNotContain("英文部分释读");
        MimeMessage english = mailsAbout(en, tag).get(0);
        assertThat(MailParts.subject(english)).isEqualTo("[TC260] Deadline changed: 《" + title
                + "》 — 2026-04-12 → 2026-04-30");
        assertThat(MailParts.text(english)).contains("Stage: draft for comment", "  - Deadline: 2026-04-12 → 2026-04-30",
                "Unsubscribe: ").doesNotContain("截止日期");
        // The title in Chinese, and under it the glossary's rendering, marked as what it is.
        assertThat(MailParts.text(english)).contains("《" + title + "》\nPartial English rendering (glossary, not a "
                + "translation): Data security technology — 语言测试 " + tag + "\n");
        assertThat(MailParts.html(english)).contains("<em>Partial English rendering (glossary, not a translation):</em> "
                + "Data security technology — 语言测试 " + tag);
    }

    @Test
    void anSmtpOutageDelaysButNeitherLosesNorDoublesAMail() {
        String tag = unique();
        List<String> readers = List.of("o1-" + tag + "@example.org", "o2-" + tag + "@example.org",
                "o3-" + tag + "@example.org");
        readers.forEach(ActiveSubscriptions::create);
        List<ChangeEvent> changes = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            changes.add(SampleChanges.added(SampleChanges.id(tag + "#outage#" + i), "GB/T " + tag + i + "-2026",
                    "数据安全技术 中断测试 " + tag + "-" + i));
        }

        GreenMailResource.stopServer();
        try {
            changes.forEach(producer::send);
            await().atMost(PATIENCE).until(() -> changes.stream().allMatch(c -> readers.stream()
                    .allMatch(r -> Deliveries.of(c.id(), r).stream().anyMatch(d -> d.attempts() >= 2))));
            // Neither sent nor given up while the server is away; a row may be SENDING (several mails are in flight).
            for (ChangeEvent c : changes) {
                for (String r : readers) {
                    assertThat(Deliveries.of(c.id(), r)).extracting(Deliveries.Row::status)
                            .singleElement().isIn(DeliveryStatus.PENDING, DeliveryStatus.SENDING);
                }
            }
        } finally {
            GreenMailResource.startServer();
        }

        await().atMost(PATIENCE).until(() -> readers.stream().allMatch(r -> mailsAbout(r, tag).size() == 4));
        await().atMost(PATIENCE).until(() -> changes.stream().allMatch(c -> readers.stream()
                .allMatch(r -> Deliveries.of(c.id(), r).get(0).status() == DeliveryStatus.SENT)));
        for (String reader : readers) {
            List<MimeMessage> mails = mailsAbout(reader, tag);
            assertThat(mails).hasSize(4);
            Set<String> subjects = new HashSet<>();
            mails.forEach(m -> subjects.add(MailParts.subject(m)));
            assertThat(subjects).as("each change once").hasSize(4);
        }
    }

    private static List<MimeMessage> mailsAbout(String address, String text) {
        return GreenMailResource.mailsTo(address).stream().filter(m -> MailParts.subject(m).contains(text)).toList();
    }
}
