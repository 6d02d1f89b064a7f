package org.tc260watch.events;

import java.util.List;
import java.util.Optional;

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

    /** Parses a string that is one identifier (surrounding text not allowed, spacing variants allowed). */
    public static Optional<StandardId> parse(String text) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every identifier in a free text, in order of appearance, without duplicates; ranges expanded. */
    public static List<StandardId> findAll(String text) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The one canonical string form. */
    public String canonical() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public String toString() {
        return canonical();
    }
}
