package org.tc260watch.scraper.admin;

/** Error answer of the admin endpoints: a stable code and a human message. */
public record AdminError(String error, String message) {
}
