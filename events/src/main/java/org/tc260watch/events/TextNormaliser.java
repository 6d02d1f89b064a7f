package org.tc260watch.events;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one text normaliser: full-width ASCII forms to half-width (NFKC), every kind of white space (including
 * no-break and ideographic spaces) folded to one ASCII space, trimmed. 《》〔〕 and the dashes used in standard
 * numbers are kept, because they carry meaning.
 */
public final class TextNormaliser {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000\\uFEFF]+");

    private TextNormaliser() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return SPACES.matcher(nfkc).replaceAll(" ").trim();
    }
}
