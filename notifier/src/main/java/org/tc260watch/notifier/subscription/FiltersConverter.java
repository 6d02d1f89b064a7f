package org.tc260watch.notifier.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Filters are stored as one JSON column: they are read and written whole, never queried by SQL. */
@Converter
public class FiltersConverter implements AttributeConverter<Filters, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(Filters filters) {
        try {
            return JSON.writeValueAsString(filters == null ? Filters.NONE : filters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write filters", e);
        }
    }

    @Override
    public Filters convertToEntityAttribute(String json) {
        if (json == null || json.isBlank()) {
            return Filters.NONE;
        }
        try {
            return JSON.readValue(json, Filters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable filters in the database: " + json, e);
        }
    }
}
