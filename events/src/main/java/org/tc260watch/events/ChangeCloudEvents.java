package org.tc260watch.events;

import java.util.List;

/**
 * How a {@link ChangeEvent} travels on {@link Topics#CHANGES}: a CloudEvent 1.0 in the Kafka protocol binding's binary
 * mode. The record value is the change's JSON ({@link EventJson}, schema {@code /schemas/change.v1.json}) and the
 * CloudEvents attributes are headers; the record key is the standard key. Described for consumers in
 * {@code docs/kafka-contract.md}.
 */
public final class ChangeCloudEvents {

    public static final String SPEC_VERSION = "1.0";
    /** Reverse-DNS prefix of every {@code ce_type}: {@code org.tc260watch.standard.added}, … */
    public static final String TYPE_PREFIX = "org.tc260watch.";
    /**
     * {@code ce_source} of every change: the differ, the one producer of the topic. A URN, not a URL: it names the
     * producer and must not differ between installations.
     */
    public static final String SOURCE = "urn:tc260-watch:differ";
    /**
     * {@code ce_dataschema}: the {@code $id} of {@code change.v1.json}, shipped in the events jar at
     * {@code /schemas/change.v1.json}. A URN rather than an http URL because no host serves the schema for every
     * installation; it names the schema, and {@code v1} changes only additively.
     */
    public static final String DATA_SCHEMA = "urn:tc260-watch:schemas:change.v1.json";
    public static final String CONTENT_TYPE = "application/json";

    /** Kafka header names of the binary mode (CloudEvents Kafka protocol binding: {@code ce_} + attribute name). */
    public static final String SPEC_VERSION_HEADER = "ce_specversion";
    public static final String ID_HEADER = "ce_id";
    public static final String TYPE_HEADER = "ce_type";
    public static final String SOURCE_HEADER = "ce_source";
    public static final String SUBJECT_HEADER = "ce_subject";
    public static final String TIME_HEADER = "ce_time";
    public static final String DATA_SCHEMA_HEADER = "ce_dataschema";
    /** {@code datacontenttype} maps to the plain {@code content-type} header, without the prefix. */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    /** Every header a change record carries. */
    public static final List<String> HEADERS = List.of(SPEC_VERSION_HEADER, ID_HEADER, TYPE_HEADER, SOURCE_HEADER,
            SUBJECT_HEADER, TIME_HEADER, DATA_SCHEMA_HEADER, CONTENT_TYPE_HEADER);

    private ChangeCloudEvents() {
    }

    /** The {@code ce_type} of a change type: {@link #TYPE_PREFIX} + its wire name. */
    public static String type(ChangeType type) {
        return TYPE_PREFIX + type.wireName();
    }
}
