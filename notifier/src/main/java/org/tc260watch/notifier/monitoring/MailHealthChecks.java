package org.tc260watch.notifier.monitoring;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Mail in the health endpoints. A mail server that is down never makes the notifier unready: it still stores changes,
 * serves the feeds, pages and API, takes subscriptions and keeps every mail in the outbox until the server is back.
 * Taking it out of its Service would cut off all of that and fix nothing (and a failing liveness would restart it in a
 * loop). So readiness carries a {@value #READINESS} check that is always UP and says in its details how the mail server
 * is and how long the backlog is, while the {@value #GROUP} group ({@code /q/health/group/mail}) is DOWN (503) as long as
 * the server is: that is the one to alert on.
 */
@ApplicationScoped
public class MailHealthChecks {

    public static final String READINESS = "Mail outbox";
    public static final String GROUP = "mail";
    public static final String SERVER = "Mail server";

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck outbox(MailServerWatch server, OutboxStats outbox) {
        return () -> {
            HealthCheckResponseBuilder health = HealthCheckResponse.named(READINESS).up();
            server.describeTo(health);
            outbox.describeTo(health);
            return health.build();
        };
    }

    @Produces
    @HealthGroup(GROUP)
    @ApplicationScoped
    HealthCheck server(MailServerWatch server) {
        return () -> {
            // Not known yet (the first probe runs right after start): not reported as an outage.
            HealthCheckResponseBuilder health = HealthCheckResponse.named(SERVER)
                    .status(server.state().status() != MailServerWatch.Status.DOWN);
            server.describeTo(health);
            return health.build();
        };
    }
}
