package org.tc260watch.notifier.delivery;

import java.util.Map;

/**
 * One email, ready to go: a plain-text body, optionally an HTML alternative, and extra headers (such as
 * {@code List-Unsubscribe}).
 *
 * @param reference a stable name of what is sent (the delivery id), used e.g. in file names
 * @param html      the HTML alternative, or null for a text-only mail
 * @param headers   extra headers, in order
 */
public record OutgoingMail(String reference, String to, String subject, String text, String html,
        Map<String, String> headers) {

    public OutgoingMail {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    /** A text-only mail without extra headers. */
    public OutgoingMail(String reference, String to, String subject, String text) {
        this(reference, to, subject, text, null, Map.of());
    }
}
