package org.tc260watch.differ.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;

/**
 * Pure function: the last known state of a standard plus one new snapshot give the new state and the changes it
 * amounts to. Knows nothing of Kafka; whether a change is told to anyone is decided later (baselines).
 */
public final class StandardDiff {

    private StandardDiff() {
    }

    /**
     * @param state   the new state (equal to the old one, apart from lastSeen, when nothing changed)
     * @param changes what changed, in the order detected; empty when nothing did
     * @param changed true when anything but lastSeen changed (the state must be republished)
     */
    public record Result(StandardState state, List<ChangeEvent> changes, boolean changed) {
    }

    public static Result apply(String key, StandardState old, Snapshot snapshot) {
        Instant seenAt = snapshot.observedAt();
        ItemDates d = snapshot.dates();
        if (old == null) {
            StandardState created = new StandardState(key, snapshot.standardIds(), titleOf(snapshot), snapshot.kind(),
                    snapshot.stage(), d.commentStart(), d.commentEnd(), d.published(), d.implementation(),
                    snapshot.attachments(), List.of(snapshot.sourceUrl()), List.of(snapshot.itemKey()), seenAt, seenAt, 1);
            List<FieldChange> fields = new ArrayList<>();
            addIfPresent(fields, "title", created.title());
            addIfPresent(fields, "stage", created.stage());
            addIfPresent(fields, "commentStart", created.commentStart());
            addIfPresent(fields, "commentEnd", created.commentEnd());
            addIfPresent(fields, "published", created.published());
            addIfPresent(fields, "implementation", created.implementation());
            return new Result(created, List.of(event(created, ChangeType.STANDARD_ADDED, fields, snapshot)), true);
        }

        // A snapshot that does not know a value does not erase what another source said.
        StandardState merged = new StandardState(key,
                union(old.ids(), snapshot.standardIds()),
                titleFrom(old, snapshot),
                snapshot.kind() != null ? snapshot.kind() : old.kind(),
                laterStage(old.stage(), snapshot.stage()),
                firstNonNull(d.commentStart(), old.commentStart()),
                firstNonNull(d.commentEnd(), old.commentEnd()),
                firstNonNull(d.published(), old.published()),
                firstNonNull(d.implementation(), old.implementation()),
                union(old.attachments(), snapshot.attachments()),
                union(old.sourceUrls(), List.of(snapshot.sourceUrl())),
                union(old.itemKeys(), List.of(snapshot.itemKey())),
                old.firstSeen(), seenAt, old.version());

        boolean changed = !sameApartFromSeen(old, merged);
        if (!changed) {
            return new Result(merged, List.of(), false);
        }
        StandardState next = withVersion(merged, old.version() + 1);
        List<ChangeEvent> changes = new ArrayList<>();
        boolean published = next.stage() == Stage.PUBLISHED && old.stage() != Stage.PUBLISHED
                || old.published() == null && next.published() != null;
        if (published) {
            List<FieldChange> fields = new ArrayList<>();
            addIfChanged(fields, "stage", old.stage(), next.stage());
            addIfChanged(fields, "published", old.published(), next.published());
            addIfChanged(fields, "implementation", old.implementation(), next.implementation());
            addIfChanged(fields, "ids", String.join(", ", old.ids()), String.join(", ", next.ids()));
            changes.add(event(next, ChangeType.PUBLISHED, fields, snapshot));
        } else if (old.stage() != next.stage()) {
            changes.add(event(next, ChangeType.STAGE_CHANGED,
                    List.of(new FieldChange("stage", str(old.stage()), str(next.stage()))), snapshot));
        }
        if (!Objects.equals(old.commentEnd(), next.commentEnd())) {
            changes.add(event(next, ChangeType.DEADLINE_CHANGED,
                    List.of(new FieldChange("commentEnd", str(old.commentEnd()), str(next.commentEnd()))), snapshot));
        }
        if (!Objects.equals(old.title(), next.title())) {
            changes.add(event(next, ChangeType.TITLE_CHANGED,
                    List.of(new FieldChange("title", old.title(), next.title())), snapshot));
        }
        List<FieldChange> newFiles = next.attachments().stream()
                .filter(a -> old.attachments().stream().noneMatch(o -> o.url().equals(a.url())))
                .map(a -> new FieldChange("attachments", null,
                        (a.label() == null ? "" : a.label() + ": ") + (a.name() == null ? a.url() : a.name() + " <" + a.url() + ">")))
                .toList();
        if (!newFiles.isEmpty()) {
            changes.add(event(next, ChangeType.DOCUMENT_UPDATED, newFiles, snapshot));
        }
        return new Result(next, changes, true);
    }

    private static ChangeEvent event(StandardState state, ChangeType type, List<FieldChange> fields, Snapshot snapshot) {
        // detectedAt is the observation time, not the wall clock, so a replay yields identical events.
        return new ChangeEvent(ChangeIds.of(state.key(), type, state.version()), type, state.key(), state, fields,
                snapshot.observedAt(), List.of(snapshot.sourceUrl()));
    }

    /**
     * Stages only move forward: several items speak of one standard, and re-reading an old comment notice must not
     * pull a published standard back to 征求意见稿.
     */
    static Stage laterStage(Stage known, Stage seen) {
        if (known == null) {
            return seen;
        }
        return seen == null || seen.ordinal() <= known.ordinal() ? known : seen;
    }

    /** A title changes only through an item at least as far along as the standard (a draft's old title loses). */
    private static String titleFrom(StandardState old, Snapshot snapshot) {
        String seen = titleOf(snapshot);
        if (seen == null || seen.isBlank()) {
            return old.title();
        }
        boolean behind = old.stage() != null && snapshot.stage() != null && snapshot.stage().ordinal() < old.stage().ordinal();
        return behind ? old.title() : seen;
    }

    private static void addIfChanged(List<FieldChange> fields, String name, Object from, Object to) {
        if (!Objects.equals(from, to) && !(str(from) == null && "".equals(str(to)))) {
            fields.add(new FieldChange(name, str(from), str(to)));
        }
    }

    private static String titleOf(Snapshot s) {
        return s.bookTitles().isEmpty() ? s.title() : s.bookTitles().get(0);
    }

    private static void addIfPresent(List<FieldChange> fields, String name, Object value) {
        if (value != null) {
            fields.add(new FieldChange(name, null, str(value)));
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        LinkedHashSet<T> all = new LinkedHashSet<>(a);
        b.stream().filter(Objects::nonNull).forEach(all::add);
        return List.copyOf(all);
    }

    private static boolean sameApartFromSeen(StandardState a, StandardState b) {
        return withSeen(a, null).equals(withSeen(b, null));
    }

    private static StandardState withSeen(StandardState s, Instant lastSeen) {
        return new StandardState(s.key(), s.ids(), s.title(), s.kind(), s.stage(), s.commentStart(), s.commentEnd(),
                s.published(), s.implementation(), s.attachments(), s.sourceUrls(), s.itemKeys(), s.firstSeen(), lastSeen,
                s.version());
    }

    private static StandardState withVersion(StandardState s, long version) {
        return new StandardState(s.key(), s.ids(), s.title(), s.kind(), s.stage(), s.commentStart(), s.commentEnd(),
                s.published(), s.implementation(), s.attachments(), s.sourceUrls(), s.itemKeys(), s.firstSeen(),
                s.lastSeen(), version);
    }
}
