package org.tc260watch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One item as observed on one TC260 page in one scrape run. Topic {@link Topics#SNAPSHOTS}, key {@link #itemKey()}.
 *
 * @param source        the page type that produced it, e.g. {@code portal.suggestion}
 * @param generation    the site generation of that page type
 * @param itemKey       the site's own id for the item, prefixed by the source, e.g.
 *                      {@code portal.suggestion:3bb57023c00a464faf4c2f7b9a5524c7}
 * @param sourceUrl     where the item was seen (detail URL when known)
 * @param kind          what the item is
 * @param title         the item's title, normalised
 * @param standardIds   canonical forms of every standard identifier found ({@link StandardId#canonical()})
 * @param bookTitles    every 《》 title found, without the brackets
 * @param stage         the lifecycle stage the item speaks of, if any
 * @param dates         dates found
 * @param attachments   linked files
 * @param documentNumber secretariat document number such as {@code 网安秘字〔2025〕62号}, if any
 * @param contentHash   SHA-256 (hex) of the normalised fields above, so consumers can skip unchanged items
 * @param observedAt    when the item was read
 * @param runId         the {@link ScrapeRun#runId()} of the poll that read it
 * @param listing       what the list the item was read from means (null from scrapers before v1.1: read as
 *                      {@link Listing#ARCHIVE}, absence tells nothing)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Snapshot(
        String source,
        SiteGeneration generation,
        String itemKey,
        String sourceUrl,
        ItemKind kind,
        String title,
        List<String> standardIds,
        List<String> bookTitles,
        Stage stage,
        ItemDates dates,
        List<Attachment> attachments,
        String documentNumber,
        String contentHash,
        Instant observedAt,
        String runId,
        Listing listing) {

    public Snapshot {
        standardIds = standardIds == null ? List.of() : List.copyOf(standardIds);
        bookTitles = bookTitles == null ? List.of() : List.copyOf(bookTitles);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        dates = dates == null ? ItemDates.NONE : dates;
    }

    /** The listing, {@link Listing#ARCHIVE} when the scraper did not say. */
    public Listing listingOrArchive() {
        return listing == null ? Listing.ARCHIVE : listing;
    }
}
