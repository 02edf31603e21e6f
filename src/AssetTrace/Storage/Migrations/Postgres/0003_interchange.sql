-- Interchange (issue #4): which imported record became which node or edge, identifiers that
-- mean the same node across sources, suggested merges for an analyst, sanction listings.

-- One row per source record: '<format>:<record id>' -> the node or edge it became. Re-importing
-- a file finds its records here, so it updates the same nodes and edges instead of adding new ones.
-- owns: 1 when the record created the node (its values replace on re-import); 0 when it was
-- matched onto an existing node by an identifier (it only fills what is missing). as_of: the
-- statement date last applied, so an older statement read again does not undo a newer one.
-- superseded_by: the statement that replaced this one (BODS replacesStatements); read again, it changes nothing.
CREATE TABLE interchange_records (
    record_key    text COLLATE "C" NOT NULL,
    entity_type   text NOT NULL,
    entity_id     text NOT NULL,
    owns          boolean NOT NULL,
    as_of         text,
    superseded_by text,
    first_run     text NOT NULL,
    last_run      text NOT NULL,
    PRIMARY KEY (record_key, entity_type)
);
CREATE INDEX interchange_records_entity ON interchange_records (entity_id);

-- Identifier keys of live nodes ('reg:GB:07444723', 'imo:9123456', 'pid:KZ:880101300123'),
-- kept current from nodes.change_seq before each import (see IdentifierIndex).
CREATE TABLE interchange_identifiers (
    identifier    text COLLATE "C" NOT NULL,
    node_id       text NOT NULL,
    PRIMARY KEY (identifier, node_id)
);
CREATE INDEX interchange_identifiers_node ON interchange_identifiers (node_id);

CREATE TABLE interchange_state (
    name          text COLLATE "C" PRIMARY KEY,
    value         bigint NOT NULL
);
INSERT INTO interchange_state (name, value) VALUES ('identifiers_indexed_seq', 0);

-- Every import run, also the ones that wrote nothing (strict mode stopped, a broken file).
CREATE TABLE import_runs (
    id            text COLLATE "C" PRIMARY KEY,
    format        text NOT NULL,
    file_name     text NOT NULL,
    sha256        text NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz NOT NULL,
    actor         text NOT NULL,
    outcome       text NOT NULL,
    report        text NOT NULL
);

-- Probable duplicates (same name keys and birth date) for an analyst to accept or reject.
CREATE TABLE merge_suggestions (
    id            text COLLATE "C" PRIMARY KEY,
    node_id       text NOT NULL,
    candidate_id  text NOT NULL,
    reason        text NOT NULL,
    status        text NOT NULL,
    import_run    text,
    created_at    timestamptz NOT NULL,
    decided_at    timestamptz,
    decided_by    text,
    decision_note text,
    UNIQUE (node_id, candidate_id)
);
CREATE INDEX merge_suggestions_status ON merge_suggestions (status, created_at);

-- A listing of a node on a sanctions list (the model has no property for it; see docs/INTERCHANGE.md).
CREATE TABLE sanction_listings (
    node_id       text NOT NULL,
    list_name     text NOT NULL,
    reference     text NOT NULL,
    listed_on     date,
    program       text,
    details       text NOT NULL,
    source_ref    text NOT NULL,
    import_run    text NOT NULL,
    PRIMARY KEY (list_name, reference, node_id)
);
CREATE INDEX sanction_listings_node ON sanction_listings (node_id);
