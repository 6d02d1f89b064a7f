package org.tc260watch.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What is known of one standard (or guide, document, report). Topic {@link Topics#STANDARDS} (compacted),
 * key {@link #key()}; also embedded in every {@link ChangeEvent}.
 *
 * @param key            the standard key (canonical number, else plan number, else TC260 document number, else
 *                       {@code title:} + normalised title)
 * @param origin         the key it was first known by: stable for its whole life while {@link #key()} migrates, and
 *                       the name of its change ids (null in states written before it existed: see {@link #originKey()})
 * @param previousKeys   keys it had before, oldest first: a draft announced without a number ({@code title:…}) keeps
 *                       its history when it is published as GB/T …
 * @param ids            canonical identifiers known for it
 * @param title          current title (the 《》 title when known)
 * @param titles         every title it was seen under, oldest first (a renamed standard keeps the old ones)
 * @param kind           what the items about it are
 * @param stage          current lifecycle stage, if known
 * @param stageHistory   the stages it was observed at, oldest first
 * @param commentStart   start of the public comment period
 * @param commentEnd     end of the public comment period (the deadline)
 * @param commentClosed  the day its comment period was seen closed (null while open or unknown)
 * @param published      publication date
 * @param implementation implementation (in force) date
 * @param attachments    files linked for it
 * @param sourceUrls     pages it was seen on
 * @param itemKeys       the site items that speak of it
 * @param firstSeen      when it was first observed
 * @param lastSeen       when it was last observed
 * @param version        increases by one with every change applied; part of change ids
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StandardState(
        String key,
        String origin,
        List<String> previousKeys,
        List<String> ids,
        String title,
        List<String> titles,
        ItemKind kind,
        Stage stage,
        List<StageStep> stageHistory,
        LocalDate commentStart,
        LocalDate commentEnd,
        LocalDate commentClosed,
        LocalDate published,
        LocalDate implementation,
        List<Attachment> attachments,
        List<String> sourceUrls,
        List<String> itemKeys,
        Instant firstSeen,
        Instant lastSeen,
        long version) {

    public StandardState {
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
        titles = titles == null ? List.of() : List.copyOf(titles);
        stageHistory = stageHistory == null ? List.of() : List.copyOf(stageHistory);
        ids = ids == null ? List.of() : List.copyOf(ids);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
        itemKeys = itemKeys == null ? List.of() : List.copyOf(itemKeys);
    }

    /** A state without history (no previous keys, titles or stage steps beyond the current ones). */
    public StandardState(String key, List<String> ids, String title, ItemKind kind, Stage stage, LocalDate commentStart,
            LocalDate commentEnd, LocalDate published, LocalDate implementation, List<Attachment> attachments,
            List<String> sourceUrls, List<String> itemKeys, Instant firstSeen, Instant lastSeen, long version) {
        this(key, key, List.of(), ids, title, title == null ? List.of() : List.of(title), kind, stage,
                stage == null ? List.of() : List.of(new StageStep(stage, firstSeen)), commentStart, commentEnd, null,
                published, implementation, attachments, sourceUrls, itemKeys, firstSeen, lastSeen, version);
    }

    /** The key it was first known by; stable for its whole life, while {@link #key()} may migrate. */
    @JsonIgnore
    public String originKey() {
        if (origin != null) {
            return origin;
        }
        return previousKeys.isEmpty() ? key : previousKeys.get(0);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-change, so that code changing one field does not restate the other eighteen. */
    public static final class Builder {
        private String key;
        private String origin;
        private List<String> previousKeys;
        private List<String> ids;
        private String title;
        private List<String> titles;
        private ItemKind kind;
        private Stage stage;
        private List<StageStep> stageHistory;
        private LocalDate commentStart;
        private LocalDate commentEnd;
        private LocalDate commentClosed;
        private LocalDate published;
        private LocalDate implementation;
        private List<Attachment> attachments;
        private List<String> sourceUrls;
        private List<String> itemKeys;
        private Instant firstSeen;
        private Instant lastSeen;
        private long version;

        private Builder(StandardState s) {
            key = s.key; origin = s.origin; previousKeys = s.previousKeys; ids = s.ids; title = s.title; titles = s.titles;
            kind = s.kind; stage = s.stage; stageHistory = s.stageHistory; commentStart = s.commentStart;
            commentEnd = s.commentEnd; commentClosed = s.commentClosed; published = s.published;
            implementation = s.implementation; attachments = s.attachments; sourceUrls = s.sourceUrls;
            itemKeys = s.itemKeys; firstSeen = s.firstSeen; lastSeen = s.lastSeen; version = s.version;
        }

        public Builder key(String v) { key = v; return this; }
        public Builder origin(String v) { origin = v; return this; }
        public Builder previousKeys(List<String> v) { previousKeys = v; return this; }
        public Builder ids(List<String> v) { ids = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder titles(List<String> v) { titles = v; return this; }
        public Builder kind(ItemKind v) { kind = v; return this; }
        public Builder stage(Stage v) { stage = v; return this; }
        public Builder stageHistory(List<StageStep> v) { stageHistory = v; return this; }
        public Builder commentStart(LocalDate v) { commentStart = v; return this; }
        public Builder commentEnd(LocalDate v) { commentEnd = v; return this; }
        public Builder commentClosed(LocalDate v) { commentClosed = v; return this; }
        public Builder published(LocalDate v) { published = v; return this; }
        public Builder implementation(LocalDate v) { implementation = v; return this; }
        public Builder attachments(List<Attachment> v) { attachments = v; return this; }
        public Builder sourceUrls(List<String> v) { sourceUrls = v; return this; }
        public Builder itemKeys(List<String> v) { itemKeys = v; return this; }
        public Builder firstSeen(Instant v) { firstSeen = v; return this; }
        public Builder lastSeen(Instant v) { lastSeen = v; return this; }
        public Builder version(long v) { version = v; return this; }

        public StandardState build() {
            return new StandardState(key, origin, previousKeys, ids, title, titles, kind, stage, stageHistory, commentStart,
                    commentEnd, commentClosed, published, implementation, attachments, sourceUrls, itemKeys, firstSeen,
                    lastSeen, version);
        }
    }
}
