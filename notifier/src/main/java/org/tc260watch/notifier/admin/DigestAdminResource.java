package org.tc260watch.notifier.admin;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tc260watch.notifier.digest.DigestScheduler;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.web.ApiError;
import org.tc260watch.notifier.web.InvalidRequestException;

/** Makes a digest run now instead of at the scheduled time (operators, tests). Behind {@link AdminAuthFilter}. */
@Path("/admin/digests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = AdminToken.SCHEME)
@APIResponse(responseCode = "401", description = "No or a wrong admin token")
public class DigestAdminResource {

    private final DigestScheduler scheduler;

    public DigestAdminResource(DigestScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** {@code POST /admin/digests/run?period=DAILY|WEEKLY} → {@code {"period", "date", "digests"}}. */
    @POST
    @Path("run")
    @Operation(summary = "Run the daily or weekly digests now")
    @APIResponse(responseCode = "200", description = "The period, the day and how many digests were made")
    @APIResponse(responseCode = "400", description = "period is not DAILY or WEEKLY", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public DigestScheduler.Result run(
            @Parameter(description = "DAILY or WEEKLY", required = true) @QueryParam("period") String period) {
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
