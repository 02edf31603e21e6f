-- The Asset Recovery Commission's roster (#16): entries and their acts, the evaluation of each
-- asset, documents stored whole with their SHA-256, and what was returned to the Special Fund.
-- Nothing here is ever deleted: an entry that leaves the roster is excluded or closed, with its history.
CREATE TABLE roster_entries (
    id              TEXT PRIMARY KEY,
    number          TEXT UNIQUE,
    case_id         TEXT NOT NULL REFERENCES cases (id),
    subject_id      TEXT NOT NULL,
    connected       TEXT NOT NULL,
    assets          TEXT NOT NULL,
    figure          TEXT NOT NULL,
    grounds         TEXT NOT NULL,
    stage           TEXT NOT NULL,
    decision        TEXT,
    notice          TEXT,
    deadline_on     TEXT,
    exclusion       TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
);
CREATE INDEX roster_entries_case ON roster_entries (case_id);
CREATE INDEX roster_entries_stage ON roster_entries (stage, deadline_on);

CREATE TABLE roster_events (
    entry_id    TEXT NOT NULL REFERENCES roster_entries (id),
    seq         INTEGER NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    event       TEXT NOT NULL,
    detail      TEXT,
    PRIMARY KEY (entry_id, seq)
);

CREATE TABLE roster_evaluations (
    entry_id    TEXT NOT NULL REFERENCES roster_entries (id),
    seq         INTEGER NOT NULL,
    asset_id    TEXT NOT NULL,
    verdict     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    evaluator   TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (entry_id, seq)
);

CREATE TABLE roster_documents (
    id            TEXT PRIMARY KEY,
    entry_id      TEXT NOT NULL REFERENCES roster_entries (id),
    kind          TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    content       BLOB NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL
);
CREATE INDEX roster_documents_entry ON roster_documents (entry_id);

CREATE TABLE roster_fund_returns (
    id              TEXT PRIMARY KEY,
    entry_id        TEXT NOT NULL REFERENCES roster_entries (id),
    asset_id        TEXT NOT NULL,
    category        TEXT NOT NULL,
    source_country  TEXT NOT NULL,
    amount          NUMERIC NOT NULL,
    currency        TEXT NOT NULL,
    returned_on     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL
);
CREATE INDEX roster_fund_returns_entry ON roster_fund_returns (entry_id);
