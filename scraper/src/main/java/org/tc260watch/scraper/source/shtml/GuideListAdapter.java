package org.tc260watch.scraper.source.shtml;

import jakarta.inject.Singleton;
import org.tc260watch.events.Listing;

/** {@code /tc260/sjzn/list.shtml}: 实践指南, practice guides (kind PRACTICE_GUIDE) (docs/tc260-site.md §4). */
@Singleton
public class GuideListAdapter extends ChannelListAdapter {

    public static final String SOURCE = "shtml.sjzn";

    public GuideListAdapter() {
        super(ShtmlChannel.GUIDES);
    }

    @Override
    public Listing listing() {
        return Listing.CATALOGUE;
    }
}
