package org.tc260watch.scraper.poll;

/** How a source's entry point (its list page 1) answered: the evidence for which site generation is live. */
public enum EntryVerdict {
    /** The page type's signature, with items or an explicitly empty list. */
    ANSWERS,
    /** The homepage or another page type with HTTP 200: this URL is gone (soft 404). */
    MOVED,
    /** Something at the URL, but not a layout the adapter knows: a redesign. */
    CHANGED,
    /** No usable answer: refused, timed out, dropped, an HTTP error, robots.txt, skipped. Says nothing of layout. */
    UNREACHABLE;

    /** The site answered with a page, just not one this source knows. */
    public boolean answeredSomethingElse() {
        return this == MOVED || this == CHANGED;
    }
}
