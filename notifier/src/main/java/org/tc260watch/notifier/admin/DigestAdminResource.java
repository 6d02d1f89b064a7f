package org.tc260watch.notifier.admin;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.tc260watch.notifier.digest.DigestScheduler;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.web.InvalidRequestException;

/** Makes a digest run now instead of at the scheduled time (operators, tests). Behind {@link AdminAuthFilter}. */
@Path("/admin/digests")
@Produces(MediaType.APPLICATION_JSON)
public class DigestAdminResource {

    private final DigestScheduler scheduler;

    public DigestAdminResource(DigestScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** {@code POST /admin/digests/run?period=DAILY|WEEKLY} → {@code {"period", "date", "digests"}}. */
    @POST
    @Path("run")
    public DigestScheduler.Result run(@QueryParam("period") String period) {
        DeliveryMode mode;
        try {
            mode = DeliveryMode.valueOf(period == null ? "" : period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            mode = null;
        }
        if (mode == null || mode == DeliveryMode.INSTANT) {
            throw new InvalidRequestException("period must be DAILY or WEEKLY, got '" + period + "'");
        }
        return scheduler.runNow(mode);
    }
}
