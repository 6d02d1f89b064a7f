package org.tc260watch.notifier.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.tc260watch.notifier.mail.Words;
import org.tc260watch.notifier.subscription.MailLanguage;

/**
 * Writes the open comment periods as an iCalendar (RFC 5545) with ical4j: one all-day event per standard on its
 * deadline. The UID comes from the standard's origin key, so a calendar that subscribed keeps one event per standard
 * and moves it when the deadline moves (SEQUENCE and LAST-MODIFIED change with the state); an event that disappears
 * from the file is a period that closed.
 */
public final class DeadlineCalendarWriter {

    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    public static final String PRODUCT_ID = "-//tc260-watch//comment deadlines//ZH";
    private static final Words WORDS = Words.of(MailLanguage.BOTH);

    private DeadlineCalendarWriter() {
    }

    /** The UID of a standard's comment deadline: a name-based UUID of its origin key, at this service. */
    public static String uid(String origin) {
        return UUID.nameUUIDFromBytes(("comment-deadline|" + origin).getBytes(StandardCharsets.UTF_8)) + "@tc260-watch";
    }

    public static String write(List<OpenPeriod> periods) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // The name calendar programs show for a subscribed calendar (a widely read extension).
        calendar.add(new XProperty("X-WR-CALNAME", WORDS.pick("TC260 征求意见截止日期", "TC260 comment deadlines")));
        periods.forEach(period -> calendar.add(event(period)));
        StringWriter out = new StringWriter();
        try {
            // Not validated on output: with no open period the calendar has no component, which RFC 5545 frowns on
            // and calendar programs accept (an empty list); the tests validate the non-empty ones.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write the deadline calendar", e);
        }
        return out.toString();
    }

    private static VEvent event(OpenPeriod period) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(period.origin())));
        // Without a METHOD, DTSTAMP is when the information last changed (RFC 5545 3.8.7.2): stable between reads.
        event.add(new DtStamp(period.lastModified()));
        event.add(new LastModified(period.lastModified()));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, period.revision())));
        event.add(new DtStart<>(period.commentEnd()));
        event.add(new DtEnd<>(period.commentEnd().plusDays(1)));
        event.add(new Summary(WORDS.pick("征求意见截止", "Comment deadline") + ": 《" + period.title() + "》"));
        event.add(new Description(description(period)));
        event.add(new Url(period.page()));
        // A deadline, not a meeting: it does not make the day busy.
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    private static String description(OpenPeriod period) {
        StringBuilder text = new StringBuilder("《").append(period.title()).append("》\n")
                .append(WORDS.commentPeriod()).append(": ")
                .append(period.commentStart() == null ? "" : period.commentStart() + " – ").append(period.commentEnd())
                .append('\n').append(FeedEntries.STANDARD_PAGE).append(": ").append(period.page());
        for (String url : period.sourceUrls()) {
            text.append('\n').append(WORDS.pages()).append(": ").append(url);
        }
        return text.toString();
    }
}
