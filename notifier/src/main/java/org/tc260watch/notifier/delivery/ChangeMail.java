package org.tc260watch.notifier.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;

/**
 * What an alert about one change says, decided here and laid out by the {@code mail/change.txt} template.
 *
 * @param subject   e.g. {@code [tc260-watch] 新增 New: 《数据安全技术 …》 · 征求意见稿 draft for comment · 截止 deadline 2026-04-30}
 * @param heading   the kind of change and the title
 * @param facts     "label: value" lines about the standard after the change
 * @param changes   one line per changed field, {@code deadline: 2026-04-12 → 2026-04-30}
 * @param documents linked files, "label name: url"
 * @param sources   the pages the change was read from
 * @param changeId  the change's id
 * @param detectedAt when the change was seen
 */
public record ChangeMail(
        String subject,
        String heading,
        List<String> facts,
        List<String> changes,
        List<String> documents,
        List<String> sources,
        String changeId,
        Instant detectedAt) {

    public static final String SUBJECT_PREFIX = "[tc260-watch] ";
    static final int SUBJECT_TITLE_LENGTH = 60;
    private static final String NONE = "—";
    private static final Set<ChangeType> ABOUT_COMMENT_PERIOD = Set.of(
            ChangeType.DEADLINE_CHANGED, ChangeType.COMMENT_PERIOD_CLOSING, ChangeType.COMMENT_PERIOD_CLOSED);

    public static ChangeMail of(ChangeEvent event) {
        StandardState state = event.state();
        String label = label(event.type());
        String title = title(event);

        StringBuilder subject = new StringBuilder(SUBJECT_PREFIX).append(label).append(": ")
                .append(bracketed(shortened(title)));
        if (state != null && state.stage() != null) {
            subject.append(" · ").append(stageText(state.stage()));
        }
        deadline(event).ifPresent(d -> subject.append(" · 截止 deadline ").append(d));

        List<String> facts = new ArrayList<>();
        if (event.standardKey() != null) {
            facts.add(fact("Standard", event.standardKey()));
        }
        if (state != null) {
            if (!state.ids().isEmpty() && !state.ids().equals(List.of(event.standardKey()))) {
                facts.add(fact("Identifiers", String.join(", ", state.ids())));
            }
            if (state.title() != null) {
                facts.add(fact("Title", state.title()));
            }
            if (state.stage() != null) {
                facts.add(fact("Stage", stageText(state.stage())));
            }
            if (state.commentStart() != null || state.commentEnd() != null) {
                facts.add(fact("Comments", period(state.commentStart(), state.commentEnd())));
            }
            if (state.published() != null) {
                facts.add(fact("Published", state.published().toString()));
            }
            if (state.implementation() != null) {
                facts.add(fact("In force", state.implementation().toString()));
            }
        }

        List<String> changes = event.changes().stream().map(ChangeMail::changeLine).toList();
        List<String> documents = state == null ? List.of()
                : state.attachments().stream().map(ChangeMail::documentLine).toList();

        return new ChangeMail(subject.toString(), label + ": " + bracketed(title), List.copyOf(facts), changes,
                documents, event.sourceUrls(), event.id(), event.detectedAt());
    }

    /** Chinese first, as on the site, then English. */
    static String label(ChangeType type) {
        return switch (type) {
            case STANDARD_ADDED -> "新增 New";
            case STAGE_CHANGED -> "阶段变更 Stage changed";
            case PUBLISHED -> "发布 Published";
            case DEADLINE_CHANGED -> "截止日期变更 Deadline changed";
            case TITLE_CHANGED -> "名称变更 Title changed";
            case DOCUMENT_UPDATED -> "文件更新 Document updated";
            case COMMENT_PERIOD_CLOSING -> "征求意见即将截止 Comment period closing";
            case COMMENT_PERIOD_CLOSED -> "征求意见已截止 Comment period closed";
            case WITHDRAWN -> "废止 Withdrawn";
            case SOURCE_HEALTH_CHANGED -> "数据源状态 Source health changed";
            case SOURCE_BASELINED -> "数据源基线 Source baselined";
        };
    }

    private static String title(ChangeEvent event) {
        StandardState state = event.state();
        if (state != null && state.title() != null && !state.title().isBlank()) {
            return state.title();
        }
        return event.standardKey() != null ? event.standardKey() : event.id();
    }

    /** The comment deadline, when it matters for this change: a draft out for comment, or the change is about it. */
    private static Optional<LocalDate> deadline(ChangeEvent event) {
        StandardState state = event.state();
        if (state == null || state.commentEnd() == null) {
            return Optional.empty();
        }
        boolean open = state.stage() == null || state.stage() == Stage.COMMENT_DRAFT;
        return open || ABOUT_COMMENT_PERIOD.contains(event.type()) ? Optional.of(state.commentEnd()) : Optional.empty();
    }

    private static String shortened(String title) {
        if (title.codePointCount(0, title.length()) <= SUBJECT_TITLE_LENGTH) {
            return title;
        }
        int end = title.offsetByCodePoints(0, SUBJECT_TITLE_LENGTH - 1);
        return title.substring(0, end) + "…";
    }

    private static String bracketed(String title) {
        return title.startsWith("《") ? title : "《" + title + "》";
    }

    private static String stageText(Stage stage) {
        return stage.chinese() + " " + stage.english();
    }

    private static String fact(String label, String value) {
        return String.format("%-11s %s", label + ":", value);
    }

    private static String period(LocalDate start, LocalDate end) {
        if (start == null) {
            return "until " + end;
        }
        return end == null ? "from " + start : start + " – " + end;
    }

    static String changeLine(FieldChange change) {
        return change.field() + ": " + valueText(change.field(), change.from()) + " → "
                + valueText(change.field(), change.to());
    }

    /** Stage values travel as enum names; the reader wants the labels. */
    private static String valueText(String field, String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if ("stage".equals(field)) {
            return Stage.fromText(value).map(ChangeMail::stageText).orElse(value);
        }
        return value;
    }

    private static String documentLine(Attachment attachment) {
        String name = attachment.label() == null ? attachment.name()
                : attachment.name() == null ? attachment.label() : attachment.label() + " " + attachment.name();
        return (name == null ? "" : name + ": ") + attachment.url();
    }
}
