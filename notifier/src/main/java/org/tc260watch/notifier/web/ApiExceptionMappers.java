package org.tc260watch.notifier.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.CharConversionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.stream.Collectors;
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

    /**
     * Bytes that are not text in the encoding Jackson detects (it reads UTF-32 from some byte patterns): an
     * IOException, not a JsonProcessingException, so Quarkus' reader lets it through as a 500 without this.
     */
    @ServerExceptionMapper
    public Response undecodableJson(CharConversionException e) {
        return error(Response.Status.BAD_REQUEST, "malformed JSON body: " + e.getMessage());
    }

    /** Valid JSON of the wrong shape; Quarkus has its own (empty-bodied) mapper for exactly this type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** A property a strictly read body ({@link StrictJson}) does not have, named with its path. */
    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull).collect(Collectors.joining("."));
        String known = e.getKnownPropertyIds() == null ? ""
                : e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        return error(Response.Status.BAD_REQUEST, "unknown property '" + path + "'; known here: " + known);
    }

    /** Too many requests: answered 429 with {@code Retry-After} in whole seconds. */
    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.status(Response.Status.TOO_MANY_REQUESTS).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", seconds).entity(new ApiError(e.getMessage())).build();
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
