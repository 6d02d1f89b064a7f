package org.tc260watch.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarDatesTest {

    @Test
    void parsesExactlyOneIsoDate() {
        assertThat(CalendarDates.parseIso(" 2026-04-12 ")).contains(LocalDate.of(2026, 4, 12));
        assertThat(CalendarDates.parseIso("2026-4-12")).isEmpty();
        assertThat(CalendarDates.parseIso("2026-02-30")).isEmpty();
        assertThat(CalendarDates.parseIso("截止 2026-04-12")).isEmpty();
        assertThat(CalendarDates.parseIso("")).isEmpty();
        assertThat(CalendarDates.parseIso(null)).isEmpty();
    }

    @Test
    void findsTheSiteDateFormsInText() {
        assertThat(CalendarDates.findFirst("发布于：2025-05-26")).contains(LocalDate.of(2025, 5, 26));
        assertThat(CalendarDates.findFirst("全国网络安全标准化技术委员会秘书处 2025年5月19日"))
                .contains(LocalDate.of(2025, 5, 19));
        assertThat(CalendarDates.findFirst("2026年9月15日关于发布")).contains(LocalDate.of(2026, 9, 15));
        assertThat(CalendarDates.findFirst("[截至日期:2025/10/26]")).contains(LocalDate.of(2025, 10, 26));
        // Full-width digits are folded by the normaliser first.
        assertThat(CalendarDates.findFirst("２０２６－０２－１１")).contains(LocalDate.of(2026, 2, 11));
    }

    @Test
    void skipsImpossibleDatesAndIdsThatLookLikeDates() {
        assertThat(CalendarDates.findFirst("2026-13-01 then 2026-01-31")).contains(LocalDate.of(2026, 1, 31));
        assertThat(CalendarDates.findFirst("id=20250519172429")).isEmpty();
        assertThat(CalendarDates.findFirst("没有日期")).isEmpty();
    }
}
