-- AssetTrace schema, version 1 (SQLite). Instants are ISO-8601 text in UTC, dates YYYY-MM-DD.

CREATE TABLE nodes (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    properties    TEXT NOT NULL,
    valid_from    TEXT,
    valid_to      TEXT,
    source_kind   TEXT NOT NULL,
    source_ref    TEXT,
    obtained_at   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL,
    restriction   TEXT NOT NULL,
    version       INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX nodes_kind_name ON nodes (kind, name);

-- Every version of every node, including the one a deletion left behind.
CREATE TABLE node_versions (
    node_id       TEXT NOT NULL,
    version       INTEGER NOT NULL,
    change        TEXT NOT NULL,
    state         TEXT NOT NULL,
    changed_at    TEXT NOT NULL,
    changed_by    TEXT NOT NULL,
    reason        TEXT,
    PRIMARY KEY (node_id, version)
);

-- One row per word key of a node's names: the search index (see NameKey).
CREATE TABLE node_name_keys (
    name_key      TEXT NOT NULL,
    node_id       TEXT NOT NULL,
    PRIMARY KEY (name_key, node_id)
) WITHOUT ROWID;
CREATE INDEX node_name_keys_node ON node_name_keys (node_id);

CREATE TABLE edges (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    source_id     TEXT NOT NULL REFERENCES nodes (id),
    target_id     TEXT NOT NULL REFERENCES nodes (id),
    properties    TEXT NOT NULL,
    share_low     NUMERIC,
    share_high    NUMERIC,
    valid_from    TEXT,
    valid_to      TEXT,
    source_kind   TEXT NOT NULL,
    source_ref    TEXT,
    obtained_at   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL,
    restriction   TEXT NOT NULL,
    version       INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX edges_source ON edges (source_id, id);
CREATE INDEX edges_target ON edges (target_id, id);

CREATE TABLE edge_versions (
    edge_id       TEXT NOT NULL,
    version       INTEGER NOT NULL,
    change        TEXT NOT NULL,
    state         TEXT NOT NULL,
    changed_at    TEXT NOT NULL,
    changed_by    TEXT NOT NULL,
    reason        TEXT,
    PRIMARY KEY (edge_id, version)
);

CREATE TABLE cases (
    id            TEXT PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    crime_type    TEXT NOT NULL,
    status        TEXT NOT NULL,
    team          TEXT NOT NULL,
    opened_on     TEXT NOT NULL,
    version       INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);

CREATE TABLE case_subjects (
    case_id       TEXT NOT NULL REFERENCES cases (id),
    node_id       TEXT NOT NULL REFERENCES nodes (id),
    role          TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL,
    PRIMARY KEY (case_id, node_id)
);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    roles         TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0
);

-- Bearer tokens are stored only as SHA-256 hashes.
CREATE TABLE tokens (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id),
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    expires_at    TEXT,
    revoked_at    TEXT
);

-- Append-only, hash-chained: hash = SHA-256 over the previous hash and this row's fields.
CREATE TABLE audit_log (
    seq           INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    entity        TEXT NOT NULL,
    before_state  TEXT,
    after_state   TEXT,
    reason        TEXT,
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL
);
