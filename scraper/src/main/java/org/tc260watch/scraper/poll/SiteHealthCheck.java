package org.tc260watch.scraper.poll;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;

/**
 * Can the scraper see the site? A <em>wellness</em> check ({@code /q/health/well}, also in {@code /q/health}),
 * deliberately not liveness or readiness: a blind scraper must not be restarted or taken out of service by an
 * orchestrator (neither helps; the site changed), but an operator must see it. DOWN when the last poll was blind or
 * every run of it FAILED; the data tell the live generation and each source's last verdict.
 */
@Wellness
@ApplicationScoped
public class SiteHealthCheck implements HealthCheck {

    static final String NAME = "tc260-site";

    @Inject
    GenerationWatch watch;

    @Override
    public HealthCheckResponse call() {
        GenerationWatch.Verdict last = watch.last();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (last == null) {
            return response.up().withData("status", "no poll yet").build();
        }
        boolean allFailed = !last.runs().isEmpty() && last.runs().stream().allMatch(r -> r.health() == Health.FAILED);
        String status = last.blind() ? "blind" : allFailed ? "failing" : "watching";
        response.status(!last.blind() && !allFailed)
                .withData("status", status)
                .withData("generation", GenerationWatch.describe(last.live()))
                .withData("lastPoll", last.at().toString());
        if (last.note() != null) {
            response.withData("note", last.note());
        }
        for (ScrapeRun run : last.runs()) {
            response.withData(run.source(), run.health() + (run.reason() == null ? "" : ": " + run.reason()));
        }
        return response.build();
    }
}
