package org.tc260watch.notifier.subscription;

/** Lifecycle of a subscription: PENDING until the address owner confirms, then ACTIVE until unsubscribed. */
public enum SubscriptionStatus {
    /** Waiting for the confirmation link to be followed; receives nothing but the confirmation mail. */
    PENDING,
    /** Receives an email for every change. */
    ACTIVE,
    /** Receives nothing; subscribing again re-activates it. */
    UNSUBSCRIBED
}
