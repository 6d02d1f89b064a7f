package org.tc260watch.notifier.digest;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.delivery.DeliverySender;
import org.tc260watch.notifier.monitoring.NotifierMetrics;
import org.tc260watch.notifier.storage.Durability;
import org.tc260watch.notifier.subscription.DeliveryMode;

/**
 * Makes the digest runs when they are due ({@code notifier.digest.*}), and on an admin's request. Checked every
 * {@code check-interval}: a run missed while the service was down is made at the next check.
 */
@ApplicationScoped
public class DigestScheduler {

    private static final Logger LOG = Logger.getLogger(DigestScheduler.class);

    private final DigestOutbox digests;
    private final DeliverySender sender;
    private final Durability durability;
    private final NotifierMetrics metrics;
    private final Clock clock;
    private final DigestSchedule schedule;

    public DigestScheduler(DigestOutbox digests, DeliverySender sender, Durability durability, NotifierMetrics metrics,
            Clock clock, NotifierConfig config) {
        this.digests = digests;
        this.sender = sender;
        this.durability = durability;
        this.metrics = metrics;
        this.clock = clock;
        this.schedule = new DigestSchedule(config.digest().time(), config.digest().zone(), config.digest().weekday());
    }

    @Scheduled(every = "${notifier.digest.check-interval}", identity = "digest-scheduler",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Instant now = clock.instant();
        for (DeliveryMode period : new DeliveryMode[] {DeliveryMode.DAILY, DeliveryMode.WEEKLY}) {
            try {
                run(schedule.latestDue(period, now), now);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Digest run %s failed; the next check retries", period);
            }
        }
    }

    /** A run now, out of schedule: today's (this week's) digests with everything stored until now. */
    public Result runNow(DeliveryMode period) {
        Instant now = clock.instant();
        DigestSchedule.Run run = schedule.now(period, now);
        return new Result(period, run.date().toString(), run(run, now));
    }

    /** What a run did. */
    public record Result(DeliveryMode period, String date, int digests) {
    }

    private synchronized int run(DigestSchedule.Run run, Instant now) {
        int made = digests.collect(run, now);
        if (made > 0) {
            durability.flush();
            LOG.infof("Digest run %s %s: %d digests", run.period(), run.date(), made);
            metrics.digestRun(run.period(), made);
            sender.wake();
        }
        return made;
    }
}
