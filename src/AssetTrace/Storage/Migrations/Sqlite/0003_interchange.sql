-- Interchange (issue #4): which imported record became which node or edge, identifiers that
-- mean the same node across sources, suggested merges for an analyst, sanction listings.

-- One row per source record: '<format>:<record id>' -> the node or edge it became. Re-importing
-- a file finds its records here, so it updates the same nodes and edges instead of adding new ones.
-- owns: 1 when the record created the node (its values replace on re-import); 0 when it was
-- matched onto an existing node by an identifier (it only fills what is missing). as_of: the
-- statement date last applied, so an older statement read again does not undo a newer one.
-- superseded_by: the statement that replaced this one (BODS replacesStatements); read again, it changes nothing.
CREATE TABLE interchange_records (
    record_key    TEXT NOT NULL,
    entity_type   TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    owns          INTEGER NOT NULL,
    as_of         TEXT,
    superseded_by TEXT,
    first_run     TEXT NOT NULL,
    last_run      TEXT NOT NULL,
    PRIMARY KEY (record_key, entity_type)
) WITHOUT ROWID;
CREATE INDEX interchange_records_entity ON interchange_records (entity_id);

-- Identifier keys of live nodes ('reg:GB:07444723', 'imo:9123456', 'pid:KZ:880101300123'),
-- kept current from nodes.change_seq before each import (see IdentifierIndex).
CREATE TABLE interchange_identifiers (
    identifier    TEXT NOT NULL,
    node_id       TEXT NOT NULL,
    PRIMARY KEY (identifier, node_id)
) WITHOUT ROWID;
CREATE INDEX interchange_identifiers_node ON interchange_identifiers (node_id);

CREATE TABLE interchange_state (
    name          TEXT PRIMARY KEY,
    value         INTEGER NOT NULL
);
INSERT INTO interchange_state (name, value) VALUES ('identifiers_indexed_seq', 0);

-- Every import run, also the ones that wrote nothing (strict mode stopped, a broken file).
CREATE TABLE import_runs (
    id            TEXT PRIMARY KEY,
    format        TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT NOT NULL,
    actor         TEXT NOT NULL,
    outcome       TEXT NOT NULL,
    report        TEXT NOT NULL
);

-- Probable duplicates (same name keys and birth date) for an analyst to accept or reject.
CREATE TABLE merge_suggestions (
    id            TEXT PRIMARY KEY,
    node_id       TEXT NOT NULL,
    candidate_id  TEXT NOT NULL,
    reason        TEXT NOT NULL,
    status        TEXT NOT NULL,
    import_run    TEXT,
    created_at    TEXT NOT NULL,
    decided_at    TEXT,
    decided_by    TEXT,
    decision_note TEXT,
    UNIQUE (node_id, candidate_id)
);
CREATE INDEX merge_suggestions_status ON merge_suggestions (status, created_at);

-- A listing of a node on a sanctions list (the model has no property for it; see docs/INTERCHANGE.md).
CREATE TABLE sanction_listings (
    node_id       TEXT NOT NULL,
    list_name     TEXT NOT NULL,
    reference     TEXT NOT NULL,
    listed_on     TEXT,
    program       TEXT,
    details       TEXT NOT NULL,
    source_ref    TEXT NOT NULL,
    import_run    TEXT NOT NULL,
    PRIMARY KEY (list_name, reference, node_id)
);
CREATE INDEX sanction_listings_node ON sanction_listings (node_id);
