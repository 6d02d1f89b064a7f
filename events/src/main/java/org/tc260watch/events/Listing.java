package org.tc260watch.events;

/**
 * What a list page's item set means, and so what it means when an item leaves it. Said by the scraper's page type on
 * every {@link Snapshot}; the differ reads absence as removal only for {@link #CATALOGUE} and
 * {@link #OPEN_FOR_COMMENT}.
 */
public enum Listing {
    /** Every current item of its kind (published standards, the standards plan, practice guides): one that leaves was removed. */
    CATALOGUE,
    /** Drafts open for public comment: one that leaves after its deadline closed; before it, was withdrawn. */
    OPEN_FOR_COMMENT,
    /** A dated archive (notices, news): items scroll on but are not removed, so leaving tells nothing about a standard. */
    ARCHIVE,
    /** The latest few items (a homepage box): leaving is normal and tells nothing. */
    RECENT;

    /** True when an item leaving this listing may mean the standard it speaks of was removed or closed. */
    public boolean absenceMeansRemoval() {
        return this == CATALOGUE || this == OPEN_FOR_COMMENT;
    }
}
