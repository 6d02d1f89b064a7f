package org.tc260watch.notifier.web;

/** A request the client must fix; answered 400 with the message as {@link ApiError#error()}. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
