package org.tc260watch.notifier.subscription;

/** Lifecycle of a subscription. Double opt-in will add a state before ACTIVE. */
public enum SubscriptionStatus {
    /** Receives an email for every change. */
    ACTIVE,
    /** Receives nothing; subscribing again re-activates it. */
    UNSUBSCRIBED
}
