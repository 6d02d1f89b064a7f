package org.tc260watch.notifier.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tc260watch.notifier.web.ApiError;

/** Every {@code /admin} request needs {@code Authorization: Bearer <ADMIN_TOKEN>} ({@link AdminToken}), else 401. */
public class AdminAuthFilter {

    private static final String BEARER = "Bearer ";

    private final AdminToken token;

    public AdminAuthFilter(AdminToken token) {
        this.token = token;
    }

    @ServerRequestFilter
    public Optional<Response> authorize(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/admin") && !path.startsWith("/admin/")) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        if (bearer && token.accepts(authorization.substring(BEARER.length()).strip())) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tc260-watch notifier\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(bearer ? "wrong admin token" : "send Authorization: Bearer <ADMIN_TOKEN>"))
                .build());
    }
}
