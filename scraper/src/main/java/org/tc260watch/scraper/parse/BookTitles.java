package org.tc260watch.scraper.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tc260watch.events.TextNormaliser;

/** The 《…》 titles in a text: the names of the standards and guides a notice speaks of. */
public final class BookTitles {

    private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》]+)》");

    private BookTitles() {
    }

    /** Every 《》 title, without the brackets, normalised, in order, without duplicates or empty ones. */
    public static List<String> findAll(String text) {
        List<String> titles = new ArrayList<>();
        Matcher m = BOOK_TITLE.matcher(TextNormaliser.normalise(text));
        while (m.find()) {
            String title = TextNormaliser.normalise(m.group(1));
            if (!title.isEmpty() && !titles.contains(title)) {
                titles.add(title);
            }
        }
        return List.copyOf(titles);
    }
}
