package org.tc260watch.scraper.poll;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness ({@code /q/health/live}): the scheduler runs, and no poll has been running for longer than
 * {@code tc260.health.stale-after}. Every request has time limits, so such a poll hangs; a restart frees it. The state
 * of the site never makes this DOWN (see {@link SiteHealthCheck}).
 */
@Liveness
@ApplicationScoped
public class SchedulerLivenessCheck implements HealthCheck {

    static final String NAME = "tc260-scheduler";

    @Inject
    Scheduler scheduler;

    @Inject
    Poller poller;

    @Inject
    DeliveredPolls polls;

    @Override
    public HealthCheckResponse call() {
        Instant now = Instant.now();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        boolean running = scheduler.isRunning();
        response.withData("scheduler", running ? "running" : scheduler.isStarted() ? "paused" : "stopped");
        Trigger job = scheduler.getScheduledJob(ScheduledPoll.IDENTITY);
        if (job != null && job.getNextFireTime() != null) {
            response.withData("nextPoll", job.getNextFireTime().toString());
        }
        Instant since = poller.runningSince();
        boolean hung = false;
        if (since != null) {
            response.withData("pollRunningSince", since.toString());
            hung = polls.staleAfter().map(limit -> Duration.between(since, now).compareTo(limit) > 0).orElse(false);
        }
        return response.status(running && !hung).build();
    }
}
