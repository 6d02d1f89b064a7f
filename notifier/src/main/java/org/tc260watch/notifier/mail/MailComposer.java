package org.tc260watch.notifier.mail;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.delivery.OutgoingMail;
import org.tc260watch.notifier.label.Glossary;
import org.tc260watch.notifier.matching.TopicTagger;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.MailLanguage;
import org.tc260watch.notifier.subscription.Subscription;
import org.tc260watch.notifier.subscription.SubscriptionLinks;

/**
 * Turns changes into the mails one subscriber receives: text and HTML bodies from the Qute templates, the subject,
 * and the headers every alert carries: a {@code Message-ID} that is the same for every attempt of one delivery (so a
 * mail client drops a copy sent again after a crash), and one-click unsubscribe (RFC 8058).
 */
@Singleton
public class MailComposer {

    private final SubscriptionLinks links;
    private final TopicTagger tagger;
    private final Glossary glossary;
    private final ZoneId zone;
    private final String messageIdDomain;
    /**
     * The views of the change last described for an alert, per language: a fan-out composes thousands of alerts of one
     * change, and describing it (glossary, tags, dates) is the same for all. Views are read-only once made.
     */
    private volatile Described lastDescribed;

    private record Described(ChangeEvent change, Map<MailLanguage, ChangeView> views) {
    }

    public MailComposer(SubscriptionLinks links, TopicTagger tagger, Glossary glossary, NotifierConfig config) {
        this.links = links;
        this.tagger = tagger;
        this.glossary = glossary;
        this.zone = config.digest().zone();
        this.messageIdDomain = domainOf(config.mail().from());
    }

    /** What the mail needs of a subscription, with its signed links; call while the subscription is loaded. */
    public Recipient recipient(Subscription s) {
        return new Recipient(s.id, s.email, s.language, links.manage(s).toString(), links.unsubscribe(s).toString());
    }

    /** The alert about one change. */
    public OutgoingMail alert(String reference, ChangeEvent change, Recipient to) {
        Words words = Words.of(to.language());
        String subject = ChangeDescriber.subject(change, words);
        AlertMail mail = new AlertMail(subject, described(change, to.language(), words), words, to.manageUrl(), to.unsubscribeUrl());
        return new OutgoingMail(reference, to.email(), subject, MailTemplates.alertText(mail).render(),
                MailTemplates.alertHtml(mail).render(),
                headers(messageId("alert." + change.id() + "." + to.subscriptionId()), to));
    }

    /**
     * One digest.
     *
     * @param changes     the changes it covers, in the order they were stored
     * @param closingSoon standards open for comment whose period ends soon, already filtered for the subscriber
     * @param asOf        the day the days left are counted from
     */
    public OutgoingMail digest(String reference, DeliveryMode period, LocalDate runDate, List<ChangeEvent> changes,
            List<StandardState> closingSoon, LocalDate asOf, Recipient to) {
        Words words = Words.of(to.language());
        Map<ChangeType, List<ChangeView>> byType = new EnumMap<>(ChangeType.class);
        for (ChangeEvent change : changes) {
            byType.computeIfAbsent(change.type(), t -> new ArrayList<>()).add(describe(change, words));
        }
        List<DigestMail.Section> sections = new ArrayList<>();
        byType.forEach((type, views) -> sections.add(new DigestMail.Section(
                words.type(type) + " (" + views.size() + ")", List.copyOf(views))));
        List<DigestMail.Closing> closing = closingSoon.stream()
                .sorted(Comparator.comparing(StandardState::commentEnd))
                .map(s -> closing(s, asOf, words)).toList();
        String heading = words.digest(period) + " " + runDate;
        String subject = ChangeDescriber.SUBJECT_PREFIX + heading + ": " + words.changes(changes.size());
        DigestMail mail = new DigestMail(subject, heading, List.copyOf(sections), closing, words, to.manageUrl(),
                to.unsubscribeUrl());
        return new OutgoingMail(reference, to.email(), subject, MailTemplates.digestText(mail).render(),
                MailTemplates.digestHtml(mail).render(),
                headers(messageId("digest." + period.name().toLowerCase(java.util.Locale.ROOT) + "." + runDate + "."
                        + to.subscriptionId()), to));
    }

    private ChangeView described(ChangeEvent change, MailLanguage language, Words words) {
        Described last = lastDescribed;
        // The same event object: one parse of one stored change (DeliveryOutbox keeps it for the fan-out).
        if (last == null || last.change() != change) {
            last = new Described(change, new ConcurrentHashMap<>());
            lastDescribed = last;
        }
        return last.views().computeIfAbsent(language, l -> describe(change, words));
    }

    private ChangeView describe(ChangeEvent change, Words words) {
        return ChangeDescriber.view(change, words, tagger.tags(change.state()), glossary, zone);
    }

    private DigestMail.Closing closing(StandardState s, LocalDate asOf, Words words) {
        long days = ChronoUnit.DAYS.between(asOf, s.commentEnd());
        String plain = s.title() == null || s.title().isBlank() ? s.key() : s.title().strip();
        String ids = String.join(", ", s.ids());
        return new DigestMail.Closing(ChangeDescriber.bracketed(plain), ChangeDescriber.english(plain, words, glossary),
                ids, s.commentEnd() + " (" + words.daysLeft(days) + ")",
                s.sourceUrls().stream().map(u -> new Link(u, u)).toList());
    }

    private static Map<String, String> headers(String messageId, Recipient to) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", messageId);
        headers.put("List-Unsubscribe", "<" + to.unsubscribeUrl() + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        return headers;
    }

    /** {@code <alert.CHANGE.SUBSCRIPTION@domain>}: derived from what is sent, never from a counter or the clock. */
    private String messageId(String local) {
        return "<" + local.replaceAll("[^A-Za-z0-9._-]", "-") + "@" + messageIdDomain + ">";
    }

    private static String domainOf(String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "" : from.substring(at + 1).replace(">", "").strip();
        return domain.isEmpty() ? "tc260-watch.localhost" : domain;
    }
}
