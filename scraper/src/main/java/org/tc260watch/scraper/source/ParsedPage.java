package org.tc260watch.scraper.source;

import java.util.List;

/**
 * What an adapter read from one page.
 *
 * @param verdict   whether the page is the page type at all
 * @param items     the items whose required fields were all present; never partial ones
 * @param listedIds the site ids of every item the page lists, readable or not, in order; tells a repeated page
 * @param problems  why the page was not read cleanly (items skipped, truncation); empty when it was
 * @param truncated the page ends early, so items after the cut are unknown
 * @param reason    why the page is not this page type, for {@link Verdict#SOFT_404} and {@link Verdict#UNRECOGNISED}
 * @param lastPage  the page itself says it is the last one (a pager's 共N页, a JSON total): the list ends here. Sites
 *                  that answer a page past the end with their homepage (the .shtml site) need it to end cleanly.
 */
public record ParsedPage(
        Verdict verdict, List<ObservedItem> items, List<String> listedIds, List<String> problems, boolean truncated,
        String reason, boolean lastPage) {

    public enum Verdict {
        /** The page type's signature and at least one listed item. */
        ITEMS,
        /** The page type's signature and an explicitly empty list: the end of the list. */
        EMPTY_LIST,
        /** The site answered with its homepage or another page: the URL is gone or moved. */
        SOFT_404,
        /** Not recognisably anything: probably a redesigned layout. */
        UNRECOGNISED
    }

    public ParsedPage {
        items = List.copyOf(items);
        listedIds = List.copyOf(listedIds);
        problems = List.copyOf(problems);
    }

    /** A page that does not say whether it is the last one. */
    public ParsedPage(Verdict verdict, List<ObservedItem> items, List<String> listedIds, List<String> problems,
            boolean truncated, String reason) {
        this(verdict, items, listedIds, problems, truncated, reason, false);
    }

    /** This page, marked as the last page of its list. */
    public ParsedPage asLastPage() {
        return new ParsedPage(verdict, items, listedIds, problems, truncated, reason, true);
    }

    public static ParsedPage items(List<ObservedItem> items, List<String> listedIds, List<String> problems,
            boolean truncated) {
        return new ParsedPage(Verdict.ITEMS, items, listedIds, problems, truncated, null);
    }

    public static ParsedPage emptyList(List<String> problems, boolean truncated) {
        return new ParsedPage(Verdict.EMPTY_LIST, List.of(), List.of(), problems, truncated, null);
    }

    public static ParsedPage softNotFound(String reason) {
        return new ParsedPage(Verdict.SOFT_404, List.of(), List.of(), List.of(), false, "soft-404: " + reason);
    }

    public static ParsedPage unrecognised(String reason) {
        return new ParsedPage(Verdict.UNRECOGNISED, List.of(), List.of(), List.of(), false, reason);
    }

    /** Read without any problem: the page can be trusted completely. */
    public boolean clean() {
        return (verdict == Verdict.ITEMS || verdict == Verdict.EMPTY_LIST) && problems.isEmpty() && !truncated;
    }
}
