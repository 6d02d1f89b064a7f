package org.tc260watch.differ.detect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.tc260watch.differ.identity.IdentityResolver.Entity;
import org.tc260watch.differ.identity.StandardKeys;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StageStep;
import org.tc260watch.events.StandardState;

/**
 * Pure functions: the last known state of a standard plus one observation (a snapshot, an item that left its list, the
 * calendar) give the new state and the changes it amounts to. Knows nothing of Kafka; whether a change is told to
 * anyone is decided later (baselines, flapping).
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

        static Result unchanged(StandardState state) {
            return new Result(state, List.of(), false);
        }
    }

    /**
     * Applies one snapshot.
     *
     * @param who      the standard it speaks of, as identity resolution knows it (public key and identifiers)
     * @param restated true when this item says exactly what it said last time: it then confirms it is still there but
     *                 overrides nothing another item has changed since (two pages that disagree must not flip-flop)
     */
    public static Result apply(StandardState old, Snapshot snapshot, Entity who, boolean restated) {
        Instant seenAt = snapshot.observedAt();
        ItemDates d = snapshot.dates();
        String key = who.publicKey();
        if (old == null) {
            String title = titleOf(snapshot);
            StandardState created = new StandardState(key, who.origin(),
                    key.equals(who.origin()) ? List.of() : List.of(who.origin()),
                    who.ids(), title, title == null ? List.of() : List.of(title), snapshot.kind(), snapshot.stage(),
                    snapshot.stage() == null ? List.of() : List.of(new StageStep(snapshot.stage(), seenAt)),
                    d.commentStart(), d.commentEnd(), null, publishedDate(snapshot), d.implementation(), snapshot.attachments(),
                    List.of(snapshot.sourceUrl()), List.of(snapshot.itemKey()), seenAt, seenAt, 1);
            List<FieldChange> fields = new ArrayList<>();
            addIfPresent(fields, "title", created.title());
            addIfPresent(fields, "stage", created.stage());
            addIfPresent(fields, "commentStart", created.commentStart());
            addIfPresent(fields, "commentEnd", created.commentEnd());
            addIfPresent(fields, "published", created.published());
            addIfPresent(fields, "implementation", created.implementation());
            return new Result(created, List.of(event(created, ChangeType.STANDARD_ADDED, fields, snapshot)), true);
        }

        StandardState.Builder b = old.toBuilder()
                .ids(union(old.ids(), who.ids()))
                .itemKeys(union(old.itemKeys(), List.of(snapshot.itemKey())))
                .sourceUrls(union(old.sourceUrls(), List.of(snapshot.sourceUrl())))
                .lastSeen(seenAt);
        if (!old.key().equals(key)) {
            b.key(key).previousKeys(union(old.previousKeys(), List.of(old.key())));
        }
        if (!restated) {
            // A snapshot that does not know a value does not erase what another item said.
            String title = titleFrom(old, snapshot);
            Stage stage = nextStage(old.stage(), snapshot);
            LocalDate commentEnd = firstNonNull(d.commentEnd(), old.commentEnd());
            b.title(title)
                    .titles(title == null ? old.titles() : union(old.titles(), List.of(title)))
                    .kind(snapshot.kind() != null ? snapshot.kind() : old.kind())
                    .stage(stage)
                    .stageHistory(stage == old.stage() ? old.stageHistory()
                            : append(old.stageHistory(), new StageStep(stage, seenAt)))
                    .commentStart(firstNonNull(d.commentStart(), old.commentStart()))
                    .commentEnd(commentEnd)
                    // A deadline moved past the day the period was seen closed reopens it.
                    .commentClosed(old.commentClosed() != null && commentEnd != null
                            && commentEnd.isAfter(old.commentClosed()) ? null : old.commentClosed())
                    .published(firstNonNull(publishedDate(snapshot), old.published()))
                    .implementation(firstNonNull(d.implementation(), old.implementation()))
                    .attachments(union(old.attachments(), snapshot.attachments()));
        }
        StandardState merged = b.build();
        if (sameApartFromSeen(old, merged)) {
            return Result.unchanged(merged);
        }
        StandardState next = merged.toBuilder().version(old.version() + 1).build();
        List<ChangeEvent> changes = new ArrayList<>();
        boolean published = next.stage() == Stage.PUBLISHED && old.stage() != Stage.PUBLISHED
                || old.published() == null && next.published() != null;
        List<FieldChange> keyFields = new ArrayList<>();
        addIfChanged(keyFields, "key", old.key(), next.key());
        if (published) {
            List<FieldChange> fields = new ArrayList<>(keyFields);
            addIfChanged(fields, "stage", old.stage(), next.stage());
            addIfChanged(fields, "published", old.published(), next.published());
            addIfChanged(fields, "implementation", old.implementation(), next.implementation());
            addIfChanged(fields, "ids", String.join(", ", old.ids()), String.join(", ", next.ids()));
            changes.add(event(next, ChangeType.PUBLISHED, fields, snapshot));
        } else if (old.stage() != next.stage()) {
            ChangeType type = next.stage() == Stage.WITHDRAWN ? ChangeType.WITHDRAWN : ChangeType.STAGE_CHANGED;
            changes.add(event(next, type, withKey(keyFields, new FieldChange("stage", str(old.stage()), str(next.stage()))),
                    snapshot));
        }
        if (!Objects.equals(old.commentEnd(), next.commentEnd())) {
            changes.add(event(next, ChangeType.DEADLINE_CHANGED, withKey(changes.isEmpty() ? keyFields : List.of(),
                    new FieldChange("commentEnd", str(old.commentEnd()), str(next.commentEnd()))), snapshot));
        }
        if (!Objects.equals(old.title(), next.title())) {
            changes.add(event(next, ChangeType.TITLE_CHANGED, withKey(changes.isEmpty() ? keyFields : List.of(),
                    new FieldChange("title", old.title(), next.title())), snapshot));
        }
        List<FieldChange> newFiles = next.attachments().stream()
                .filter(a -> old.attachments().stream().noneMatch(o -> o.url().equals(a.url())))
                .map(a -> new FieldChange("attachments", null,
                        (a.label() == null ? "" : a.label() + ": ") + (a.name() == null ? a.url() : a.name() + " <" + a.url() + ">")))
                .toList();
        if (!newFiles.isEmpty()) {
            List<FieldChange> fields = new ArrayList<>(changes.isEmpty() ? keyFields : List.of());
            fields.addAll(newFiles);
            changes.add(event(next, ChangeType.DOCUMENT_UPDATED, fields, snapshot));
        }
        // A key learnt with nothing else to tell (a plan number for a titled draft) moves the state silently: the
        // next change carries the new key, and tc260.standards retires the old one.
        return new Result(next, changes, true);
    }

    /**
     * An item that spoke of this standard left its list for good (absent from K healthy complete runs).
     *
     * @param listing             what the list it left means
     * @param goneAt              when its absence was confirmed (end of the K-th run)
     * @param otherLiveListing    true when another catalogue or open-for-comment item still lists the standard
     * @param sourceUrl           the list the item left
     */
    public static Result gone(StandardState old, String itemKey, Listing listing, Instant goneAt,
            boolean otherLiveListing, String sourceUrl) {
        StandardState.Builder b = old.toBuilder().itemKeys(old.itemKeys().stream().filter(k -> !k.equals(itemKey)).toList());
        if (!listing.absenceMeansRemoval()) {
            return new Result(b.version(old.version() + 1).build(), List.of(), true);
        }
        LocalDate goneOn = goneAt.atZone(ClosingReminders.SITE_ZONE).toLocalDate();
        boolean pastDeadline = old.commentEnd() != null && goneOn.isAfter(old.commentEnd());
        if (listing == Listing.OPEN_FOR_COMMENT && pastDeadline) {
            // Leaving the open list after the deadline is the period closing, never a withdrawal.
            return closed(old, b, goneOn, goneAt, sourceUrl);
        }
        if (otherLiveListing || old.stage() == Stage.WITHDRAWN) {
            return new Result(b.version(old.version() + 1).build(), List.of(), true);
        }
        StandardState next = b.stage(Stage.WITHDRAWN)
                .stageHistory(append(old.stageHistory(), new StageStep(Stage.WITHDRAWN, goneAt)))
                .version(old.version() + 1)
                .build();
        List<FieldChange> fields = List.of(new FieldChange("stage", str(old.stage()), str(Stage.WITHDRAWN)),
                new FieldChange("listed", itemKey, null));
        return new Result(next, List.of(new ChangeEvent(ChangeIds.of(next.originKey(), ChangeType.WITHDRAWN, next.version()),
                ChangeType.WITHDRAWN, next.key(), next, fields, goneAt, sourceUrl == null ? List.of() : List.of(sourceUrl))),
                true);
    }

    /**
     * Identity resolution found that two known standards are one (an item named both): {@code absorbed} joins
     * {@code survivor}. Silent: each one's facts were told already under its own key; the merged state is republished
     * and the absorbed key retired.
     *
     * @param survivor null when the survivor's own first snapshot has not been applied yet
     * @param origin   the survivor's origin key
     */
    public static Result absorb(StandardState survivor, StandardState absorbed, String origin) {
        if (survivor == null) {
            return new Result(absorbed.toBuilder().origin(origin).version(absorbed.version() + 1).build(), List.of(),
                    true);
        }
        List<StageStep> history = new ArrayList<>(survivor.stageHistory());
        for (StageStep step : absorbed.stageHistory()) {
            if (history.stream().noneMatch(h -> h.stage() == step.stage())) {
                history.add(step);
            }
        }
        history.sort(java.util.Comparator.comparing(StageStep::since, java.util.Comparator.nullsFirst(
                java.util.Comparator.naturalOrder())));
        List<String> previous = new ArrayList<>(union(union(survivor.previousKeys(), absorbed.previousKeys()),
                List.of(absorbed.key())));
        previous.remove(survivor.key());
        StandardState merged = survivor.toBuilder()
                .previousKeys(previous)
                .ids(union(survivor.ids(), absorbed.ids()))
                .title(firstNonNull(survivor.title(), absorbed.title()))
                .titles(union(survivor.titles(), absorbed.titles()))
                .kind(firstNonNull(survivor.kind(), absorbed.kind()))
                .stage(laterStage(survivor.stage(), absorbed.stage()))
                .stageHistory(history)
                .commentStart(firstNonNull(survivor.commentStart(), absorbed.commentStart()))
                .commentEnd(firstNonNull(survivor.commentEnd(), absorbed.commentEnd()))
                .commentClosed(firstNonNull(survivor.commentClosed(), absorbed.commentClosed()))
                .published(firstNonNull(survivor.published(), absorbed.published()))
                .implementation(firstNonNull(survivor.implementation(), absorbed.implementation()))
                .attachments(union(survivor.attachments(), absorbed.attachments()))
                .sourceUrls(union(survivor.sourceUrls(), absorbed.sourceUrls()))
                .itemKeys(union(survivor.itemKeys(), absorbed.itemKeys()))
                .firstSeen(survivor.firstSeen().isBefore(absorbed.firstSeen()) ? survivor.firstSeen() : absorbed.firstSeen())
                .lastSeen(survivor.lastSeen().isAfter(absorbed.lastSeen()) ? survivor.lastSeen() : absorbed.lastSeen())
                .version(survivor.version() + 1)
                .build();
        return new Result(merged, List.of(), true);
    }

    /** The calendar passed the deadline of a period that was open while watched. */
    public static Result closeByCalendar(StandardState old, LocalDate today, Instant now) {
        if (old.commentEnd() == null || old.commentClosed() != null || !today.isAfter(old.commentEnd())
                || old.stage() != null && old.stage() != Stage.COMMENT_DRAFT) {
            return Result.unchanged(old);
        }
        return closed(old, old.toBuilder(), today, now, null);
    }

    private static Result closed(StandardState old, StandardState.Builder b, LocalDate on, Instant at, String url) {
        if (old.commentClosed() != null) {
            return new Result(b.version(old.version() + 1).build(), List.of(), true);
        }
        StandardState next = b.commentClosed(on).version(old.version() + 1).build();
        LocalDate firstSeen = old.firstSeen().atZone(ClosingReminders.SITE_ZONE).toLocalDate();
        if (firstSeen.isAfter(old.commentEnd())) {
            // Closed before it was ever seen open (an old notice read at baseline): nothing to tell.
            return new Result(next, List.of(), true);
        }
        // One per deadline, whichever notices it first (the calendar or the list), so the id names the deadline.
        ChangeEvent event = new ChangeEvent(ChangeIds.of(next.originKey(), ChangeType.COMMENT_PERIOD_CLOSED,
                old.commentEnd().toString()), ChangeType.COMMENT_PERIOD_CLOSED, next.key(), next,
                List.of(new FieldChange("commentClosed", null, on.toString())), at,
                url == null ? next.sourceUrls() : List.of(url));
        return new Result(next, List.of(event), true);
    }

    private static ChangeEvent event(StandardState state, ChangeType type, List<FieldChange> fields, Snapshot snapshot) {
        // detectedAt is the observation time, not the wall clock, so a replay yields identical events.
        return new ChangeEvent(ChangeIds.of(state.originKey(), type, state.version()), type, state.key(), state, fields,
                snapshot.observedAt(), List.of(snapshot.sourceUrl()));
    }

    /**
     * Stages only move forward: several items speak of one standard, and re-reading an old comment notice must not
     * pull a published standard back to 征求意见稿. The exception: a standard read as withdrawn that a catalogue or
     * open list shows again is back at the stage that list gives.
     */
    static Stage nextStage(Stage known, Snapshot snapshot) {
        Stage seen = snapshot.stage();
        if (known == Stage.WITHDRAWN && seen != null && seen != Stage.WITHDRAWN
                && snapshot.listingOrArchive().absenceMeansRemoval()) {
            return seen;
        }
        return laterStage(known, seen);
    }

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

    private static List<FieldChange> withKey(List<FieldChange> keyFields, FieldChange field) {
        List<FieldChange> all = new ArrayList<>(keyFields);
        all.add(field);
        return all;
    }

    private static void addIfChanged(List<FieldChange> fields, String name, Object from, Object to) {
        if (!Objects.equals(from, to) && !(str(from) == null && "".equals(str(to)))) {
            fields.add(new FieldChange(name, str(from), str(to)));
        }
    }

    private static String titleOf(Snapshot s) {
        String title = s.bookTitles().isEmpty() ? s.title() : s.bookTitles().get(0);
        return title == null ? null : StandardKeys.displayTitle(title);
    }

    /**
     * The standard's publication date, if this item speaks of a published standard: a comment notice's 发布于 date is
     * when the notice went up, not when the standard was published.
     */
    private static LocalDate publishedDate(Snapshot s) {
        if (s.stage() != null) {
            return s.stage().ordinal() >= Stage.PUBLISHED.ordinal() ? s.dates().published() : null;
        }
        return s.kind() == ItemKind.PUBLISHED_STANDARD || s.kind() == ItemKind.PUBLICATION_ANNOUNCEMENT
                ? s.dates().published() : null;
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

    private static <T> List<T> append(List<T> list, T element) {
        List<T> all = new ArrayList<>(list);
        all.add(element);
        return all;
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        LinkedHashSet<T> all = new LinkedHashSet<>(a);
        b.stream().filter(Objects::nonNull).forEach(all::add);
        return List.copyOf(all);
    }

    private static boolean sameApartFromSeen(StandardState a, StandardState b) {
        return a.toBuilder().lastSeen(null).build().equals(b.toBuilder().lastSeen(null).build());
    }
}
