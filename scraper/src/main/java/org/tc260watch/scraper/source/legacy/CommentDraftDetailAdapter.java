package org.tc260watch.scraper.source.legacy;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.DetailAdapter;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * {@code /front/bzzqyjDetail.html?id=…&norm_id=…&recode_id=…}: one draft's comment notice (docs/tc260-site.md
 * §2.2). Body {@code div.news_end}; the first dated line is the publication date [S1]; deadline phrases such as
 * {@code 请于2025年10月30日前反馈意见} come from the body. Attachments sit in {@code span#APP_1}…{@code APP_3}
 * ({@code a}: text = file name, href = download) [S5], plus any file link of the body.
 */
@Singleton
public class CommentDraftDetailAdapter implements DetailAdapter {

    /**
     * INFERRED, not evidenced: the slot ids are read as the three usual files of a draft in this order (the 2021
     * downloader read APP_1 and APP_3 only, and names no slot). Another slot gets no label.
     */
    static final Map<String, String> SLOT_LABELS = Map.of(
            "APP_1", "征求意见稿",
            "APP_2", "意见反馈表",
            "APP_3", "编制说明");

    @Override
    public Set<String> sources() {
        return Set.of(CommentDraftListAdapter.SOURCE);
    }

    @Override
    public Optional<URI> detailUrl(ObservedItem listed, SiteAddress site) {
        // The list's link, with norm_id and recode_id as the site wrote them.
        return Optional.ofNullable(listed.sourceUrl()).filter(url -> url.contains("bzzqyjDetail")).map(URI::create);
    }

    @Override
    public ParsedPage parse(ObservedItem listed, FetchedPage page, SiteAddress site) {
        return ArticlePage.read(listed, page, site, "标准征求意见 detail page", "征求意见",
                doc -> slotAttachments(doc, site));
    }

    /** {@code span#APP_n > a}, in slot order; slots left empty (JavaScript not run) give nothing. */
    static List<Attachment> slotAttachments(Document doc, SiteAddress site) {
        List<Attachment> found = new ArrayList<>();
        for (Element span : doc.select("span[id~=^APP_\\d+$]")) {
            for (Element a : span.select("a[href]")) {
                String href = a.attr("href").strip();
                if (href.isEmpty() || href.startsWith("javascript:") || href.equals("#")) {
                    continue;
                }
                String name = TextNormaliser.normalise(a.text());
                String url = LegacyPages.absolute(a, site);
                if (found.stream().noneMatch(x -> x.url().equals(url))) {
                    found.add(new Attachment(SLOT_LABELS.get(span.id()), name.isEmpty() ? null : name, url));
                }
            }
        }
        return List.copyOf(found);
    }
}
