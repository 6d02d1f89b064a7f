package org.tc260watch.notifier.readmodel;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of {@code /api/changes} and every change feed, as query parameters ({@code @BeanParam}): OR within one
 * parameter, AND across them.
 */
public class ChangeFilterParams {

    @QueryParam("type")
    @Parameter(description = "Change types, wire or enum names (standard.published, PUBLISHED); repeat or comma-separate")
    public List<String> type;

    @QueryParam("kind")
    @Parameter(description = "Item kinds (COMMENT_DRAFT_NOTICE, PUBLICATION_ANNOUNCEMENT, …); repeat or comma-separate")
    public List<String> kind;

    @QueryParam("stage")
    @Parameter(description = "The stage after the change (COMMENT_DRAFT, PUBLISHED, …); repeat or comma-separate")
    public List<String> stage;

    @QueryParam("topic")
    @Parameter(description = "Topic tags (ai-safety, data-security, …); repeat or comma-separate")
    public List<String> topic;

    @QueryParam("q")
    @Parameter(description = "Text found in a title, former title, identifier or key (at most 200 characters)")
    public String q;

    /** @throws org.tc260watch.notifier.web.InvalidRequestException (400) for an unknown value */
    public ChangeFilter filter() {
        return ChangeFilter.of(type, kind, stage, topic, q);
    }
}
