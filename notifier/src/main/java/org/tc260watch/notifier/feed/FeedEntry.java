package org.tc260watch.notifier.feed;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One change as every feed shows it. Built from the stored change alone (see {@link FeedEntries}), so it is the same
 * on every read.
 *
 * @param id       the stable URN ({@link FeedIds#change})
 * @param seq      the change's arrival sequence number (SSE event id, ETag input)
 * @param changeId the change id as published on {@code tc260.changes}
 * @param type     the change type's wire name, e.g. {@code standard.published}
 * @param title    what happened and to which standard: {@code 已发布 / Published: 《…》}
 * @param updated  when the change was detected (when it was received, if the change does not say)
 * @param link     the standard's page on this service
 * @param html     the summary as HTML, every scraped value escaped
 * @param topics   the standard's topic tags when the change was stored
 * @param payload  the change JSON exactly as received
 */
public record FeedEntry(String id, long seq, String changeId, String type, String title, Instant updated, URI link,
        String html, List<String> topics, String payload) {

    public FeedEntry {
        topics = List.copyOf(topics);
    }
}
