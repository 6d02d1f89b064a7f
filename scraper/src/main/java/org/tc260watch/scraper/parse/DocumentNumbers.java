package org.tc260watch.scraper.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tc260watch.events.TextNormaliser;

/**
 * Secretariat document numbers such as {@code 网安秘字〔2025〕62号} (docs/tc260-site.md §6.3). The site splits them
 * over many spans, so callers pass the element's text, never its markup. Bracket variants are read and written
 * back as 〔〕. {@code 信安秘字} is presumably the mark used before the 2024 renaming (信安标委).
 */
public final class DocumentNumbers {

    private static final Pattern DOCUMENT_NUMBER = Pattern.compile(
            "((?:网安|信安)秘字)\\s*[〔\\[(【［]\\s*(\\d{4})\\s*[〕\\])】］]\\s*(\\d{1,4})\\s*号");

    private DocumentNumbers() {
    }

    /** The first document number in the text, in its canonical form. */
    public static Optional<String> findFirst(String text) {
        Matcher m = DOCUMENT_NUMBER.matcher(TextNormaliser.normalise(text));
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + "〔" + m.group(2) + "〕" + Integer.parseInt(m.group(3)) + "号");
    }
}
