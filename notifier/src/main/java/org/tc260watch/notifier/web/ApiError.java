package org.tc260watch.notifier.web;

/** The body of every error answer of the API: {@code {"error": "..."}}. */
public record ApiError(String error) {
}
