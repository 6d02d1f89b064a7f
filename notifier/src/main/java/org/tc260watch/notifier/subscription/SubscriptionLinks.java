package org.tc260watch.notifier.subscription;

import java.net.URI;

/**
 * The signed links a subscriber receives. Implemented with HMAC tokens ({@code notifier.tokens.*}); every mail
 * carries {@link #manage} and {@link #unsubscribe}.
 */
public interface SubscriptionLinks {

    /** Confirms a pending subscription (double opt-in); expires after {@code notifier.tokens.confirm-ttl}. */
    URI confirm(Subscription subscription);

    /** Shows the subscription and lets the subscriber change filters or delete it. */
    URI manage(Subscription subscription);

    /**
     * One-click unsubscribe (RFC 8058): a POST with body {@code List-Unsubscribe=One-Click} unsubscribes, a GET shows a
     * confirmation page. Goes in every alert's {@code List-Unsubscribe} header.
     */
    URI unsubscribe(Subscription subscription);
}
