package org.tc260watch.scraper.source.shtml;

import jakarta.inject.Singleton;
import org.tc260watch.events.Listing;

/** {@code /tc260/tzgg/list.shtml}: 通知公告, notices: releases, practice-guide drafts, needs lists, publication announcements (docs/tc260-site.md §4). */
@Singleton
public class NoticeListAdapter extends ChannelListAdapter {

    public static final String SOURCE = "shtml.tzgg";

    public NoticeListAdapter() {
        super(ShtmlChannel.NOTICES);
    }

    @Override
    public Listing listing() {
        return Listing.ARCHIVE;
    }
}
