package org.tc260watch.scraper.source.portal;

import jakarta.inject.Singleton;
import org.tc260watch.events.Listing;

/** {@code /portal/cms/work/10/0}: 新闻动态, every news item (notices included, so items repeat under portal.notices). */
@Singleton
public class NewsListAdapter extends CmsListAdapter {

    public static final String SOURCE = "portal.news";
    public static final String LIST_PATH = "/portal/cms/work/10/0";

    public NewsListAdapter() {
        super(SOURCE, LIST_PATH, "新闻动态");
    }

    @Override
    public Listing listing() {
        return Listing.ARCHIVE;
    }
}
