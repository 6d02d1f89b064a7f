package org.tc260watch.notifier.feed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The stable URNs of feeds and entries: {@code urn:tc260-watch:change:<change id>}. Built from stored ids only, so an
 * entry keeps its id for ever. Anything not allowed in a URN is percent-encoded (UTF-8),
 * which keeps it a valid IRI whatever the id contains.
 */
public final class FeedIds {

    private static final String PREFIX = "urn:tc260-watch:";

    private FeedIds() {
    }

    public static String change(String changeId) {
        return PREFIX + "change:" + encode(changeId);
    }

    /** A feed of changes; each filter is another feed, so the canonical filter is part of the id. */
    public static String changeFeed(String canonicalFilter) {
        return canonicalFilter == null || canonicalFilter.isEmpty() ? PREFIX + "feed:changes"
                : PREFIX + "feed:changes:" + encode(canonicalFilter);
    }

    /** Form encoding with spaces as %20: what is left unencoded ({@code A-Z a-z 0-9 - . _ *}) is valid in a URN. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
