package org.tc260watch.notifier.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.lang.reflect.Type;
import java.util.function.BiFunction;

/**
 * Reads a request body refusing unknown properties and trailing content, for {@code @CustomDeserialization}: the
 * shared mapper ignores unknown properties (event JSON must tolerate newer producers), but a client that misspells
 * {@code "filters"} must hear so instead of silently getting no filters.
 */
public class StrictJson implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        return mapper.readerFor(mapper.constructType(type))
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
