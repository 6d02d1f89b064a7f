package org.tc260watch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One poll of one source. Topic {@link Topics#SCRAPE_RUNS}, key {@link #source()}. Published after all the
 * run's snapshots, so a consumer that has read it has read the run.
 *
 * @param runId        unique id of the run; snapshots carry it
 * @param source       the page type polled, e.g. {@code portal.suggestion}
 * @param generation   the site generation recognised, null when none was
 * @param pagesFetched pages requested (including 304 answers)
 * @param bytes        body bytes received
 * @param items        snapshots published
 * @param notModified  pages answered 304 Not Modified
 * @param errors       what went wrong
 * @param health       how much the run can be trusted
 * @param reason       why the run is not HEALTHY (null when it is)
 * @param complete     true when every list page up to the end of the list was read
 * @param startedAt    start of the run
 * @param finishedAt   end of the run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScrapeRun(
        String runId,
        String source,
        SiteGeneration generation,
        int pagesFetched,
        long bytes,
        int items,
        int notModified,
        List<ScrapeError> errors,
        Health health,
        String reason,
        boolean complete,
        Instant startedAt,
        Instant finishedAt) {

    public ScrapeRun {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
