package org.tc260watch.scraper.source.shtml;

import jakarta.inject.Singleton;
import org.tc260watch.events.Listing;

/** {@code /tc260/xwdt1/list.shtml}: 新闻动态, news (docs/tc260-site.md §4). */
@Singleton
public class NewsListAdapter extends ChannelListAdapter {

    public static final String SOURCE = "shtml.xwdt";

    public NewsListAdapter() {
        super(ShtmlChannel.NEWS);
    }

    @Override
    public Listing listing() {
        return Listing.ARCHIVE;
    }
}
