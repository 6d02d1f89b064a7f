package org.tc260watch.scraper.poll;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.tc260watch.scraper.config.ScraperConfig;
import org.tc260watch.scraper.publish.PublishException;

/**
 * Polls every {@code tc260.poll-interval}, each time after a random pause of up to {@code tc260.poll-jitter} of the
 * interval, so the site does not see us at the same second every time. A failed poll is logged and the next one
 * tries again.
 */
@ApplicationScoped
public class ScheduledPoll {

    /** The scheduled job's identity. */
    public static final String IDENTITY = "tc260-poll";

    private static final Logger LOG = Logger.getLogger(ScheduledPoll.class);
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final double MAX_JITTER = 0.5;

    @Inject
    Poller poller;

    @Inject
    ScraperConfig config;

    @Scheduled(identity = IDENTITY, every = "${tc260.poll-interval}", delayed = "${tc260.poll-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        Duration jitter = jitter(config.pollInterval(), config.pollJitter());
        if (!jitter.isZero()) {
            try {
                Thread.sleep(jitter.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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

    /** A random pause in [0, fraction × interval]; zero when the interval cannot be read or the fraction is 0. */
    static Duration jitter(String interval, double fraction) {
        double f = Math.max(0, Math.min(MAX_JITTER, fraction));
        Optional<Duration> every = parseInterval(interval);
        if (f == 0 || every.isEmpty()) {
            return Duration.ZERO;
        }
        long max = (long) (every.get().toMillis() * f);
        return max <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(max + 1));
    }

    /** The scheduler's {@code every} syntax: {@code 30m}, {@code 4h}, {@code 10s}, or ISO-8601 {@code PT30M}. */
    static Optional<Duration> parseInterval(String interval) {
        String value = interval.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
