package org.tc260watch.events;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one text normaliser: full-width ASCII forms to half-width (NFKC), every kind of white space (including
 * no-break and ideographic spaces, line and paragraph separators) folded to one ASCII space, invisible format
 * characters (zero-width space and joiners, word joiner, BOM, soft hyphen) removed, trimmed. 《》〔〕 and the dashes
 * used in standard numbers are kept, because they carry meaning.
 */
public final class TextNormaliser {

    /**
     * Unicode White_Space, not Java's ASCII-only {@code \s}: U+2028/U+2029, U+0085 and U+1680 survive NFKC and
     * must fold too.
     */
    private static final Pattern SPACES = Pattern.compile("\\p{IsWhite_Space}+");

    /**
     * Zero-width characters UEditor and copy-paste leave inside words; they are not spaces, so removing them
     * (rather than turning them into spaces) keeps {@code 网络\u200B安全} one word.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");

    private TextNormaliser() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String visible = INVISIBLE.matcher(text).replaceAll("");
        String nfkc = Normalizer.normalize(visible, Normalizer.Form.NFKC);
        return SPACES.matcher(nfkc).replaceAll(" ").trim();
    }
}
