package org.tc260watch.notifier.testing;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the tests that publish changes to the test broker: one producer per class, a patience, unique tags. */
public abstract class ChangeTopicBase {

    protected static final Duration PATIENCE = Duration.ofSeconds(45);
    protected static ChangeProducer producer;

    @BeforeAll
    static void connect() {
        producer = new ChangeProducer();
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    /** A tag that keeps one test's standards, titles and addresses apart from the others'. */
    protected static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L);
    }
}
