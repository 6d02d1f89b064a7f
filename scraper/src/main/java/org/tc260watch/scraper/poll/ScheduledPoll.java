package org.tc260watch.scraper.poll;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.tc260watch.scraper.publish.PublishException;

/** Polls every {@code tc260.poll-interval}; a failed poll is logged and the next one tries again. */
@ApplicationScoped
public class ScheduledPoll {

    private static final Logger LOG = Logger.getLogger(ScheduledPoll.class);

    @Inject
    Poller poller;

    @Scheduled(identity = "tc260-poll", every = "${tc260.poll-interval}", delayed = "${tc260.poll-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            poller.poll(Duration.ZERO);
        } catch (PollInProgressException e) {
            LOG.info("Scheduled poll skipped: a poll started from the admin endpoint is still running");
        } catch (PublishException e) {
            LOG.errorf("Scheduled poll not delivered: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Scheduled poll failed", e);
        }
    }
}
