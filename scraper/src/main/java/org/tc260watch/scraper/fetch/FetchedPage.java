package org.tc260watch.scraper.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;

/**
 * A page as received.
 *
 * @param requested   the URL asked for
 * @param url         the URL finally answered (after same-host redirects)
 * @param status      HTTP status of the final answer
 * @param contentType the {@code Content-Type} header, empty when absent
 * @param charset     the charset the body was decoded with
 * @param body        the decoded body
 * @param bytes       body bytes received on the wire, over all redirects
 * @param fetchedAt   when the answer was complete
 */
public record FetchedPage(
        URI requested, URI url, int status, String contentType, Charset charset, String body, long bytes,
        Instant fetchedAt) {

    /** True when the answer claims to be HTML (or says nothing, as some old servers do). */
    public boolean isHtml() {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/html") || type.startsWith("application/xhtml");
    }
}
