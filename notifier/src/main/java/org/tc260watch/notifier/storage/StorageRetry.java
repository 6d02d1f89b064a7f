package org.tc260watch.notifier.storage;

import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.delivery.RetryBackoff;

/**
 * Retries a store of a consumed record in place until the database takes it (the partition waits), then makes it
 * durable. For records that are fine but cannot be stored because the database fails: dead-lettering them would lose
 * them, skipping them would leave a gap. The consumer's offset is committed only after this returns.
 */
public final class StorageRetry {

    private static final Logger LOG = Logger.getLogger(StorageRetry.class);

    /** Quick at first, then at most once a minute while the database is down. */
    public static final RetryBackoff DEFAULT_BACKOFF = new RetryBackoff(Duration.ofMillis(500), Duration.ofMinutes(1));

    private final Durability durability;
    private final RetryBackoff backoff;

    public StorageRetry(Durability durability, RetryBackoff backoff) {
        this.durability = durability;
        this.backoff = backoff;
    }

    /**
     * @param what  names the record in log lines
     * @param store one transaction
     * @return what the store returned, once committed and flushed
     */
    public <T> T untilStored(String what, Supplier<T> store) {
        for (int failures = 1; ; failures++) {
            try {
                T result = store.get();
                durability.flush();
                return result;
            } catch (RuntimeException e) {
                Duration wait = backoff.delayAfter(failures);
                LOG.errorf("Cannot store %s, attempt %d: %s; retrying in %s", what, failures, e, wait);
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    // Shutting down: the offset is not committed, so the record is read again on restart.
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while storing " + what, interrupted);
                }
            }
        }
    }
}
