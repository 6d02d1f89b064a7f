package org.tc260watch.notifier.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Writes a {@link ChangeFeed} as Atom 1.0 (RFC 4287) with Rome. */
public final class AtomFeedWriter {

    public static final String MEDIA_TYPE = "application/atom+xml";
    /** Category schemes: what kind of change it is, and the standard's topic tags. */
    public static final String TYPE_SCHEME = "urn:tc260-watch:change-type";
    public static final String TOPIC_SCHEME = "urn:tc260-watch:topic";

    private AtomFeedWriter() {
    }

    public static String write(ChangeFeed feed) {
        Feed atom = new Feed("atom_1.0");
        atom.setId(feed.id());
        atom.setTitleEx(text(feed.title()));
        atom.setUpdated(Date.from(feed.updated()));
        atom.setAlternateLinks(List.of(link("alternate", "text/html", feed.home())));
        atom.setOtherLinks(List.of(link("self", MEDIA_TYPE, feed.self())));
        Person author = new Person();
        author.setName(ChangeFeed.AUTHOR);
        author.setUri(feed.home().toString());
        atom.setAuthors(List.<SyndPerson>of(author));
        atom.setEntries(feed.entries().stream().map(AtomFeedWriter::entry).toList());
        try {
            return new WireFeedOutput().outputString(atom, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed " + feed.id(), e);
        }
    }

    private static Entry entry(FeedEntry e) {
        Entry entry = new Entry();
        entry.setId(e.id());
        entry.setTitleEx(text(e.title()));
        entry.setUpdated(Date.from(e.updated()));
        entry.setPublished(Date.from(e.updated()));
        entry.setAlternateLinks(List.of(link("alternate", "text/html", e.link())));
        List<Category> categories = new ArrayList<>();
        categories.add(category(TYPE_SCHEME, e.type()));
        e.topics().forEach(topic -> categories.add(category(TOPIC_SCHEME, topic)));
        entry.setCategories(categories);
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(e.html());
        entry.setContents(List.of(content));
        return entry;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String type, URI href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href.toString());
        return link;
    }

    private static Category category(String scheme, String term) {
        Category category = new Category();
        category.setScheme(scheme);
        category.setTerm(term);
        return category;
    }
}
