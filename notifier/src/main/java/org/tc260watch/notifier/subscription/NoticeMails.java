package org.tc260watch.notifier.subscription;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.mail.ChangeDescriber;
import org.tc260watch.notifier.delivery.OutgoingMail;

/** Writes the mails about a subscription itself, in the subscriber's language, as text with an HTML alternative. */
@ApplicationScoped
public class NoticeMails {

    /**
     * What a notice says; the templates in {@code templates/notice/} lay it out.
     *
     * @param confirm     the confirmation link (CONFIRM only)
     * @param validFor    how long the confirmation link works, in the reader's words
     * @param manage      the settings page (ALREADY_SUBSCRIBED only)
     * @param unsubscribe the unsubscribe page (ALREADY_SUBSCRIBED only)
     */
    public record Notice(String email, boolean zh, boolean en, URI confirm, Duration validFor, URI manage,
            URI unsubscribe) {

        public String validForZh() {
            return validFor.toHours() >= 1 ? validFor.toHours() + " 小时" : Math.max(1, validFor.toMinutes()) + " 分钟";
        }

        public String validForEn() {
            return validFor.toHours() >= 1 ? validFor.toHours() + " hours" : Math.max(1, validFor.toMinutes()) + " minutes";
        }
    }

    @CheckedTemplate(basePath = "notice", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance confirmText(Notice notice);

        static native TemplateInstance confirmHtml(Notice notice);

        static native TemplateInstance alreadyText(Notice notice);

        static native TemplateInstance alreadyHtml(Notice notice);
    }

    private final SubscriptionLinks links;
    private final NotifierConfig config;

    public NoticeMails(SubscriptionLinks links, NotifierConfig config) {
        this.links = links;
        this.config = config;
    }

    public OutgoingMail render(SubscriptionNotice notice) {
        Subscription s = notice.subscription;
        boolean zh = s.language != MailLanguage.EN;
        boolean en = s.language != MailLanguage.ZH;
        String reference = "notice-" + notice.id;
        return switch (notice.kind) {
            case CONFIRM -> {
                Notice n = new Notice(s.email, zh, en, links.confirm(s), config.tokens().confirmTtl(), null, null);
                yield new OutgoingMail(reference, s.email, subject(zh, en, "请确认订阅", "Please confirm your subscription"),
                        Templates.confirmText(n).render(), Templates.confirmHtml(n).render(), Map.of());
            }
            case ALREADY_SUBSCRIBED -> {
                URI unsubscribe = links.unsubscribe(s);
                Notice n = new Notice(s.email, zh, en, null, null, links.manage(s), unsubscribe);
                // The address is subscribed: this mail, like every alert, offers the one-click unsubscribe (RFC 8058).
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
                headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                yield new OutgoingMail(reference, s.email, subject(zh, en, "您已订阅", "You are already subscribed"),
                        Templates.alreadyText(n).render(), Templates.alreadyHtml(n).render(), headers);
            }
        };
    }

    private static String subject(boolean zh, boolean en, String chinese, String english) {
        return ChangeDescriber.SUBJECT_PREFIX + (zh && en ? chinese + " " + english : zh ? chinese : english);
    }
}
