package org.tc260watch.notifier.feed;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The structural rules of RFC 4287 (Atom 1.0) that a feed document must follow, checked over its DOM. No validator
 * of Atom resolves from Maven Central, so the rules are written out here, each with its section:
 * <ul>
 * <li>4.1.1 atom:feed: exactly one atom:id, atom:title, atom:updated; an atom:author unless every entry has one; at
 * most one alternate link per type and hreflang; at most one atom:generator, atom:icon, atom:logo, atom:rights,
 * atom:subtitle;</li>
 * <li>4.1.2 atom:entry: exactly one atom:id, atom:title, atom:updated; atom:content or an alternate link; at most one
 * alternate link per type and hreflang; at most one atom:content, atom:published, atom:rights, atom:source,
 * atom:summary;</li>
 * <li>4.2.6 ids are absolute IRIs; 3.3 dates are RFC 3339 date-times with upper-case T and Z; 4.2.7 every link has
 * an href; 3.2 a person has exactly one name; 4.2.2 a category has a term; 3.1.1 text constructs are of type
 * text, html or xhtml; 4.1.3 content of type text/html/xhtml or a MIME type.</li>
 * </ul>
 */
public final class AtomStructure {

    public static final String NS = "http://www.w3.org/2005/Atom";
    /** RFC 3339 date-time (section 5.6) as RFC 4287 3.3 restricts it: "T" and "Z" in upper case. */
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Set<String> TEXT_TYPES = Set.of("text", "html", "xhtml");

    private final List<String> violations = new ArrayList<>();

    private AtomStructure() {
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** @return every rule the document breaks, empty when it is a valid Atom feed document */
    public static List<String> violations(Document document) {
        AtomStructure check = new AtomStructure();
        check.feed(document.getDocumentElement());
        return check.violations;
    }

    private void feed(Element feed) {
        if (!NS.equals(feed.getNamespaceURI()) || !"feed".equals(feed.getLocalName())) {
            violations.add("the root is not atom:feed");
            return;
        }
        exactlyOne(feed, "id", "title", "updated");
        atMostOne(feed, "generator", "icon", "logo", "rights", "subtitle");
        common(feed, "feed");
        List<Element> entries = children(feed, "entry");
        boolean everyEntryHasAuthor = entries.stream().allMatch(e -> !children(e, "author").isEmpty());
        if (children(feed, "author").isEmpty() && !everyEntryHasAuthor) {
            violations.add("4.1.1: feed has no atom:author and not every entry has one");
        }
        for (int i = 0; i < entries.size(); i++) {
            entry(entries.get(i), "entry[" + i + "]");
        }
    }

    private void entry(Element entry, String where) {
        exactlyOne(entry, "id", "title", "updated");
        atMostOne(entry, "content", "published", "rights", "source", "summary");
        common(entry, where);
        if (children(entry, "content").isEmpty() && alternates(entry).isEmpty()) {
            violations.add("4.1.2 " + where + ": neither atom:content nor an alternate link");
        }
        for (Element content : children(entry, "content")) {
            String type = content.getAttribute("type");
            if (!type.isEmpty() && !TEXT_TYPES.contains(type) && !type.contains("/")) {
                violations.add("4.1.3.1 " + where + ": content type '" + type + "'");
            }
        }
        for (Element date : children(entry, "published")) {
            date(date, where);
        }
    }

    /** What feeds and entries share: id, dates, links, text constructs, people, categories. */
    private void common(Element element, String where) {
        for (Element id : children(element, "id")) {
            String text = id.getTextContent().strip();
            try {
                if (!new URI(text).isAbsolute()) {
                    violations.add("4.2.6 " + where + ": id '" + text + "' is not an absolute IRI");
                }
            } catch (URISyntaxException e) {
                violations.add("4.2.6 " + where + ": id '" + text + "' is not an IRI: " + e.getMessage());
            }
        }
        for (Element updated : children(element, "updated")) {
            date(updated, where);
        }
        for (String name : List.of("title", "subtitle", "summary", "rights")) {
            for (Element text : children(element, name)) {
                String type = text.getAttribute("type");
                if (!type.isEmpty() && !TEXT_TYPES.contains(type)) {
                    violations.add("3.1.1 " + where + ": " + name + " type '" + type + "'");
                }
            }
        }
        Set<String> alternateKinds = new HashSet<>();
        for (Element link : alternates(element)) {
            if (!alternateKinds.add(link.getAttribute("type") + "|" + link.getAttribute("hreflang"))) {
                violations.add("4.1.1/4.1.2 " + where + ": two alternate links of type '" + link.getAttribute("type")
                        + "' and hreflang '" + link.getAttribute("hreflang") + "'");
            }
        }
        for (Element link : children(element, "link")) {
            if (link.getAttribute("href").isBlank()) {
                violations.add("4.2.7.1 " + where + ": a link without href");
            }
        }
        for (String role : List.of("author", "contributor")) {
            for (Element person : children(element, role)) {
                if (children(person, "name").size() != 1) {
                    violations.add("3.2.1 " + where + ": an atom:" + role + " without exactly one atom:name");
                }
            }
        }
        for (Element category : children(element, "category")) {
            if (category.getAttribute("term").isBlank()) {
                violations.add("4.2.2.1 " + where + ": a category without term");
            }
        }
    }

    private void date(Element date, String where) {
        String text = date.getTextContent().strip();
        boolean valid = DATE_TIME.matcher(text).matches();
        if (valid) {
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                valid = false;
            }
        }
        if (!valid) {
            violations.add("3.3 " + where + ": " + date.getLocalName() + " '" + text + "' is not an RFC 3339 date-time");
        }
    }

    private void exactlyOne(Element parent, String... names) {
        for (String name : names) {
            int count = children(parent, name).size();
            if (count != 1) {
                violations.add(parent.getLocalName() + ": " + count + " atom:" + name + " (exactly one required)");
            }
        }
    }

    private void atMostOne(Element parent, String... names) {
        for (String name : names) {
            int count = children(parent, name).size();
            if (count > 1) {
                violations.add(parent.getLocalName() + ": " + count + " atom:" + name + " (at most one allowed)");
            }
        }
    }

    /** Links with rel="alternate", which is also what a link without rel is (4.2.7.2). */
    private static List<Element> alternates(Element parent) {
        return children(parent, "link").stream()
                .filter(l -> l.getAttribute("rel").isEmpty() || "alternate".equals(l.getAttribute("rel"))).toList();
    }

    /** The element's Atom children of one name (not descendants: an entry's id is not the feed's). */
    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
