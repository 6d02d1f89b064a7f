package org.tc260watch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The kinds of change the differ emits; the wire name is also the CloudEvents type suffix. */
public enum ChangeType {
    STANDARD_ADDED("standard.added"),
    STAGE_CHANGED("standard.stage-changed"),
    PUBLISHED("standard.published"),
    DEADLINE_CHANGED("standard.deadline-changed"),
    TITLE_CHANGED("standard.title-changed"),
    DOCUMENT_UPDATED("standard.document-updated"),
    COMMENT_PERIOD_CLOSING("comment-period.closing"),
    COMMENT_PERIOD_CLOSED("comment-period.closed"),
    WITHDRAWN("standard.withdrawn"),
    SOURCE_HEALTH_CHANGED("source.health-changed"),
    SOURCE_BASELINED("source.baselined");

    private final String wireName;

    ChangeType(String wireName) {
        this.wireName = wireName;
    }

    /** True for changes about a source (page type) of the site rather than about a standard. */
    public boolean aboutSource() {
        return this == SOURCE_HEALTH_CHANGED || this == SOURCE_BASELINED;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ChangeType fromWireName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(name) || t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown change type: " + name));
    }
}
