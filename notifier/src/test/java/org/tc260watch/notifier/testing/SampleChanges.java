package org.tc260watch.notifier.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;

/** Change events shaped like the differ's, for tests. */
public final class SampleChanges {

    public static final String SOURCE_URL = "https://www.tc260.org.cn/portal/suggestion/detail/3bb57023c00a464faf4c2f7b9a5524c7";

    private SampleChanges() {
    }

    /** A change id in the differ's form: a name-based UUID, the same for the same name. */
    public static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A draft for comment newly seen. */
    public static ChangeEvent added(String id, String key, String title) {
        StandardState state = state(key, title, Stage.COMMENT_DRAFT, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30));
        return new ChangeEvent(id, ChangeType.STANDARD_ADDED, key, state, List.of(),
                Instant.parse("2026-03-02T08:00:00Z"), List.of(SOURCE_URL));
    }

    /** The comment deadline moved from 2026-04-12 to 2026-04-30. */
    public static ChangeEvent deadlineMoved(String id, String key, String title) {
        StandardState state = state(key, title, Stage.COMMENT_DRAFT, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30));
        return new ChangeEvent(id, ChangeType.DEADLINE_CHANGED, key, state,
                List.of(new FieldChange("deadline", "2026-04-12", "2026-04-30")),
                Instant.parse("2026-03-20T02:30:00Z"), List.of(SOURCE_URL));
    }

    /** Any change type about a standard of the given kind, stage, identifiers and comment deadline. */
    public static ChangeEvent of(ChangeType type, String key, String title, ItemKind kind, Stage stage,
            List<String> ids, LocalDate commentEnd, FieldChange... changes) {
        StandardState state = new StandardState(key, ids, title, kind, stage, commentEnd == null ? null
                : commentEnd.minusDays(30), commentEnd, stage == Stage.PUBLISHED ? LocalDate.of(2026, 11, 1) : null,
                null, List.of(), List.of(SOURCE_URL), List.of("portal.suggestion:" + key),
                Instant.parse("2026-11-01T08:00:00Z"), Instant.parse("2026-11-01T08:00:00Z"), 1);
        return new ChangeEvent(id(key + "#" + type.wireName() + "#" + title), type, key, state, List.of(changes),
                Instant.parse("2026-11-01T08:00:00Z"), List.of(SOURCE_URL));
    }

    public static StandardState state(String key, String title, Stage stage, LocalDate commentStart,
            LocalDate commentEnd) {
        return new StandardState(key, List.of(key), title, ItemKind.COMMENT_DRAFT_NOTICE, stage, commentStart,
                commentEnd, null, null,
                List.of(new Attachment("征求意见稿", title + ".pdf", "https://www.tc260.org.cn/file/draft.pdf")),
                List.of(SOURCE_URL), List.of("portal.suggestion:3bb57023c00a464faf4c2f7b9a5524c7"),
                Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-20T02:30:00Z"), 2);
    }
}
