package org.tc260watch.notifier.web;

/** A resource the client named does not exist; answered 404 with the message as {@link ApiError#error()}. */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String message) {
        super(message);
    }
}
