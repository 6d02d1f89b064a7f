package org.tc260watch.notifier.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.List;

/**
 * The columns the filters look at ({@link Facets}), shared by stored changes and stored standards: computed once when
 * a row is stored ({@link #index}), never on read.
 */
@MappedSuperclass
public abstract class FacetedEntity extends PanacheEntityBase {

    /** {@code ItemKind} name. */
    @Column(length = 64)
    public String kind;

    /** {@code Stage} name. */
    @Column(length = 64)
    public String stage;

    @Column(length = Facets.MAX_TITLE)
    public String title;

    /** {@code ,tag,tag,}; null only in a change stored before the read model had facets, until it is indexed. */
    @Column(length = Facets.MAX_TOPICS)
    public String topics;

    @Column(name = "search_text", length = Facets.MAX_SEARCH_TEXT)
    public String searchText;

    public List<String> topicList() {
        return Facets.topicList(topics);
    }

    /** Sets the facets columns. */
    public void index(Facets facets) {
        kind = facets.kind();
        stage = facets.stage();
        title = facets.title();
        topics = facets.topics();
        searchText = facets.searchText();
    }
}
