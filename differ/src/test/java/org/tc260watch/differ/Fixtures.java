package org.tc260watch.differ;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.Health;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;

/** Snapshots and runs as the scraper publishes them. */
public final class Fixtures {

    public static final String SOURCE = "portal.suggestion";
    public static final String CATALOGUE = "portal.standards";
    public static final String NOTICES = "portal.notices";

    private Fixtures() {
    }

    /** A comment-draft notice for 《数据安全技术 {topic}》 open from {@code start} to {@code deadline}. */
    public static Snapshot draft(String id, String topic, String start, String deadline, String runId, Instant at) {
        return item(SOURCE, id, "数据安全技术 " + topic, List.of(), Stage.COMMENT_DRAFT,
                new ItemDates(LocalDate.parse(start), LocalDate.parse(start), LocalDate.parse(deadline), null), List.of(),
                runId, at);
    }

    /** A published standard as the portal's standards catalogue lists it. */
    public static Snapshot listed(String number, String book, Stage stage, String published, String implementation,
            String runId, Instant at) {
        return item(CATALOGUE, number, book, List.of(number), stage, new ItemDates(
                published == null ? null : LocalDate.parse(published), null, null,
                implementation == null ? null : LocalDate.parse(implementation)), List.of(), runId, at);
    }

    /**
     * Any item; the listing follows the source (comment list, catalogue, else archive) and the content hash follows the
     * content, as the scraper's do.
     */
    public static Snapshot item(String source, String id, String book, List<String> ids, Stage stage, ItemDates dates,
            List<Attachment> files, String runId, Instant at) {
        Listing listing = switch (source) {
            case SOURCE -> Listing.OPEN_FOR_COMMENT;
            case CATALOGUE -> Listing.CATALOGUE;
            default -> Listing.ARCHIVE;
        };
        ItemKind kind = switch (source) {
            case SOURCE -> ItemKind.COMMENT_DRAFT_NOTICE;
            case CATALOGUE -> ItemKind.PUBLISHED_STANDARD;
            default -> ItemKind.NOTICE;
        };
        String hash = Integer.toHexString(Objects.hash(book, ids, stage, dates, files));
        return new Snapshot(source, SiteGeneration.PORTAL, source + ":" + id,
                "https://www.tc260.org.cn/" + source.replace('.', '/') + "/" + id, kind, "《" + book + "》", ids,
                List.of(book), stage, dates, files, null, hash, at, runId, listing);
    }

    /** The same item observed in another run. */
    public static Snapshot rerun(Snapshot s, String runId, Instant at) {
        return new Snapshot(s.source(), s.generation(), s.itemKey(), s.sourceUrl(), s.kind(), s.title(), s.standardIds(),
                s.bookTitles(), s.stage(), s.dates(), s.attachments(), s.documentNumber(), s.contentHash(), at, runId,
                s.listing());
    }

    public static ScrapeRun run(String runId, Health health, int items, Instant at) {
        return new ScrapeRun(runId, SOURCE, SiteGeneration.PORTAL, 1, 1000, items, 0, List.of(), health,
                health == Health.HEALTHY ? null : "test: " + health, health == Health.HEALTHY, at, at.plusSeconds(1));
    }
}
