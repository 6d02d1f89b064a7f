package org.tc260watch.notifier.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every API failure answers with an {@link ApiError} body, never an HTML page or an empty body. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(UnknownResourceException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    /** Malformed or mistyped JSON in a request body. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return error(Response.Status.BAD_REQUEST, "malformed JSON body: " + e.getOriginalMessage());
    }

    /** Valid JSON of the wrong shape; Quarkus has its own (empty-bodied) mapper for exactly this type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // Quarkus wraps JSON syntax errors of a request body in a 400 WebApplicationException.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String message = e.getMessage() == null ? status.getReasonPhrase() : e.getMessage();
        return error(status, message);
    }

    private static Response error(Response.StatusType status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message)).build();
    }
}
