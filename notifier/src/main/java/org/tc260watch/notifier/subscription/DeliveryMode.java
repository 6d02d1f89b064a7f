package org.tc260watch.notifier.subscription;

/** How often a subscriber is mailed: each change at once, or one digest per day or week. */
public enum DeliveryMode {
    INSTANT,
    DAILY,
    WEEKLY
}
