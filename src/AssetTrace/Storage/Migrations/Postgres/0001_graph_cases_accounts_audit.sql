-- AssetTrace schema, version 1 (PostgreSQL).

CREATE TABLE nodes (
    id            text COLLATE "C" PRIMARY KEY,
    kind          text NOT NULL,
    -- COLLATE "C": names sort by code point, exactly as SQLite sorts them, so pages match.
    name          text COLLATE "C" NOT NULL,
    properties    jsonb NOT NULL,
    valid_from    date,
    valid_to      date,
    source_kind   text NOT NULL,
    source_ref    text,
    obtained_at   timestamptz NOT NULL,
    recorded_by   text NOT NULL,
    restriction   text NOT NULL,
    version       integer NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text NOT NULL,
    deleted       boolean NOT NULL DEFAULT false
);
CREATE INDEX nodes_kind_name ON nodes (kind, name);

-- Every version of every node, including the one a deletion left behind.
CREATE TABLE node_versions (
    node_id       text NOT NULL,
    version       integer NOT NULL,
    change        text NOT NULL,
    state         text NOT NULL,
    changed_at    timestamptz NOT NULL,
    changed_by    text NOT NULL,
    reason        text,
    PRIMARY KEY (node_id, version)
);

-- One row per word key of a node's names: the search index (see NameKey).
-- COLLATE "C" so that prefix ranges (key >= 'ahm' AND key < 'ahn') use the index.
CREATE TABLE node_name_keys (
    name_key      text COLLATE "C" NOT NULL,
    node_id       text NOT NULL,
    PRIMARY KEY (name_key, node_id)
);
CREATE INDEX node_name_keys_node ON node_name_keys (node_id);

CREATE TABLE edges (
    id            text COLLATE "C" PRIMARY KEY,
    kind          text NOT NULL,
    source_id     text NOT NULL REFERENCES nodes (id),
    target_id     text NOT NULL REFERENCES nodes (id),
    properties    jsonb NOT NULL,
    share_low     numeric,
    share_high    numeric,
    valid_from    date,
    valid_to      date,
    source_kind   text NOT NULL,
    source_ref    text,
    obtained_at   timestamptz NOT NULL,
    recorded_by   text NOT NULL,
    restriction   text NOT NULL,
    version       integer NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text NOT NULL,
    deleted       boolean NOT NULL DEFAULT false
);
CREATE INDEX edges_source ON edges (source_id, id);
CREATE INDEX edges_target ON edges (target_id, id);

CREATE TABLE edge_versions (
    edge_id       text NOT NULL,
    version       integer NOT NULL,
    change        text NOT NULL,
    state         text NOT NULL,
    changed_at    timestamptz NOT NULL,
    changed_by    text NOT NULL,
    reason        text,
    PRIMARY KEY (edge_id, version)
);

CREATE TABLE cases (
    id            text PRIMARY KEY,
    number        text NOT NULL UNIQUE,
    title         text NOT NULL,
    crime_type    text NOT NULL,
    status        text NOT NULL,
    team          text NOT NULL,
    opened_on     date NOT NULL,
    version       integer NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text NOT NULL
);

CREATE TABLE case_subjects (
    case_id       text NOT NULL REFERENCES cases (id),
    node_id       text NOT NULL REFERENCES nodes (id),
    role          text NOT NULL,
    added_at      timestamptz NOT NULL,
    added_by      text NOT NULL,
    PRIMARY KEY (case_id, node_id)
);

CREATE TABLE users (
    id            text PRIMARY KEY,
    username      text NOT NULL UNIQUE,
    display_name  text NOT NULL,
    roles         text NOT NULL,
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    disabled      boolean NOT NULL DEFAULT false
);

-- Bearer tokens are stored only as SHA-256 hashes.
CREATE TABLE tokens (
    id            text PRIMARY KEY,
    user_id       text NOT NULL REFERENCES users (id),
    kind          text NOT NULL,
    name          text NOT NULL,
    token_hash    text NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz,
    revoked_at    timestamptz
);

-- Append-only, hash-chained: hash = SHA-256 over the previous hash and this row's fields.
-- Before/after are text, not jsonb: jsonb would reformat them and break the hashes.
CREATE TABLE audit_log (
    seq           bigint PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor         text NOT NULL,
    action        text NOT NULL,
    entity        text NOT NULL,
    before_state  text,
    after_state   text,
    reason        text,
    prev_hash     text NOT NULL,
    hash          text NOT NULL
);
