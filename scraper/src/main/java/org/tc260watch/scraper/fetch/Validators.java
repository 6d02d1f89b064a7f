package org.tc260watch.scraper.fetch;

import java.net.URI;

/**
 * What the site said identifies a version of a page: sent back as {@code If-None-Match} / {@code If-Modified-Since}
 * so an unchanged page costs a 304 and no body.
 *
 * @param etag         the {@code ETag} header, null when absent
 * @param lastModified the {@code Last-Modified} header, null when absent
 * @param url          the URL that answered with them, null: any. They are sent to that URL only: after a redirect to
 *                     another page, a 304 to another page's {@code If-Modified-Since} would pass that page off as the
 *                     version held.
 */
public record Validators(String etag, String lastModified, URI url) {

    public static final Validators NONE = new Validators(null, null, null);

    /** Validators valid for whatever URL they are sent to. */
    public Validators(String etag, String lastModified) {
        this(etag, lastModified, null);
    }

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    /** These validators, if they may be sent to {@code target}; else {@link #NONE}. */
    Validators forUrl(URI target) {
        return url == null || url.equals(target) ? this : NONE;
    }
}
