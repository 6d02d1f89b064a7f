package org.tc260watch.scraper.source.portal;

import jakarta.inject.Singleton;
import org.tc260watch.events.Listing;

/** {@code /portal/cms/work/10/2}: 通知公告 (releases, needs lists, practice-guide drafts, publication notices). */
@Singleton
public class NoticeListAdapter extends CmsListAdapter {

    public static final String SOURCE = "portal.notices";
    public static final String LIST_PATH = "/portal/cms/work/10/2";

    public NoticeListAdapter() {
        super(SOURCE, LIST_PATH, "通知公告");
    }

    @Override
    public Listing listing() {
        return Listing.ARCHIVE;
    }
}
