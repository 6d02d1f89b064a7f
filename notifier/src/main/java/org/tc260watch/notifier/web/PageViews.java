package org.tc260watch.notifier.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.label.Glossary;
import org.tc260watch.notifier.label.Labels;
import org.tc260watch.notifier.mail.ChangeDescriber;
import org.tc260watch.notifier.mail.ChangeView;
import org.tc260watch.notifier.mail.Fact;
import org.tc260watch.notifier.mail.Link;
import org.tc260watch.notifier.mail.Words;
import org.tc260watch.notifier.subscription.MailLanguage;

/**
 * What the web pages show of changes and standards, with Chinese and English labels ({@code 截止日期 / Deadline}, the
 * mails' words). Pure: no database, no templates. Scraped text passes through as it is; the templates escape it.
 */
public final class PageViews {

    /** The pages always show both languages. */
    public static final Words WORDS = Words.of(MailLanguage.BOTH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * One change in a list: what the mails say of it ({@link ChangeView}: heading, title, facts, changed fields) and
     * its standard's page.
     *
     * @param type the change type's wire name
     * @param href the standard's page; null for a change about a source of the site
     */
    public record ChangeRow(ChangeView view, String type, String href) {
    }

    /**
     * A comment period still open.
     *
     * @param soon the deadline is within the digests' closing-soon days
     */
    public record OpenPeriod(String title, String english, String identifiers, String href, LocalDate deadline,
            String daysLeft, boolean soon) {
    }

    /** A standard's page: its facts now, every change it went through (oldest first), its pages and files. */
    public record StandardView(String title, String english, String key, List<Fact> facts, List<ChangeRow> history,
            List<Link> pages, List<Link> documents) {
    }

    private PageViews() {
    }

    public static ChangeRow row(ChangeEvent change, List<String> tags, Glossary glossary, ZoneId zone) {
        String key = change.state() != null && change.state().key() != null ? change.state().key()
                : change.standardKey();
        String href = change.type().aboutSource() || key == null ? null : standardHref(key);
        return new ChangeRow(ChangeDescriber.view(change, WORDS, tags, glossary, zone), change.type().wireName(), href);
    }

    /** @param soonDays deadlines within this many days are marked (the digests' closing-soon days) */
    public static OpenPeriod open(StandardState s, LocalDate today, int soonDays, Glossary glossary) {
        long days = ChronoUnit.DAYS.between(today, s.commentEnd());
        return new OpenPeriod(title(s), english(s, glossary), String.join(", ", s.ids()), standardHref(s.key()), s.commentEnd(),
                WORDS.daysLeft(days), days <= soonDays);
    }

    /** @param history the standard's changes, oldest first ({@link #row}) */
    public static StandardView standard(StandardState s, List<String> tags, List<ChangeRow> history,
            Glossary glossary, ZoneId zone) {
        List<Fact> facts = new ArrayList<>();
        if (!s.ids().isEmpty()) {
            facts.add(new Fact(WORDS.identifiers(), String.join(", ", s.ids())));
        }
        facts.add(new Fact(WORDS.field("key"), s.key()));
        if (!s.previousKeys().isEmpty()) {
            facts.add(new Fact(WORDS.pick("曾用标识", "Former keys"), String.join(", ", s.previousKeys())));
        }
        if (s.kind() != null) {
            facts.add(new Fact(WORDS.field("kind"), kind(s.kind())));
        }
        if (s.stage() != null) {
            facts.add(new Fact(WORDS.stage(), WORDS.stage(s.stage())));
        }
        facts.addAll(ChangeDescriber.dates(s, WORDS));
        if (s.commentClosed() != null) {
            facts.add(new Fact(WORDS.field("commentClosed"), s.commentClosed().toString()));
        }
        if (!tags.isEmpty()) {
            facts.add(new Fact(WORDS.topics(), String.join(", ", tags)));
        }
        List<String> formerTitles = s.titles().stream().filter(t -> !t.equals(s.title())).toList();
        if (!formerTitles.isEmpty()) {
            facts.add(new Fact(WORDS.pick("曾用名称", "Former titles"), formerTitles.stream()
                    .map(ChangeDescriber::bracketed).collect(Collectors.joining(", "))));
        }
        if (s.firstSeen() != null) {
            facts.add(new Fact(WORDS.pick("首次发现", "First seen"), DAY_TIME.format(s.firstSeen().atZone(zone))));
        }
        if (s.lastSeen() != null) {
            facts.add(new Fact(WORDS.pick("最近发现", "Last seen"), DAY_TIME.format(s.lastSeen().atZone(zone))));
        }
        return new StandardView(title(s), english(s, glossary), s.key(), List.copyOf(facts), List.copyOf(history),
                s.sourceUrls().stream().map(u -> new Link(u, u)).toList(), ChangeDescriber.documents(s));
    }

    /** What the site's items about a standard are. */
    public static String kind(ItemKind kind) {
        return Labels.kind(kind).both();
    }

    /** The glossary's partial English rendering of the title (null when there is no Chinese to render). */
    private static String english(StandardState s, Glossary glossary) {
        return ChangeDescriber.english(s.title(), WORDS, glossary);
    }

    /**
     * The page of the standard with this key (current or former): {@code /standards/GB/T%2035273-2020}. The slashes of
     * a key stay path separators (the page's path takes the rest of the path); everything else is percent-encoded.
     */
    public static String standardHref(String key) {
        return "/standards/" + Arrays.stream(key.split("/", -1))
                .map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    private static String title(StandardState s) {
        return ChangeDescriber.bracketed(s.title() == null || s.title().isBlank() ? s.key() : s.title().strip());
    }
}
