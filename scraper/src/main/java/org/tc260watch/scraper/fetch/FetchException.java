package org.tc260watch.scraper.fetch;

import java.net.URI;
import java.util.OptionalInt;

/** A page could not be read: connection, timeout, HTTP status, size or redirect problem. */
public class FetchException extends Exception {

    private final URI url;
    private final Integer status;

    public FetchException(URI url, String message) {
        this(url, message, null, null);
    }

    public FetchException(URI url, String message, Integer status, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.status = status;
    }

    public URI url() {
        return url;
    }

    /** The HTTP status when the site answered with an unusable one. */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
