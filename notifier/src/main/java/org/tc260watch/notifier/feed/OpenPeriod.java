package org.tc260watch.notifier.feed;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One open comment period, as the deadline calendar shows it.
 *
 * @param origin       the key the standard was first known by: stable while its public key migrates (the UID's
 *                     basis)
 * @param title        the standard's title as published
 * @param commentStart first day of the period, if known
 * @param commentEnd   the deadline
 * @param revision     increases whenever the standard's state changes, so at least when the deadline moves (the
 *                     event's SEQUENCE)
 * @param lastModified when the state last changed (LAST-MODIFIED and DTSTAMP)
 * @param page         the standard's page on this service
 * @param sourceUrls   the TC260 pages it was seen on
 */
public record OpenPeriod(String origin, String title, LocalDate commentStart, LocalDate commentEnd, long revision,
        Instant lastModified, URI page, List<String> sourceUrls) {

    public OpenPeriod {
        sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
    }
}
