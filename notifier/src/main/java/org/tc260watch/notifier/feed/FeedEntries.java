package org.tc260watch.notifier.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.EventJson;
import org.tc260watch.notifier.label.Glossary;
import org.tc260watch.notifier.mail.ChangeDescriber;
import org.tc260watch.notifier.web.PageViews;
import org.tc260watch.notifier.mail.ChangeView;
import org.tc260watch.notifier.mail.Link;
import org.tc260watch.notifier.mail.Words;
import org.tc260watch.notifier.subscription.MailLanguage;

/**
 * Makes the feed entry of a stored change: the same words as the mails ({@link ChangeDescriber}), in Chinese and
 * English, with links to the standard's page here and to the TC260 pages. The HTML comes from a Qute template
 * ({@code feed/entry.html}) whose every value is escaped, so a scraped title with markup is text.
 */
public final class FeedEntries {

    /** A private engine: the template is rendered outside requests and in plain unit tests alike. */
    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
    private static final Template ENTRY_HTML = ENGINE.parse(resource("/feed/entry.html"),
            Variant.forContentType(Variant.TEXT_HTML));
    private static final Words WORDS = Words.of(MailLanguage.BOTH);
    /** The label of links to a standard's page on this service. */
    static final String STANDARD_PAGE = WORDS.pick("标准页面", "Standard page");

    /** A labelled list of links under an entry: the TC260 pages, the documents. */
    record LinkSection(String label, List<Link> links) {
    }

    private final URI publicUrl;
    private final ZoneId zone;
    private final Glossary glossary;

    /**
     * @param publicUrl where people reach this service (links to standard pages)
     * @param zone      the zone detection times are shown in
     * @param glossary  the partial English rendering of titles (shown under the Chinese one, as in English mails)
     */
    public FeedEntries(URI publicUrl, ZoneId zone, Glossary glossary) {
        this.publicUrl = publicUrl;
        this.zone = zone;
        this.glossary = glossary;
    }

    /**
     * @param seq        the stored change's sequence number
     * @param payload    the change JSON as stored
     * @param receivedAt when it was stored (the entry's time when the change has no detection time)
     * @param topics     the topic tags stored with it
     */
    public FeedEntry entry(long seq, String payload, Instant receivedAt, List<String> topics) {
        ChangeEvent event = parse(payload);
        ChangeView view = ChangeDescriber.view(event, WORDS, topics, glossary, zone);
        URI page = standardPage(event.standardKey());
        String html = ENTRY_HTML.data("view", view).data("words", WORDS).data("standardPage", page)
                .data("standardPageLabel", STANDARD_PAGE)
                .data("linkSections", List.of(new LinkSection(WORDS.pages(), view.pages()),
                        new LinkSection(WORDS.documents(), view.documents())))
                .render();
        Instant updated = event.detectedAt() != null ? event.detectedAt() : receivedAt;
        return new FeedEntry(FeedIds.change(event.id()), seq, event.id(), event.type().wireName(),
                view.heading() + ": " + view.title(), updated, page, html, topics, payload);
    }

    /** The standard's web page ({@link PageViews#standardHref}) on the public URL; the home page for none. */
    public URI standardPage(String key) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + (key == null ? "/" : PageViews.standardHref(key)));
    }

    public URI publicUrl() {
        return publicUrl;
    }

    private static ChangeEvent parse(String payload) {
        try {
            return EventJson.mapper().readValue(payload, ChangeEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored change is not a ChangeEvent: " + e.getOriginalMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = FeedEntries.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
