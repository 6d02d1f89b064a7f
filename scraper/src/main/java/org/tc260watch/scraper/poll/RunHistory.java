package org.tc260watch.scraper.poll;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;

/**
 * What earlier runs of each source saw, so a list that suddenly comes back empty is doubted once. Kept in memory:
 * after a restart the first run has nothing to compare with.
 */
@Singleton
public class RunHistory {

    private final Map<String, Integer> itemsSeen = new ConcurrentHashMap<>();

    /** Items the last run that read the list saw, empty when no run did. */
    public OptionalInt previousItems(String source) {
        Integer n = itemsSeen.get(source);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** Whether a run of the source ever read its list (a FAILED run does not): its layout used to parse. */
    public boolean everRead(String source) {
        return itemsSeen.containsKey(source);
    }

    /**
     * Remembers a run. FAILED runs read nothing, so they do not count; a doubted empty list does, so a second empty
     * run in a row is believed.
     */
    public void record(ScrapeRun run) {
        if (run.health() != Health.FAILED) {
            itemsSeen.put(run.source(), run.items());
        }
    }
}
