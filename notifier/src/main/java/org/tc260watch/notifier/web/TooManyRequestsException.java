package org.tc260watch.notifier.web;

import java.time.Duration;

/** A client is over a rate limit; answered 429 with {@code Retry-After} and the message as {@link ApiError#error()}. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** When the limit lets the next request through. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
