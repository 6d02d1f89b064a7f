package org.tc260watch.scraper.poll;

import org.tc260watch.scraper.fetch.FetchException;
import org.tc260watch.scraper.fetch.FetchResult;
import org.tc260watch.scraper.fetch.PageFetcher;
import org.tc260watch.scraper.fetch.PageRequest;
import org.tc260watch.scraper.fetch.Validators;

/**
 * The requests of one poll. Once the site has failed {@code maxFailuresInARow} requests in a row (each after its
 * own retries), the poll stops asking it: what is left fails at once, so a struggling site is not hammered.
 */
public final class PollSession {

    private final PageFetcher fetcher;
    private final int maxFailuresInARow;
    private int failuresInARow;
    private String lastFailure;
    private int requests;

    public PollSession(PageFetcher fetcher, int maxFailuresInARow) {
        this.fetcher = fetcher;
        this.maxFailuresInARow = Math.max(1, maxFailuresInARow);
    }

    FetchResult fetch(PageRequest request, Validators known) throws FetchException {
        if (failuresInARow >= maxFailuresInARow) {
            throw new FetchException(request.url(), "not fetched: the site failed " + failuresInARow
                    + " requests in a row (last: " + lastFailure + ")", null, null, FetchException.Kind.SKIPPED);
        }
        requests++;
        try {
            FetchResult result = fetcher.fetch(request, known);
            failuresInARow = 0;
            return result;
        } catch (FetchException e) {
            if (e.siteTrouble()) {
                failuresInARow++;
                lastFailure = e.getMessage();
            } else {
                failuresInARow = 0;
            }
            throw e;
        }
    }

    /** Requests this poll made (or tried), retries not counted. */
    public int requests() {
        return requests;
    }
}
