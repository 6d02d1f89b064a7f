package org.tc260watch.scraper.publish;

/** Kafka did not acknowledge what a poll published; the poll's results are not known to have arrived. */
public class PublishException extends Exception {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
