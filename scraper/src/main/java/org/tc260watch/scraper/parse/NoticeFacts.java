package org.tc260watch.scraper.parse;

import java.util.List;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;

/**
 * What the title and text of a notice say, whatever the site generation.
 *
 * @param kind           what the notice is (from its title and text)
 * @param standardIds    canonical identifiers found in title and text
 * @param bookTitles     《》 titles found in title and text
 * @param stage          the stage it speaks of, if any
 * @param dates          publication, comment period and implementation dates found
 * @param attachments    linked files with their labels
 * @param documentNumber secretariat document number ({@code 网安秘字〔2025〕62号}), if any
 * @param batch          the standards of a batch notice ({@code …等7项国家标准…}), one entry each; empty otherwise
 */
public record NoticeFacts(
        ItemKind kind,
        List<String> standardIds,
        List<String> bookTitles,
        Stage stage,
        ItemDates dates,
        List<Attachment> attachments,
        String documentNumber,
        List<BatchEntry> batch) {

    public NoticeFacts {
        standardIds = List.copyOf(standardIds);
        bookTitles = List.copyOf(bookTitles);
        attachments = List.copyOf(attachments);
        batch = List.copyOf(batch);
        dates = dates == null ? ItemDates.NONE : dates;
    }

    /**
     * One standard named by a batch notice.
     *
     * @param standardId canonical identifier when the notice gives one (null otherwise)
     * @param bookTitle  its 《》 title, without brackets (null when only a number is given)
     * @param attachments the files that belong to it, when the notice says so
     */
    public record BatchEntry(String standardId, String bookTitle, List<Attachment> attachments) {
        public BatchEntry {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }
}
