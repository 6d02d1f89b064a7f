package org.tc260watch.scraper.poll;

/** Another poll is running; polls never overlap, so that requests to the site stay one at a time. */
public class PollInProgressException extends Exception {

    public PollInProgressException() {
        super("a poll is already running");
    }
}
