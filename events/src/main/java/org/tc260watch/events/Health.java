package org.tc260watch.events;

/** How much a scrape run can be trusted. Only HEALTHY runs may be read as "an item is gone". */
public enum Health {
    HEALTHY,
    /** Partly blind: some pages or fields missing, soft 404s, an unexpected layout. */
    DEGRADED,
    /** Blind: nothing usable was read. */
    FAILED
}
