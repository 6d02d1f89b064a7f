package org.tc260watch.scraper.source.shtml;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.tc260watch.scraper.source.DetailAdapter;

/** The article page type ({@link ArticleDetailAdapter}) for each list source whose items are articles. */
@Singleton
public class ArticleDetailAdapters {

    @Produces
    @Singleton
    DetailAdapter homepageArticles() {
        return new ArticleDetailAdapter(HomepageAdapter.SOURCE);
    }

    @Produces
    @Singleton
    DetailAdapter notices() {
        return new ArticleDetailAdapter(NoticeListAdapter.SOURCE);
    }

    @Produces
    @Singleton
    DetailAdapter news() {
        return new ArticleDetailAdapter(NewsListAdapter.SOURCE);
    }

    @Produces
    @Singleton
    DetailAdapter guides() {
        return new ArticleDetailAdapter(GuideListAdapter.SOURCE);
    }
}
