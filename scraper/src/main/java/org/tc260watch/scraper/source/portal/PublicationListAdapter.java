package org.tc260watch.scraper.source.portal;

import jakarta.inject.Singleton;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.scraper.parse.NoticeFacts;
import org.tc260watch.scraper.parse.NoticeReader;

/**
 * {@code /portal/cms/print/300/0}: 出版物, the committee's own documents (practice guides TC260-PG-…, technical
 * documents TC260-nnn, research reports TC260-TR-…). Category 303 ({@code /portal/article/303/…}) is inferred to
 * be 实践指南 (docs/tc260-site.md §3.6).
 */
@Singleton
public class PublicationListAdapter extends CmsListAdapter {

    public static final String SOURCE = "portal.publications";
    public static final String LIST_PATH = "/portal/cms/print/300/0";
    static final String PRACTICE_GUIDE_CATEGORY = "303";

    public PublicationListAdapter() {
        super(SOURCE, LIST_PATH, "出版物");
    }

    @Override
    public Listing listing() {
        return Listing.CATALOGUE;
    }

    /**
     * The document's identifier first, then the title's words, then the category; a publication that says
     * nothing is taken for a committee technical document (a guess: no such title is known).
     */
    @Override
    protected ItemKind kindOf(String title, String category, NoticeFacts titleFacts) {
        return NoticeReader.documentKind(title).orElseGet(() -> switch (titleFacts.kind()) {
            case PRACTICE_GUIDE, RESEARCH_REPORT, TECHNICAL_DOCUMENT, PUBLISHED_STANDARD -> titleFacts.kind();
            default -> PRACTICE_GUIDE_CATEGORY.equals(category) ? ItemKind.PRACTICE_GUIDE
                    : ItemKind.TECHNICAL_DOCUMENT;
        });
    }
}
