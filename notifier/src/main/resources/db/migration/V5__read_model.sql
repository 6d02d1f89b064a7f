-- Issue 6: the read model behind the change feed, the catalogue and the web page. Portable SQL (H2 and PostgreSQL).
--
-- What the filters of /api/changes and the feeds look at, computed once when a change is stored (never on read):
-- the standard's kind and stage after the change, its title, its topic tags (',tag,tag,' so that one LIKE finds one
-- tag) and a normalised search text (title, former titles, identifiers, keys). NULL search_text: a row stored before
-- V5, filled in at start-up (ReadModelIndexer).
ALTER TABLE change_event ADD COLUMN kind VARCHAR(64);
ALTER TABLE change_event ADD COLUMN stage VARCHAR(64);
ALTER TABLE change_event ADD COLUMN title VARCHAR(2000);
ALTER TABLE change_event ADD COLUMN topics VARCHAR(1000);
ALTER TABLE change_event ADD COLUMN search_text VARCHAR(8000);
CREATE INDEX change_event_type ON change_event (type, seq);

-- The current state of every standard, from the compacted topic tc260.standards: one row per standard, keyed by its
-- origin key (stable for its whole life, while its public key migrates: draft title → GB/T number).
CREATE TABLE standard (
    origin          VARCHAR(512)             NOT NULL PRIMARY KEY,
    std_key         VARCHAR(512)             NOT NULL,
    title           VARCHAR(2000),
    kind            VARCHAR(64),
    stage           VARCHAR(64),
    topics          VARCHAR(1000)            NOT NULL,
    search_text     VARCHAR(8000)            NOT NULL,
    comment_start   DATE,
    comment_end     DATE,
    comment_closed  DATE,
    published       DATE,
    implementation  DATE,
    version         BIGINT                   NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- VARCHAR, not TEXT: H2 reads TEXT as VARCHAR, and no large-object type is spelled alike on both databases.
    payload         VARCHAR(1000000)         NOT NULL
);

CREATE INDEX standard_key ON standard (std_key);
CREATE INDEX standard_comment_end ON standard (comment_end);

-- Every key a standard is or was known by (its current key and its previous keys) → its origin: /api/standards/{key}
-- answers for an old key too.
CREATE TABLE standard_alias (
    alias_key VARCHAR(512) NOT NULL PRIMARY KEY,
    origin    VARCHAR(512) NOT NULL
);
