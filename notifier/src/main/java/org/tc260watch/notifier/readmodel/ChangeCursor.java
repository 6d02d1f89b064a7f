package org.tc260watch.notifier.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursor of {@code /api/changes}: the arrival sequence number of the last item of a page.
 * Opaque (base64url of a versioned string) so clients do not build it and the form can change later.
 */
public final class ChangeCursor {

    private static final String PREFIX = "c1:";

    private ChangeCursor() {
    }

    public static String encode(long seq) {
        byte[] raw = (PREFIX + seq).getBytes(StandardCharsets.US_ASCII);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /**
     * @return the sequence number the cursor stands for
     * @throws IllegalArgumentException when the text is not a cursor this service handed out
     */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            throw new IllegalArgumentException("cursor is empty");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one returned as 'next' by this API");
        }
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("cursor is not one returned as 'next' by this API");
        }
        try {
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor is not one returned as 'next' by this API");
        }
    }
}
