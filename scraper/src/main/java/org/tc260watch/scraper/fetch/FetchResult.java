package org.tc260watch.scraper.fetch;

import java.util.Optional;

/**
 * The answer to a (possibly conditional) request: the page, or "not modified" when the site confirmed that the
 * version the caller holds ({@link Validators}) is current. The caller then reuses what it made of that version.
 *
 * @param page       the page, empty on 304 Not Modified
 * @param validators what identifies the version now current (from the answer, or the caller's on a bare 304)
 */
public record FetchResult(Optional<FetchedPage> page, Validators validators) {

    public static FetchResult fetched(FetchedPage page, Validators validators) {
        return new FetchResult(Optional.of(page), validators);
    }

    public static FetchResult notModified(Validators validators) {
        return new FetchResult(Optional.empty(), validators);
    }

    public boolean notModified() {
        return page.isEmpty();
    }
}
