package org.tc260watch.notifier.feed;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A feed of changes, newest first, before it is written as Atom or JSON Feed.
 *
 * @param id        the feed's stable URN (one per filter)
 * @param title     the feed's title
 * @param self      where this feed is fetched
 * @param home      the page people read
 * @param updated   the newest entry's time (the epoch for an empty feed, so that it is stable too)
 * @param entries   newest first
 */
public record ChangeFeed(String id, String title, URI self, URI home, Instant updated, List<FeedEntry> entries) {

    public static final String AUTHOR = "tc260-watch";

    public ChangeFeed {
        entries = List.copyOf(entries);
    }

    public static ChangeFeed of(String id, String title, URI self, URI home, List<FeedEntry> entries) {
        Instant updated = entries.stream().map(FeedEntry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return new ChangeFeed(id, title, self, home, updated, entries);
    }
}
