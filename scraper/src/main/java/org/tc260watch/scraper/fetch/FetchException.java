package org.tc260watch.scraper.fetch;

import java.net.URI;
import java.util.OptionalInt;

/** A page could not be read: connection, timeout, HTTP status, size, redirect, host or robots.txt problem. */
public class FetchException extends Exception {

    /** Why a fetch failed, which decides whether it is retried and whether it says the site is in trouble. */
    public enum Kind {
        /** Connection refused: nobody listens. Not retried (the site is down, not busy). */
        REFUSED(false, true),
        /** Connect or answer time limit reached. */
        TIMEOUT(true, true),
        /** The connection closed without (a complete) answer, as the site does to some foreign clients. */
        DROPPED(true, true),
        /** An HTTP status that is no page; 5xx and 429 are retried and count as trouble, 4xx do not. */
        HTTP_STATUS(false, false),
        /** Larger than the body cap. */
        TOO_LARGE(false, false),
        /** A redirect we do not follow (another host, too many, no Location). */
        REDIRECT(false, false),
        /** Another host than the configured site, or a path robots.txt disallows: never requested. */
        NOT_ALLOWED(false, false),
        /** robots.txt could not be read (5xx, timeout): nothing is fetched until it can. */
        ROBOTS_UNAVAILABLE(false, true),
        /** The poll stopped asking a site that failed too many requests in a row. */
        SKIPPED(false, true),
        OTHER(false, false);

        private final boolean retryable;
        private final boolean siteTrouble;

        Kind(boolean retryable, boolean siteTrouble) {
            this.retryable = retryable;
            this.siteTrouble = siteTrouble;
        }
    }

    private final URI url;
    private final Integer status;
    private final Kind kind;

    public FetchException(URI url, String message) {
        this(url, message, null, null);
    }

    public FetchException(URI url, String message, Integer status, Throwable cause) {
        this(url, message, status, cause, status == null ? Kind.OTHER : Kind.HTTP_STATUS);
    }

    public FetchException(URI url, String message, Integer status, Throwable cause, Kind kind) {
        super(message, cause);
        this.url = url;
        this.status = status;
        this.kind = kind;
    }

    public URI url() {
        return url;
    }

    /** The HTTP status when the site answered with an unusable one. */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    public Kind kind() {
        return kind;
    }

    /** Worth another attempt after a pause: 5xx, 429, timeouts, dropped connections. */
    public boolean retryable() {
        if (kind == Kind.HTTP_STATUS) {
            return status != null && isRetryableStatus(status);
        }
        return kind.retryable;
    }

    /** Says the site is failing (as opposed to this one page being unusable): counts towards a failure streak. */
    public boolean siteTrouble() {
        if (kind == Kind.HTTP_STATUS) {
            return status != null && isRetryableStatus(status);
        }
        return kind.siteTrouble;
    }

    static boolean isRetryableStatus(int status) {
        return status == 429 || (status >= 500 && status != 501 && status != 505);
    }
}
