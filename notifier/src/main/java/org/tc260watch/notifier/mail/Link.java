package org.tc260watch.notifier.mail;

import java.util.Locale;

/**
 * A link in a mail. Only http(s) URLs become anchors in HTML ({@link #web()}): a scraped {@code javascript:} URL stays
 * text.
 *
 * @param text what the reader sees (the URL itself, or a document's name)
 */
public record Link(String text, String url) {

    public boolean web() {
        String u = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://");
    }

    /** {@code text: url}, or the URL alone when it is its own text. */
    public String line() {
        return text == null || text.equals(url) ? url : text + ": " + url;
    }
}
