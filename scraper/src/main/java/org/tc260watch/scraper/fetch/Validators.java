package org.tc260watch.scraper.fetch;

/**
 * What the site said identifies a version of a page: sent back as {@code If-None-Match} / {@code If-Modified-Since}
 * so an unchanged page costs a 304 and no body.
 *
 * @param etag         the {@code ETag} header, null when absent
 * @param lastModified the {@code Last-Modified} header, null when absent
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
