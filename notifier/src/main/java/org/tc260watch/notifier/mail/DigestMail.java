package org.tc260watch.notifier.mail;

import java.util.List;

/**
 * Data of the digest templates ({@code mail/digestText.txt}, {@code mail/digestHtml.html}).
 *
 * @param heading     {@code 每日摘要 / Daily digest 2026-11-23}
 * @param sections    the changes, grouped by change type in a fixed order
 * @param closingSoon standards open for comment whose period ends soon
 */
public record DigestMail(String subject, String heading, List<Section> sections, List<Closing> closingSoon,
        Words words, String manageUrl, String unsubscribeUrl) {

    /** The changes of one type. */
    public record Section(String heading, List<ChangeView> changes) {
    }

    /**
     * A standard whose comment period ends soon.
     *
     * @param english the glossary's partial English rendering of the title, or null (see {@link ChangeView})
     * @param when    {@code 2026-11-25（还剩 2 天）/ 2026-11-25 (2 days left)}
     */
    public record Closing(String title, String english, String identifiers, String when, List<Link> pages) {
    }
}
