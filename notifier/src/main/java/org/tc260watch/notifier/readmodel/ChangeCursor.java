package org.tc260watch.notifier.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursors: for {@code /api/changes}, the arrival sequence number of the last item of a page; for
 * {@code /api/standards}, the key of the last standard of a page. Opaque (base64url of a versioned string) so clients
 * do not build them and the form can change later.
 */
public final class ChangeCursor {

    private static final String PREFIX = "c1:";
    private static final String KEY_PREFIX = "k1:";
    private static final String NOT_OURS = "cursor is not one returned as 'nextCursor' by this API";

    private ChangeCursor() {
    }

    public static String encode(long seq) {
        return opaque(PREFIX + seq);
    }

    /** The cursor of a catalogue page that ends at {@code key}. */
    public static String encodeKey(String key) {
        return opaque(KEY_PREFIX + key);
    }

    /**
     * @return the key the cursor stands for
     * @throws IllegalArgumentException when the text is not a catalogue cursor this service handed out
     */
    public static String decodeKey(String cursor) {
        String text = readable(cursor);
        if (!text.startsWith(KEY_PREFIX) || text.length() == KEY_PREFIX.length()) {
            throw new IllegalArgumentException(NOT_OURS);
        }
        return text.substring(KEY_PREFIX.length());
    }

    private static String opaque(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String readable(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            throw new IllegalArgumentException("cursor is empty");
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NOT_OURS);
        }
    }

    /**
     * @return the sequence number the cursor stands for
     * @throws IllegalArgumentException when the text is not a cursor this service handed out
     */
    public static long decode(String cursor) {
        String text = readable(cursor);
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException(NOT_OURS);
        }
        try {
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NOT_OURS);
        }
    }
}
