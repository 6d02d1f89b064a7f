package org.tc260watch.notifier.subscription;

import java.util.Locale;
import java.util.regex.Pattern;
import org.tc260watch.events.TextNormaliser;

/**
 * An email address as stored: text normalised (full-width forms such as {@code ＠} folded, spaces trimmed), the
 * domain lower-cased. The local part keeps its case, as mail servers may treat it as significant.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    /** RFC 5322 dot-atom characters, plus non-ASCII letters (RFC 6531). */
    private static final Pattern LOCAL_PART = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

    /**
     * @throws IllegalArgumentException with a message fit for the user when the text is not an address
     */
    public static EmailAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("email is required");
        }
        String address = TextNormaliser.normalise(text);
        if (address.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("email is longer than " + MAX_LENGTH + " characters");
        }
        if (address.contains(" ")) {
            throw new IllegalArgumentException("email must not contain spaces: '" + address + "'");
        }
        int at = address.lastIndexOf('@');
        if (at < 0 || address.indexOf('@') != at) {
            throw new IllegalArgumentException("email must contain exactly one '@': '" + address + "'");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.isEmpty() || local.length() > MAX_LOCAL_LENGTH || !LOCAL_PART.matcher(local).matches()) {
            throw new IllegalArgumentException("email has an invalid part before '@': '" + address + "'");
        }
        if (!validDomain(domain)) {
            throw new IllegalArgumentException("email has an invalid domain: '" + address + "'");
        }
        return new EmailAddress(local + "@" + domain);
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
