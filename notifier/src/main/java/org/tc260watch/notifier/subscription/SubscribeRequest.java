package org.tc260watch.notifier.subscription;

/** Body of {@code POST /api/subscriptions}. */
public record SubscribeRequest(String email) {
}
