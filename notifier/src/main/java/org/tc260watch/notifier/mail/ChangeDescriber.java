package org.tc260watch.notifier.mail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.label.Glossary;
import org.tc260watch.notifier.subscription.MailLanguage;

/**
 * Says what a change is, in words: the subject line, the heading and the facts of a mail. Pure (no templates, no
 * database), so every wording is tested without a running service. Scraped text is passed through as it is; escaping
 * it is the HTML template's business.
 */
public final class ChangeDescriber {

    public static final String SUBJECT_PREFIX = "[TC260] ";
    /** Titles longer than this (code points, 《》 included) are shortened with … in subjects. */
    static final int SUBJECT_TITLE_LENGTH = 60;
    private static final String NONE = "—";
    /** Line breaks and other control characters of scraped text, with the spaces around them. */
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\p{Cntrl}\\u2028\\u2029]+\\s*");
    private static final DateTimeFormatter DETECTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ChangeDescriber() {
    }

    /**
     * {@code [TC260] 征求意见 / Open for comment: 《…》 — until 2026-10-25}: what happened, the title, and the one fact that
     * matters most for that kind of change.
     */
    public static String subject(ChangeEvent event, Words words) {
        StringBuilder subject = new StringBuilder(SUBJECT_PREFIX).append(heading(event, words)).append(": ")
                .append(shortened(bracketed(title(event, words))));
        StandardState state = event.state();
        switch (event.type()) {
            case STANDARD_ADDED -> {
                if (openForComment(event)) {
                    until(state.commentEnd(), words).ifPresent(subject::append);
                } else {
                    primaryId(event).ifPresent(id -> subject.append(' ').append(id));
                }
            }
            case PUBLISHED -> primaryId(event).ifPresent(id -> subject.append(' ').append(id));
            case STAGE_CHANGED -> {
                if (state != null && state.stage() != null) {
                    subject.append(" — ").append(words.stage(state.stage()));
                }
            }
            case DEADLINE_CHANGED -> {
                Optional<FieldChange> moved = event.changes().stream()
                        .filter(c -> "commentEnd".equals(c.field()) || "deadline".equals(c.field())).findFirst();
                if (moved.isPresent() && moved.get().from() != null && moved.get().to() != null) {
                    subject.append(" — ").append(moved.get().from()).append(" → ").append(moved.get().to());
                } else if (state != null) {
                    until(state.commentEnd(), words).ifPresent(subject::append);
                }
            }
            case COMMENT_PERIOD_CLOSING -> {
                if (state != null) {
                    until(state.commentEnd(), words).ifPresent(subject::append);
                }
            }
            default -> {
            }
        }
        // One line, whatever the site wrote: a line break in a header would start a header of the site's choosing.
        return LINE_BREAKS.matcher(subject).replaceAll(" ");
    }

    /** What happened: the change type's label, more precise where the change says more. */
    public static String heading(ChangeEvent event, Words words) {
        if (event.type() == ChangeType.STANDARD_ADDED && openForComment(event)) {
            return words.openForComment();
        }
        if (event.type() == ChangeType.COMMENT_PERIOD_CLOSING) {
            Optional<Long> days = daysLeft(event);
            if (days.isPresent()) {
                return words.closingIn(days.get());
            }
        }
        return words.type(event.type());
    }

    /**
     * @param tags     the standard's topic tags
     * @param glossary renders the title in partial English for a subscriber who reads English
     */
    public static ChangeView view(ChangeEvent event, Words words, List<String> tags, Glossary glossary, ZoneId zone) {
        StandardState state = event.state();
        List<Fact> facts = new ArrayList<>();
        identifiers(event).ifPresent(ids -> facts.add(new Fact(words.identifiers(), ids)));
        if (state != null) {
            stageFact(event, words).ifPresent(facts::add);
            facts.addAll(dates(state, words));
        }
        if (!tags.isEmpty()) {
            facts.add(new Fact(words.topics(), String.join(", ", tags)));
        }
        if (event.detectedAt() != null) {
            facts.add(new Fact(words.detected(), DETECTED.format(event.detectedAt().atZone(zone)) + " (" + zone + ")"));
        }
        List<Fact> changes = event.changes().stream()
                .map(c -> new Fact(words.field(c.field()), value(c.field(), c.from(), words) + " → "
                        + value(c.field(), c.to(), words)))
                .toList();
        Set<String> pages = new LinkedHashSet<>(event.sourceUrls());
        if (state != null) {
            pages.addAll(state.sourceUrls());
        }
        List<Link> documents = state == null ? List.of() : documents(state);
        String title = title(event, words);
        return new ChangeView(heading(event, words), bracketed(title), english(title, words, glossary),
                List.copyOf(facts), changes,
                pages.stream().map(u -> new Link(u, u)).toList(), documents, event.id());
    }

    /**
     * The glossary's partial English rendering of a title, for a subscriber who reads English; null for one who reads
     * Chinese only, and when the title has no Chinese to render (an identifier used as title).
     */
    public static String english(String title, Words words, Glossary glossary) {
        if (!words.english() || title == null || title.codePoints()
                .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return null;
        }
        return glossary.render(title).text();
    }

    /** The comment period, publication and implementation dates a state has, as facts. */
    public static List<Fact> dates(StandardState state, Words words) {
        List<Fact> facts = new ArrayList<>();
        if (state.commentStart() != null || state.commentEnd() != null) {
            facts.add(new Fact(words.commentPeriod(), period(state.commentStart(), state.commentEnd(), words)));
        }
        if (state.published() != null) {
            facts.add(new Fact(words.published(), state.published().toString()));
        }
        if (state.implementation() != null) {
            facts.add(new Fact(words.implementation(), state.implementation().toString()));
        }
        return facts;
    }

    /** The files linked for a standard (those with a URL), named by the site's label and file name. */
    public static List<Link> documents(StandardState state) {
        return state.attachments().stream().filter(a -> a.url() != null).map(ChangeDescriber::document).toList();
    }

    /** An added draft whose comment period is (as far as the change says) open. */
    static boolean openForComment(ChangeEvent event) {
        StandardState state = event.state();
        return state != null && state.stage() == Stage.COMMENT_DRAFT && state.commentClosed() == null;
    }

    /** {@code — until 2026-10-25} (English unless the subscriber reads Chinese only: subjects stay short). */
    private static Optional<String> until(LocalDate end, Words words) {
        if (end == null) {
            return Optional.empty();
        }
        return Optional.of(words.language() == MailLanguage.ZH ? " — 截止 " + end : " — until " + end);
    }

    private static Optional<Long> daysLeft(ChangeEvent event) {
        return event.changes().stream().filter(c -> "daysLeft".equals(c.field()) && c.to() != null).findFirst()
                .flatMap(c -> {
                    try {
                        return Optional.of(Long.parseLong(c.to().strip()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
    }

    /** The number a reader knows it by: its first identifier, else its key unless that is a title key. */
    static Optional<String> primaryId(ChangeEvent event) {
        StandardState state = event.state();
        if (state != null && !state.ids().isEmpty()) {
            return Optional.of(state.ids().get(0));
        }
        String key = state != null && state.key() != null ? state.key() : event.standardKey();
        return key == null || key.startsWith("title:") ? Optional.empty() : Optional.of(key);
    }

    private static Optional<String> identifiers(ChangeEvent event) {
        StandardState state = event.state();
        if (state != null && !state.ids().isEmpty()) {
            return Optional.of(String.join(", ", state.ids()));
        }
        return primaryId(event);
    }

    /** The stage, or the step it just took ({@code 征求意见稿 → 报批稿}) when the change is about the stage. */
    private static Optional<Fact> stageFact(ChangeEvent event, Words words) {
        Stage now = event.state().stage();
        Optional<Stage> before = event.changes().stream().filter(c -> "stage".equals(c.field()))
                .findFirst().flatMap(c -> Stage.fromText(c.from()));
        if (now == null) {
            return Optional.empty();
        }
        String text = before.filter(b -> b != now).map(b -> words.stage(b) + " → " + words.stage(now))
                .orElse(words.stage(now));
        return Optional.of(new Fact(words.stage(), text));
    }

    private static String title(ChangeEvent event, Words words) {
        StandardState state = event.state();
        if (state != null && state.title() != null && !state.title().isBlank()) {
            return state.title().strip();
        }
        String key = event.standardKey();
        if (key != null && key.startsWith("title:")) {
            return key.substring("title:".length());
        }
        return key != null ? key : words.noTitle();
    }

    public static String bracketed(String title) {
        return title.startsWith("《") ? title : "《" + title + "》";
    }

    static String shortened(String title) {
        if (title.codePointCount(0, title.length()) <= SUBJECT_TITLE_LENGTH) {
            return title;
        }
        int end = title.offsetByCodePoints(0, SUBJECT_TITLE_LENGTH - 2);
        return title.substring(0, end) + "…》";
    }

    private static String period(LocalDate start, LocalDate end, Words words) {
        if (start == null) {
            return words.pick("至 " + end, "until " + end);
        }
        return end == null ? words.pick(start + " 起", "from " + start) : start + " – " + end;
    }

    /** Stage values travel as enum names; the reader wants the labels. */
    private static String value(String field, String value, Words words) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if ("stage".equals(field)) {
            return Stage.fromText(value).map(words::stage).orElse(value);
        }
        return value;
    }

    private static Link document(Attachment attachment) {
        String name = attachment.label() == null ? attachment.name()
                : attachment.name() == null ? attachment.label() : attachment.label() + " " + attachment.name();
        return new Link(name == null ? attachment.url() : name, attachment.url());
    }
}
