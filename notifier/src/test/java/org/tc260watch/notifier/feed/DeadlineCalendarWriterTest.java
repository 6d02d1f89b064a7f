package org.tc260watch.notifier.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class DeadlineCalendarWriterTest {

    private static final URI PAGE = URI.create("https://watch.example.org/standards/GB/T%2045001-2026");
    private static final OpenPeriod OPEN = new OpenPeriod("title:数据安全技术 数据分类", "数据安全技术 数据分类; <b>,草案",
            LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), 3, Instant.parse("2026-03-20T02:30:00Z"), PAGE,
            List.of("https://www.tc260.org.cn/portal/suggestion/detail/1"));

    @Test
    void eachOpenPeriodIsAnAllDayEventOnItsDeadlineThatReadsBackTheSame() {
        String ics = DeadlineCalendarWriter.write(List.of(OPEN));
        assertThat(ics).contains("\r\n").contains("DTSTART;VALUE=DATE:20260430").contains("DTEND;VALUE=DATE:20260501");
        Calendar calendar = Calendars.parse(ics);
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(Calendars.value(event, "UID")).isEqualTo(DeadlineCalendarWriter.uid("title:数据安全技术 数据分类"));
        assertThat(Calendars.value(event, "SEQUENCE")).isEqualTo("3");
        assertThat(Calendars.value(event, "LAST-MODIFIED")).isEqualTo("20260320T023000Z");
        assertThat(Calendars.value(event, "DTSTAMP")).isEqualTo("20260320T023000Z");
        // Scraped text is iCalendar text (escaped by ical4j) and reads back unchanged.
        assertThat(Calendars.value(event, "SUMMARY")).isEqualTo("征求意见截止 / Comment deadline: 《数据安全技术 数据分类; <b>,草案》");
        assertThat(Calendars.value(event, "DESCRIPTION")).contains("征求意见期 / Comment period: 2026-03-01 – 2026-04-30")
                .contains("标准页面 / Standard page: " + PAGE)
                .contains("TC260 页面 / TC260 pages: https://www.tc260.org.cn/portal/suggestion/detail/1");
        assertThat(Calendars.value(event, "URL")).isEqualTo(PAGE.toString());
    }

    @Test
    void lineBreaksInScrapedTextCannotStartAPropertyOrAnEvent() {
        String hostile = "<script>alert(1)</script>\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:forged\nURL:javascript:alert(1)";
        OpenPeriod period = new OpenPeriod("title:hostile", hostile, null, LocalDate.of(2026, 4, 30), 1,
                Instant.parse("2026-03-20T02:30:00Z"), PAGE, List.of("javascript:alert(1)\r\nATTACH:file:///etc/passwd"));

        String ics = DeadlineCalendarWriter.write(List.of(period));
        Calendar calendar = Calendars.parse(ics);
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        // iCalendar text has one line break (\n): CRLF reads back as it.
        assertThat(Calendars.value(events.get(0), "SUMMARY"))
                .isEqualTo("征求意见截止 / Comment deadline: 《" + hostile.replace("\r\n", "\n") + "》");
        assertThat(Calendars.value(events.get(0), "URL")).isEqualTo(PAGE.toString());
        assertThat(events.get(0).getProperties("ATTACH")).isEmpty();
        // Every line of the file is a property or a folded continuation: the scraped breaks are escaped (\n).
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line).doesNotContain("\r").doesNotContain("\n")
                .matches("( |[A-Z-]+[:;]).*")).filteredOn(line -> line.startsWith("BEGIN:VEVENT")).hasSize(1);
    }

    @Test
    void theUidFollowsTheOriginKeySoItSurvivesKeyMigration() {
        String uid = DeadlineCalendarWriter.uid("title:数据安全技术 数据分类");
        assertThat(uid).isEqualTo(DeadlineCalendarWriter.uid("title:数据安全技术 数据分类")).endsWith("@tc260-watch")
                .isNotEqualTo(DeadlineCalendarWriter.uid("GB/T 45001-2026"));
    }

    @Test
    void theSameStateGivesTheSameBytes() {
        assertThat(DeadlineCalendarWriter.write(List.of(OPEN))).isEqualTo(DeadlineCalendarWriter.write(List.of(OPEN)));
        assertThat(Calendars.parse(DeadlineCalendarWriter.write(List.of())).getComponents("VEVENT")).isEmpty();
    }
}
