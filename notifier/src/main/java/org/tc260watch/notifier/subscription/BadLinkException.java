package org.tc260watch.notifier.subscription;

/**
 * A link's token that leads to no subscription: forged, mangled, for another purpose, or naming no subscription
 * (answered 400), or genuine but past its expiry (answered 410, so the page can say what to do).
 */
public class BadLinkException extends RuntimeException {

    private final boolean expired;

    BadLinkException(boolean expired) {
        super(expired ? "this link has expired" : "this link is not valid");
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
