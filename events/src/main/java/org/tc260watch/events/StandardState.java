package org.tc260watch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What is known of one standard (or guide, document, report). Topic {@link Topics#STANDARDS} (compacted),
 * key {@link #key()}; also embedded in every {@link ChangeEvent}.
 *
 * @param key            the standard key (canonical number, else plan number, else TC260 document number, else
 *                       {@code title:} + normalised title)
 * @param ids            canonical identifiers known for it
 * @param title          current title (the 《》 title when known)
 * @param kind           what the items about it are
 * @param stage          current lifecycle stage, if known
 * @param commentStart   start of the public comment period
 * @param commentEnd     end of the public comment period (the deadline)
 * @param published      publication date
 * @param implementation implementation (in force) date
 * @param attachments    files linked for it
 * @param sourceUrls     pages it was seen on
 * @param itemKeys       the site items that speak of it
 * @param firstSeen      when it was first observed
 * @param lastSeen       when it was last observed
 * @param version        increases by one with every change applied; part of change ids
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StandardState(
        String key,
        List<String> ids,
        String title,
        ItemKind kind,
        Stage stage,
        LocalDate commentStart,
        LocalDate commentEnd,
        LocalDate published,
        LocalDate implementation,
        List<Attachment> attachments,
        List<String> sourceUrls,
        List<String> itemKeys,
        Instant firstSeen,
        Instant lastSeen,
        long version) {

    public StandardState {
        ids = ids == null ? List.of() : List.copyOf(ids);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
        itemKeys = itemKeys == null ? List.of() : List.copyOf(itemKeys);
    }
}
