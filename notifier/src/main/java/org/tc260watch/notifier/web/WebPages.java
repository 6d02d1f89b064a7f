package org.tc260watch.notifier.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.mail.Words;
import org.tc260watch.notifier.label.Glossary;
import org.tc260watch.notifier.matching.TopicTagger;
import org.tc260watch.notifier.readmodel.ChangeCursor;
import org.tc260watch.notifier.readmodel.ChangeFilter;
import org.tc260watch.notifier.readmodel.ChangeQuery;
import org.tc260watch.notifier.readmodel.StandardQuery;
import org.tc260watch.notifier.readmodel.StoredChange;
import org.tc260watch.notifier.readmodel.StoredStandard;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.Filters;
import org.tc260watch.notifier.subscription.MailLanguage;
import org.tc260watch.notifier.subscription.SubscriptionPages;
import org.tc260watch.notifier.subscription.SubscriptionPages.Choice;
import org.tc260watch.notifier.subscription.SubscriptionPages.ChoiceGroup;
import org.tc260watch.notifier.web.PageViews.ChangeRow;
import org.tc260watch.notifier.web.PageViews.OpenPeriod;
import org.tc260watch.notifier.web.PageViews.StandardView;

/**
 * The web pages people read: {@code /} (recent changes with filters, open comment periods, the subscribe form) and
 * {@code /standards/{key}} (one standard and its whole history). Rendered on the server from the read model; every
 * scraped value is escaped by the templates. Not part of the API, so not in the OpenAPI document.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WebPages {

    /** Changes per page of the home page. */
    static final int PAGE_SIZE = 30;

    /** One drop-down of the filter form. */
    public record Select(String name, String label, List<Choice> options) {
    }

    /** Where the same changes (or deadlines) come as feeds, with the page's filters. */
    public record FeedLinks(String atom, String json, String ics) {
    }

    /**
     * @param filtered    a filter is in force (the form shows "clear", the feed links say they are filtered)
     * @param olderHref   the next (older) page with the same filters, null on the last page
     * @param topics      the topic tags a subscriber can choose
     * @param error       why the filters were not applied (a 400 page), else null
     */
    public record HomePage(List<Select> selects, String q, boolean filtered, List<ChangeRow> changes,
            String olderHref, LocalDate today, ZoneId zone, List<OpenPeriod> open, FeedLinks feeds,
            List<String> topics, List<ChoiceGroup> subscribeGroups, Words words, String error) {
    }

    public record StandardPage(StandardView standard, Words words) {
    }

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance home(HomePage page);

        static native TemplateInstance standard(StandardPage page);
    }

    private final ChangeQuery changes;
    private final StandardQuery standards;
    private final TopicTagger tagger;
    private final Glossary glossary;
    private final Clock clock;
    private final ZoneId zone;
    private final int soonDays;

    public WebPages(ChangeQuery changes, StandardQuery standards, TopicTagger tagger, Glossary glossary, Clock clock,
            NotifierConfig config) {
        this.changes = changes;
        this.standards = standards;
        this.tagger = tagger;
        this.glossary = glossary;
        this.clock = clock;
        this.zone = config.digest().zone();
        this.soonDays = config.digest().closingSoonDays();
    }

    @GET
    @Operation(hidden = true)
    public Response home(@QueryParam("type") List<String> type, @QueryParam("kind") List<String> kind,
            @QueryParam("stage") List<String> stage, @QueryParam("topic") List<String> topic,
            @QueryParam("q") String q, @QueryParam("after") String after) {
        try {
            ChangeFilter filter = ChangeFilter.of(type, kind, stage, topic, q);
            Long before = after == null || after.isBlank() ? null : ChangeCursor.decode(after.strip());
            return page(Response.Status.OK, home(filter, before, null));
        } catch (InvalidRequestException | IllegalArgumentException e) {
            // The list unfiltered, with the reason, rather than a bare error: the reader came to read.
            return page(Response.Status.BAD_REQUEST, home(ChangeFilter.NONE, null,
                    "筛选条件无效 / Invalid filter: " + e.getMessage()));
        }
    }

    /** A standard by its current key or any key it had; the rest of the path is the key, slashes included. */
    @GET
    @Path("standards/{key: .+}")
    @Operation(hidden = true)
    public Response standard(@PathParam("key") String key) {
        return standards.byKey(key)
                .map(s -> page(Response.Status.OK, Templates.standard(new StandardPage(PageViews.standard(s.state(),
                        s.topicList(), changes.historyOf(s).stream().map(this::row).toList(), glossary, zone),
                        PageViews.WORDS))))
                .orElseGet(() -> page(Response.Status.NOT_FOUND, Pages.message(new Pages.Message(
                        "未找到该标准 / No such standard", List.of(
                                "没有标识为「" + key + "」的标准（现用或曾用）。",
                                "No standard has (or had) the key “" + key + "”."),
                        URI.create("/"), "最近变更 / Recent changes"))));
    }

    private TemplateInstance home(ChangeFilter filter, Long before, String error) {
        ChangeQuery.ChangeSlice slice = changes.newestFirst(filter, before, PAGE_SIZE);
        String query = filter.toQuery();
        String older = slice.nextBeforeSeq() == null ? null
                : "/?" + join(query, "after=" + encode(ChangeCursor.encode(slice.nextBeforeSeq())));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<OpenPeriod> open = standards.openForComment(today).stream()
                .map(s -> PageViews.open(s.state(), today, soonDays, glossary)).toList();
        String feedQuery = query.isEmpty() ? "" : "?" + query;
        Words words = PageViews.WORDS;
        List<Select> selects = List.of(
                select("type", "变更类型 / Change type", ChangeType.values(), ChangeType::wireName, words::type,
                        filter.types()),
                select("kind", words.field("kind"), ItemKind.values(), ItemKind::name, PageViews::kind,
                        filter.kinds()),
                select("stage", words.stage(), Stage.values(), Stage::name, words::stage, filter.stages()),
                select("topic", words.topics(), tagger.knownTags().toArray(String[]::new), t -> t,
                        t -> tagger.topic(t).map(x -> x.zh() + " / " + x.en()).orElse(t),
                        filter.topics()));
        return Templates.home(new HomePage(selects, filter.q() == null ? "" : filter.q(),
                !filter.isEmpty(), slice.items().stream().map(this::row).toList(), older, today,
                zone, open, new FeedLinks("/feeds/changes.atom" + feedQuery, "/feeds/changes.json" + feedQuery,
                        "/feeds/deadlines.ics" + feedQuery),
                tagger.knownTags(), SubscriptionPages.choiceGroups(Filters.NONE, DeliveryMode.INSTANT,
                        MailLanguage.BOTH), words, error));
    }

    private ChangeRow row(StoredChange change) {
        return PageViews.row(change.event(), change.topicList(), glossary, zone);
    }

    private static <E> Select select(String name, String label, E[] all, Function<E, String> value,
            Function<E, String> text, List<String> chosen) {
        return new Select(name, label, Arrays.stream(all)
                .map(e -> new Choice(value.apply(e), text.apply(e), chosen.contains(value.apply(e)))).toList());
    }

    /** The filter as query parameters, the names of {@code /api/changes} and the feeds. */
    private static String join(String query, String more) {
        return query.isEmpty() ? more : query + "&" + more;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The pages change with every stored change: short-lived in caches. */
    private static Response page(Response.Status status, TemplateInstance page) {
        return Pages.html(status, page).header("Cache-Control", "no-cache").build();
    }
}
