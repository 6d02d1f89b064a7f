package org.tc260watch.scraper.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tc260watch.events.TextNormaliser;

/** Calendar dates as the site writes them: {@code 2026-02-11}, {@code 2026/2/11}, {@code 2026年9月15日}. */
public final class CalendarDates {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern ANY = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*(?:[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})"
                    + "|年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)(?!\\d)");

    private CalendarDates() {
    }

    /** A text that is exactly one ISO date ({@code 2026-04-12}), surrounding spaces allowed. */
    public static Optional<LocalDate> parseIso(String text) {
        Matcher m = ISO.matcher(TextNormaliser.normalise(text));
        if (!m.matches()) {
            return Optional.empty();
        }
        return date(m.group(1), m.group(2), m.group(3));
    }

    /** The first valid date in a free text, in any of the site's forms. */
    public static Optional<LocalDate> findFirst(String text) {
        Matcher m = ANY.matcher(TextNormaliser.normalise(text));
        while (m.find()) {
            Optional<LocalDate> date = m.group(2) != null
                    ? date(m.group(1), m.group(2), m.group(3))
                    : date(m.group(1), m.group(4), m.group(5));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
