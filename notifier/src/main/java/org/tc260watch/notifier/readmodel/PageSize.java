package org.tc260watch.notifier.readmodel;

import org.tc260watch.notifier.web.InvalidRequestException;

/** The {@code limit} parameter of every list and feed: 1..{@value #MAX}, {@value #DEFAULT} when absent. */
public final class PageSize {

    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private PageSize() {
    }

    /** @throws InvalidRequestException when it is not a whole number from 1 to {@value #MAX} */
    public static int parse(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit must be a whole number from 1 to " + MAX + ", got '" + limit + "'");
    }
}
