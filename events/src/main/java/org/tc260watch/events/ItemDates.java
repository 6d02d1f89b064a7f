package org.tc260watch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** Dates found for an item; any may be unknown (null). Dates are China-local calendar dates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemDates(LocalDate published, LocalDate commentStart, LocalDate commentEnd, LocalDate implementation) {

    public static final ItemDates NONE = new ItemDates(null, null, null, null);
}
