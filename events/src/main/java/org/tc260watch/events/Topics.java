package org.tc260watch.events;

/** Kafka topic names, shared by code, configuration and tests. */
public final class Topics {
    /** One {@link Snapshot} per observed item; key: item key. */
    public static final String SNAPSHOTS = "tc260.snapshots";
    /** One {@link ScrapeRun} per poll of one source; key: source. */
    public static final String SCRAPE_RUNS = "tc260.scrape-runs";
    /** The public change topic: one {@link ChangeEvent} per change; key: standard key. */
    public static final String CHANGES = "tc260.changes";
    /** Compacted current state of every standard ({@link StandardState}); key: standard key. */
    public static final String STANDARDS = "tc260.standards";

    private Topics() {
    }
}
