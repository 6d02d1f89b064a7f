package org.tc260watch.notifier.mail;

/** One "label: value" line of a mail. */
public record Fact(String label, String value) {
}
