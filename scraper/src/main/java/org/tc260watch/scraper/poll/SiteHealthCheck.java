package org.tc260watch.scraper.poll;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;

/**
 * Is this scraper doing its job? Readiness ({@code /q/health/ready}): UP while its polls are delivered and some
 * source reads the site, by the rule of {@link Freshness}. A blind scraper, or one facing a site that is down, stays
 * ready for {@code tc260.health.stale-after}, so a short outage does not flap it, and is never restarted (liveness
 * stays UP: restarting cannot make it see). The data say at once what the last poll found ({@code site}: watching,
 * failing, blind) and each watched source's last run: time, health, reason and item count.
 */
@Readiness
@ApplicationScoped
public class SiteHealthCheck implements HealthCheck {

    static final String NAME = "tc260-site";

    @Inject
    GenerationWatch watch;

    @Inject
    DeliveredPolls polls;

    @Override
    public HealthCheckResponse call() {
        Freshness freshness = polls.freshness(Instant.now());
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(freshness.status().ready())
                .withData("status", freshness.status().name().toLowerCase(java.util.Locale.ROOT))
                .withData("reason", freshness.reason());
        polls.staleAfter().ifPresent(limit -> response.withData("staleAfter", limit.toString()));
        if (polls.lastPoll() != null) {
            response.withData("lastPoll", polls.lastPoll().toString());
        }
        GenerationWatch.Verdict last = watch.last();
        if (last != null) {
            response.withData("site", siteStatus(last))
                    .withData("generation", GenerationWatch.describe(last.live()));
            if (last.note() != null) {
                response.withData("note", last.note());
            }
        }
        for (Map.Entry<String, DeliveredPolls.SourceStatus> e : polls.watched().entrySet()) {
            String source = e.getKey();
            ScrapeRun run = e.getValue().lastRun();
            response.withData(source + ".health", run.health().name())
                    .withData(source + ".lastRun", run.finishedAt().toString())
                    .withData(source + ".items", run.items())
                    .withData(source + ".lastRead", e.getValue().lastRead() == null ? "never since start-up"
                            : e.getValue().lastRead().toString());
            if (run.reason() != null) {
                response.withData(source + ".reason", run.reason());
            }
        }
        return response.build();
    }

    /** What the last poll saw of the site, whether or not it was delivered. */
    static String siteStatus(GenerationWatch.Verdict last) {
        boolean allFailed = !last.runs().isEmpty() && last.runs().stream().allMatch(r -> r.health() == Health.FAILED);
        return last.blind() ? "blind" : allFailed ? "failing" : "watching";
    }
}
