package org.tc260watch.scraper.source.legacy;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.DetailAdapter;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * {@code /front/postDetail.html?id={YYYYMMDDhhmmss}}: a legacy notice article (docs/tc260-site.md §2.3). Its HTML
 * was never captured, so everything is tolerant: title from a heading, body from {@code div.news_end} or the
 * usual containers or the largest block of paragraphs, dates, document number, kind and the standards of a batch
 * publication notice from NoticeReader, attachments from the body's file links ({@code /upload/…pdf}).
 */
@Singleton
public class NoticeDetailAdapter implements DetailAdapter {

    @Override
    public Set<String> sources() {
        return Set.of(NoticeListAdapter.SOURCE);
    }

    @Override
    public Optional<URI> detailUrl(ObservedItem listed, SiteAddress site) {
        return Optional.ofNullable(listed.sourceUrl()).filter(url -> url.contains("postDetail")).map(URI::create);
    }

    @Override
    public ParsedPage parse(ObservedItem listed, FetchedPage page, SiteAddress site) {
        return ArticlePage.read(listed, page, site, "notice article", "通知", doc -> List.of());
    }
}
