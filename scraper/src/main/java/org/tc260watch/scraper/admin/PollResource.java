package org.tc260watch.scraper.admin;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.tc260watch.scraper.poll.PollInProgressException;
import org.tc260watch.scraper.poll.Poller;
import org.tc260watch.scraper.publish.PublishException;

/** Runs one poll now, synchronously: for operators and for tests that cannot wait for the schedule. */
@Path("/admin/poll")
public class PollResource {

    private static final String BEARER = "Bearer ";
    /** A scheduled poll that is running is waited for this long before the request gives up. */
    private static final Duration WAIT_FOR_RUNNING_POLL = Duration.ofMinutes(2);

    @Inject
    AdminToken adminToken;

    @Inject
    Poller poller;

    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Response poll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tc260-watch scraper\"")
                    .entity(new AdminError("unauthorized", "send Authorization: Bearer <ADMIN_TOKEN>"))
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        }
        if (!adminToken.accepts(authorization.substring(BEARER.length()).trim())) {
            return error(Response.Status.FORBIDDEN, "forbidden", "wrong admin token");
        }
        try {
            return Response.ok(new PollReport(poller.poll(WAIT_FOR_RUNNING_POLL))).build();
        } catch (PublishException e) {
            return error(Response.Status.SERVICE_UNAVAILABLE, "kafka-unavailable", e.getMessage());
        } catch (PollInProgressException e) {
            return error(Response.Status.CONFLICT, "poll-in-progress", e.getMessage());
        }
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).entity(new AdminError(code, message)).type(MediaType.APPLICATION_JSON).build();
    }
}
