package org.tc260watch.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standard or TC260 document identifier in every form seen on the site (docs/tc260-site.md §6), with one
 * canonical string form.
 *
 * <ul>
 *   <li>{@link Type#NATIONAL}: {@code GB 45438-2025}, {@code GB/T 35273-2020}, {@code GB/Z 185.1-2026}; canonical
 *   form uses an ASCII hyphen and one space; {@link #adoption()} holds {@code ISO/IEC 27033-1:2015} of
 *   {@code GB/T 25068.1—2019/ISO/IEC 27033-1:2015}; a placeholder ({@code GB/T XXXXX—XXXX}) has no number or
 *   no year and {@link #placeholder()} true.</li>
 *   <li>{@link Type#PLAN}: {@code 20240896-T-469}.</li>
 *   <li>{@link Type#PRACTICE_GUIDE}: {@code TC260-PG-20251A}; year = the first four digits, sequence = the rest.</li>
 *   <li>{@link Type#TECHNICAL_DOCUMENT}: {@code TC260-003}.</li>
 *   <li>{@link Type#RESEARCH_REPORT}: {@code TC260-TR-005-2026}.</li>
 * </ul>
 *
 * <p>Field values per type:
 * <table>
 *   <caption>fields</caption>
 *   <tr><th>type</th><th>prefix</th><th>number</th><th>part</th><th>year</th><th>sequence</th></tr>
 *   <tr><td>NATIONAL</td><td>GB, GB/T, GB/Z</td><td>35273 (null: placeholder)</td><td>1 or null</td>
 *       <td>2020 (null: placeholder)</td><td>null</td></tr>
 *   <tr><td>PLAN</td><td>T, Q, Z</td><td>20240896</td><td>null</td><td>2024</td><td>469</td></tr>
 *   <tr><td>PRACTICE_GUIDE</td><td>null</td><td>202512A (2025NA: placeholder)</td><td>null</td><td>2025</td>
 *       <td>12 (null: placeholder)</td></tr>
 *   <tr><td>TECHNICAL_DOCUMENT</td><td>null</td><td>003</td><td>null</td><td>null</td><td>null</td></tr>
 *   <tr><td>RESEARCH_REPORT</td><td>null</td><td>005</td><td>null</td><td>2026</td><td>null</td></tr>
 * </table>
 *
 * <p>National numbers need a year (or the {@code XXXX} placeholder): a bare {@code GB/T 22239} names no edition,
 * and {@code GB2312}/{@code GB18030} in running text are charsets, not identifiers we track.
 *
 * @param type        the family
 * @param prefix      {@code GB}, {@code GB/T}, {@code GB/Z} for national standards; the plan type letter
 *                    ({@code T}, {@code Q}, {@code Z}) for plans; null otherwise
 * @param number      the main number ({@code 35273}; plan {@code 20240896}; PG/TR/TC260 number); null for a
 *                    placeholder without number
 * @param part        part number of a multi-part standard ({@code 1} of {@code 25068.1}), else null
 * @param year        year, null when unknown (placeholder)
 * @param sequence    practice-guide sequence within the year; plan supervising-department code as number; else null
 * @param adoption    adopted international standard, else null
 * @param placeholder true for "no number yet" forms
 */
public record StandardId(
        Type type,
        String prefix,
        String number,
        String part,
        Integer year,
        Integer sequence,
        String adoption,
        boolean placeholder) {

    public enum Type {
        NATIONAL,
        PLAN,
        PRACTICE_GUIDE,
        TECHNICAL_DOCUMENT,
        RESEARCH_REPORT
    }

    // All patterns run on TextNormaliser output: full-width forms are already half-width (／→/, －→-, ～→~,
    // full-width digits and letters → ASCII) and white space is single ASCII spaces.

    /** Hyphen, the Unicode hyphens and dashes (‐ ‑ ‒ – — ―) and the minus sign: the site uses them interchangeably. */
    private static final String DASH = "[-\\u2010-\\u2015\\u2212]";
    /** A year we accept: 19xx/20xx, so that stray four-digit numbers are not read as editions. */
    private static final String YEAR = "(?:19|20)\\d{2}";
    /** Between a national number and its year; a doubled em dash (——) also occurs in notices. */
    private static final String NUMBER_YEAR_SEP = " ?" + DASH + "{1,2} ?";

    /**
     * {@code GB}, {@code GB/T}, {@code GB/Z}, also without the slash ({@code GBT}), with a space, or with
     * {@code -}/{@code +}/{@code _} as in file names ({@code GB-T-35273-2020}, {@code GBT+35273-2020}). Not glued
     * to a preceding letter, so words ending in "gb" are not read.
     */
    private static final String NATIONAL_HEAD = "(?<![A-Za-z])GB ?(?:[/+_-] ?)?([TZ])?(?![A-Za-z]) ?(?:[+_-] ?)?";

    /** {@code (head)(number|XXXXX)(.part)?-(year|XXXX)(/adoption)?}. */
    private static final Pattern NATIONAL = Pattern.compile(
            NATIONAL_HEAD
                    + "(\\d{1,5}|X{3,6})(?:\\.(\\d{1,3}))?(?![\\d.])"
                    + NUMBER_YEAR_SEP
                    + "(" + YEAR + "|20XX|X{4})(?![\\dX])"
                    // Adoption suffix of identical/modified adoptions: /ISO/IEC 27033-1:2015, /ISO/IEC TR 27008:2019
                    + "(?: ?/ ?((?:ISO|IEC|ITU-T|IEEE)(?: ?/ ?(?:ISO|IEC|IEEE))*(?: (?:TR|TS|PAS))? ?"
                    + "[A-Z]?\\.?\\d+(?:[.-]\\d+)*(?: ?: ?" + YEAR + ")?))?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Ranges of parts sharing one year: {@code GB/Z 185.1~GB/Z 185.7—2026}, also {@code GB/Z 185.1~185.7-2026}
     * or {@code GB/Z 185.1~7-2026}. {@code ～} is already {@code ~} after normalising; 〜 and 至/到 also occur.
     */
    private static final Pattern NATIONAL_RANGE = Pattern.compile(
            NATIONAL_HEAD + "(\\d{1,5})\\.(\\d{1,3})"
                    + "(?:" + NUMBER_YEAR_SEP + "(" + YEAR + "))?"
                    + " ?[~\\u301C\\u2053至到] ?"
                    + "(" + NATIONAL_HEAD + ")?(?:(\\d{1,5})\\.)?(\\d{1,3})"
                    + NUMBER_YEAR_SEP + "(" + YEAR + ")(?!\\d)",
            Pattern.CASE_INSENSITIVE);

    /** Most parts a range may expand to; more means we misread something. */
    private static final int MAX_RANGE_PARTS = 50;

    /**
     * Plan numbers {@code YYYYNNNN-T-CCC}: the year is the first four digits; the digits may not continue a longer
     * run (19-digit file names, 14-digit site ids) and the code is three digits.
     */
    private static final Pattern PLAN = Pattern.compile(
            "(?<!\\d)(" + YEAR + ")(\\d{4}) ?" + DASH + " ?([TQZ]) ?" + DASH + " ?(\\d{3})(?!\\d)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Practice guides {@code TC260-PG-{YYYY}{seq}{letter}}: the year is ALWAYS the first four digits, so
     * {@code 202512A} is 2025 #12 and {@code 20251A} is 2025 #1. {@code 2025NA} (or {@code 2025XA}) is a draft's
     * placeholder.
     */
    private static final Pattern PRACTICE_GUIDE = Pattern.compile(
            "(?<![A-Za-z0-9])TC ?260 ?" + DASH + " ?PG ?" + DASH + " ?(" + YEAR + ")(\\d{1,3}|N|X{1,3})([A-Z])"
                    + "(?![A-Za-z0-9])",
            Pattern.CASE_INSENSITIVE);

    /** Technical research reports {@code TC260-TR-nnn-YYYY}. */
    private static final Pattern RESEARCH_REPORT = Pattern.compile(
            "(?<![A-Za-z0-9])TC ?260 ?" + DASH + " ?TR ?" + DASH + " ?(\\d{3}) ?" + DASH + " ?(" + YEAR + ")(?!\\d)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Committee technical documents {@code TC260-nnn}: exactly three digits, so the digits of a PG or TR number
     * ({@code TC260-PG-20251A}) and "TC260" alone never match.
     */
    private static final Pattern TECHNICAL_DOCUMENT = Pattern.compile(
            "(?<![A-Za-z0-9])TC ?260 ?" + DASH + " ?(\\d{3})(?![A-Za-z0-9]|" + DASH + "\\d)",
            Pattern.CASE_INSENSITIVE);

    /** The single-identifier readers, each turning a match into one id. */
    private static final List<Reader> READERS = List.of(
            new Reader(NATIONAL, StandardId::national),
            new Reader(PLAN, StandardId::plan),
            new Reader(PRACTICE_GUIDE, StandardId::practiceGuide),
            new Reader(RESEARCH_REPORT, StandardId::researchReport),
            new Reader(TECHNICAL_DOCUMENT, StandardId::technicalDocument));

    private record Reader(Pattern pattern, Function<Matcher, StandardId> read) {
    }

    /** A stretch of text read as one or more ids (several for a range). */
    private record Hit(int start, int end, List<StandardId> ids) {
    }

    /** Parses a string that is one identifier (surrounding text not allowed, spacing variants allowed). */
    public static Optional<StandardId> parse(String text) {
        String t = TextNormaliser.normalise(text);
        for (Reader reader : READERS) {
            Matcher m = reader.pattern().matcher(t);
            if (m.matches()) {
                return Optional.of(reader.read().apply(m));
            }
        }
        return Optional.empty();
    }

    /** Every identifier in a free text, in order of appearance, without duplicates; ranges expanded. */
    public static List<StandardId> findAll(String text) {
        String t = TextNormaliser.normalise(text);
        List<Hit> hits = new ArrayList<>();
        Matcher range = NATIONAL_RANGE.matcher(t);
        while (range.find()) {
            List<StandardId> expanded = expandRange(range);
            if (!expanded.isEmpty()) {
                hits.add(new Hit(range.start(), range.end(), expanded));
            }
        }
        for (Reader reader : READERS) {
            Matcher m = reader.pattern().matcher(t);
            while (m.find()) {
                hits.add(new Hit(m.start(), m.end(), List.of(reader.read().apply(m))));
            }
        }
        // Earliest first, longest first at one position; a hit inside an accepted one (the last element of a
        // range, the plan-like tail of something longer) is not a second identifier.
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        Map<String, StandardId> byCanonical = new LinkedHashMap<>();
        int acceptedEnd = 0;
        for (Hit hit : hits) {
            if (hit.start() < acceptedEnd) {
                continue;
            }
            acceptedEnd = hit.end();
            for (StandardId id : hit.ids()) {
                // Same identifier again: keep the first position, but prefer the form that names the adoption.
                byCanonical.merge(id.canonical(), id, (first, again) -> first.adoption() == null ? again : first);
            }
        }
        return List.copyOf(byCanonical.values());
    }

    /** The one canonical string form. */
    public String canonical() {
        return switch (type) {
            case NATIONAL -> prefix + " " + (number == null ? "XXXXX" : number) + (part == null ? "" : "." + part)
                    + "-" + (year == null ? "XXXX" : year);
            case PLAN -> number + "-" + prefix + "-" + String.format(Locale.ROOT, "%03d", sequence);
            case PRACTICE_GUIDE -> "TC260-PG-" + number;
            case TECHNICAL_DOCUMENT -> "TC260-" + number;
            case RESEARCH_REPORT -> "TC260-TR-" + number + "-" + year;
        };
    }

    @Override
    public String toString() {
        return canonical();
    }

    private static StandardId national(Matcher m) {
        String number = m.group(2);
        String year = m.group(4);
        boolean numberUnknown = number.toUpperCase(Locale.ROOT).startsWith("X");
        boolean yearUnknown = !Character.isDigit(year.charAt(year.length() - 1));
        return new StandardId(Type.NATIONAL, nationalPrefix(m.group(1)), numberUnknown ? null : number, m.group(3),
                yearUnknown ? null : Integer.valueOf(year), null, adoption(m.group(5)), numberUnknown || yearUnknown);
    }

    private static List<StandardId> expandRange(Matcher m) {
        String prefix = nationalPrefix(m.group(1));
        String number = m.group(2);
        int from = Integer.parseInt(m.group(3));
        String firstYear = m.group(4);
        String secondPrefix = m.group(5) == null ? null : nationalPrefix(m.group(6));
        String secondNumber = m.group(7);
        int to = Integer.parseInt(m.group(8));
        String year = m.group(9);
        // Not a range of parts of one edition: let the single-identifier readers take the ends.
        if ((secondPrefix != null && !secondPrefix.equals(prefix))
                || (secondNumber != null && !secondNumber.equals(number))
                || (firstYear != null && !firstYear.equals(year))
                || to <= from || to - from >= MAX_RANGE_PARTS) {
            return List.of();
        }
        List<StandardId> ids = new ArrayList<>();
        for (int part = from; part <= to; part++) {
            ids.add(new StandardId(Type.NATIONAL, prefix, number, Integer.toString(part), Integer.valueOf(year), null,
                    null, false));
        }
        return ids;
    }

    private static String nationalPrefix(String letter) {
        return letter == null ? "GB" : "GB/" + letter.toUpperCase(Locale.ROOT);
    }

    /** {@code ISO/IEC 27033-1:2015}: spaces around / and : dropped, one space before the number. */
    private static String adoption(String raw) {
        if (raw == null) {
            return null;
        }
        return raw.toUpperCase(Locale.ROOT).replaceAll(" ?([/:]) ?", "$1");
    }

    private static StandardId plan(Matcher m) {
        return new StandardId(Type.PLAN, m.group(3).toUpperCase(Locale.ROOT), m.group(1) + m.group(2), null,
                Integer.valueOf(m.group(1)), Integer.valueOf(m.group(4)), null, false);
    }

    private static StandardId practiceGuide(Matcher m) {
        String sequence = m.group(2).toUpperCase(Locale.ROOT);
        boolean placeholder = !Character.isDigit(sequence.charAt(0));
        return new StandardId(Type.PRACTICE_GUIDE, null, m.group(1) + sequence + m.group(3).toUpperCase(Locale.ROOT),
                null, Integer.valueOf(m.group(1)), placeholder ? null : Integer.valueOf(sequence), null, placeholder);
    }

    private static StandardId researchReport(Matcher m) {
        return new StandardId(Type.RESEARCH_REPORT, null, m.group(1), null, Integer.valueOf(m.group(2)), null, null,
                false);
    }

    private static StandardId technicalDocument(Matcher m) {
        return new StandardId(Type.TECHNICAL_DOCUMENT, null, m.group(1), null, null, null, null, false);
    }
}
