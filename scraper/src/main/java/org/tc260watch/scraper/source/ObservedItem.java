package org.tc260watch.scraper.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;

/** One item read from a page, before it becomes a {@link Snapshot} of a run. Fields as in {@link Snapshot}. */
public record ObservedItem(
        String itemKey,
        String sourceUrl,
        ItemKind kind,
        String title,
        List<String> standardIds,
        List<String> bookTitles,
        Stage stage,
        ItemDates dates,
        List<Attachment> attachments,
        String documentNumber) {

    public ObservedItem {
        standardIds = standardIds == null ? List.of() : List.copyOf(standardIds);
        bookTitles = bookTitles == null ? List.of() : List.copyOf(bookTitles);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        dates = dates == null ? ItemDates.NONE : dates;
    }

    /**
     * The snapshot of this item in a run, read from a list of {@code listing}, with the content hash over the item's
     * own fields: not the run's, and not the listing, which is the source's and would otherwise change the hash of
     * every item already published.
     */
    public Snapshot toSnapshot(String source, SiteGeneration generation, Listing listing, Instant observedAt,
            String runId) {
        return toSnapshot(source, generation, listing, observedAt, runId, contentHash(source, generation));
    }

    /** {@link #toSnapshot}, with the item's {@link #contentHash} known from an earlier run (equal items, equal hash). */
    public Snapshot toSnapshot(String source, SiteGeneration generation, Listing listing, Instant observedAt,
            String runId, String contentHash) {
        return new Snapshot(source, generation, itemKey, sourceUrl, kind, title, standardIds, bookTitles, stage,
                dates, attachments, documentNumber, contentHash, observedAt, runId, listing);
    }

    /** The content hash of this item's snapshots from {@code source} of {@code generation}. */
    public String contentHash(String source, SiteGeneration generation) {
        return contentHash(new Snapshot(source, generation, itemKey, sourceUrl, kind, title, standardIds, bookTitles,
                stage, dates, attachments, documentNumber, null, null, null, null));
    }

    /** SHA-256 hex of the event JSON of the content fields; record components serialise in a fixed order. */
    static String contentHash(Snapshot content) {
        try {
            byte[] json = EventJson.mapper().writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash snapshot " + content.itemKey(), e);
        }
    }
}
