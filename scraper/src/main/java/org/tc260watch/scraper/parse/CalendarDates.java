package org.tc260watch.scraper.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tc260watch.events.TextNormaliser;

/** Calendar dates as the site writes them: {@code 2026-02-11}, {@code 2026/2/11}, {@code 2026年9月15日}. */
public final class CalendarDates {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern ANY = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*(?:[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})"
                    + "|年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)(?!\\d)");

    /** Cues are a handful of constants, so their patterns are compiled once. */
    private static final Map<String, Pattern> AFTER_CUE = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> BEFORE_CUE = new ConcurrentHashMap<>();

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

    /**
     * The first date that follows a cue within a few characters, e.g. cue {@code 截[至止](?:日期|时间)} in
     * {@code 意见反馈截止时间为 2026 年 10 月 25 日 24:00}. The cue is a regular expression over normalised text.
     */
    public static Optional<LocalDate> findAfter(String text, String cue) {
        Matcher m = AFTER_CUE.computeIfAbsent(cue,
                c -> Pattern.compile("(?:" + c + ")[^0-9\\n]{0,12}(" + ANY.pattern() + ")"))
                .matcher(TextNormaliser.normalise(text));
        while (m.find()) {
            Optional<LocalDate> date = findFirst(m.group(1));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** The first date directly followed by a cue, e.g. {@code 2026年8月1日起正式实施} with cue {@code 起?(?:正式)?实施}. */
    public static Optional<LocalDate> findBefore(String text, String cue) {
        Matcher m = BEFORE_CUE.computeIfAbsent(cue, c -> Pattern.compile("(" + ANY.pattern() + ")\\s*(?:" + c + ")"))
                .matcher(TextNormaliser.normalise(text));
        while (m.find()) {
            Optional<LocalDate> date = findFirst(m.group(1));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** Every valid date of a text, in order. */
    public static List<LocalDate> findAll(String text) {
        List<LocalDate> dates = new ArrayList<>();
        Matcher m = ANY.matcher(TextNormaliser.normalise(text));
        while (m.find()) {
            (m.group(2) != null ? date(m.group(1), m.group(2), m.group(3)) : date(m.group(1), m.group(4), m.group(5)))
                    .ifPresent(dates::add);
        }
        return List.copyOf(dates);
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
