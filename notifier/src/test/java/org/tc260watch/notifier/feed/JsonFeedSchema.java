package org.tc260watch.notifier.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON Schema of JSON Feed 1.1 in the test resources ({@code feed/jsonfeed-1.1.schema.json}). */
public final class JsonFeedSchema {

    private static final Schema SCHEMA = load();

    private JsonFeedSchema() {
    }

    /** @return the schema's complaints, empty when the document is a JSON Feed 1.1; "format" is asserted too */
    public static List<Error> violations(JsonNode feed) {
        return SCHEMA.validate(feed, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    }

    private static Schema load() {
        try (InputStream in = JsonFeedSchema.class.getResourceAsStream("/feed/jsonfeed-1.1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
