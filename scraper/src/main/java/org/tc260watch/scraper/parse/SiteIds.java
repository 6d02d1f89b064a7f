package org.tc260watch.scraper.parse;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The site's own item ids (docs/tc260-site.md §6.4). */
public final class SiteIds {

    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern TIMESTAMP14 = Pattern.compile("(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])"
            + "([01]\\d|2[0-3])[0-5]\\d[0-5]\\d");

    private SiteIds() {
    }

    /** A 32-hex UUID without dashes (portal and .shtml content), lower-cased. */
    public static Optional<String> hex32(String text) {
        String t = text == null ? "" : text.trim();
        return HEX32.matcher(t).matches() ? Optional.of(t.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** A 14-digit {@code YYYYMMDDhhmmss} id (legacy and migrated content). */
    public static Optional<String> timestamp14(String text) {
        String t = text == null ? "" : text.trim();
        return TIMESTAMP14.matcher(t).matches() ? Optional.of(t) : Optional.empty();
    }
}
