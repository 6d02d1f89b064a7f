package org.tc260watch.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON Schemas ({@code /schemas/*.json} in the events jar), loaded once, for tests of any module (this
 * module's test-jar): validation as strict as a careful consumer's, with {@code format} asserted too.
 */
public final class EventSchemas {

    public static final String SNAPSHOT = "snapshot.v1.json";
    public static final String CHANGE = "change.v1.json";
    public static final String SCRAPE_RUN = "scrape-run.v1.json";
    public static final List<String> ALL = List.of(SNAPSHOT, CHANGE, SCRAPE_RUN);

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema file {@code name} (e.g. {@link #CHANGE}). */
    public static Schema schema(String name) {
        return LOADED.computeIfAbsent(name, EventSchemas::load);
    }

    /** The errors of {@code json} against schema {@code name}; empty when valid. Asserts "format" too (2020-12 makes it an annotation by default). */
    public static List<Error> validate(String name, JsonNode json) {
        return schema(name).validate(json, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    }

    private static Schema load(String name) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema /schemas/" + name + " on the class path");
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
