-- The Asset Recovery Commission's roster (#16): entries and their acts, the evaluation of each
-- asset, documents stored whole with their SHA-256, and what was returned to the Special Fund.
-- Nothing here is ever deleted: an entry that leaves the roster is excluded or closed, with its history.
CREATE TABLE roster_entries (
    id              text PRIMARY KEY,
    number          text UNIQUE,
    case_id         text NOT NULL REFERENCES cases (id),
    subject_id      text NOT NULL,
    connected       jsonb NOT NULL,
    assets          jsonb NOT NULL,
    figure          jsonb NOT NULL,
    grounds         jsonb NOT NULL,
    stage           text NOT NULL,
    decision        jsonb,
    notice          jsonb,
    deadline_on     date,
    exclusion       jsonb,
    version         integer NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text NOT NULL
);
CREATE INDEX roster_entries_case ON roster_entries (case_id);
CREATE INDEX roster_entries_stage ON roster_entries (stage, deadline_on);

CREATE TABLE roster_events (
    entry_id    text NOT NULL REFERENCES roster_entries (id),
    seq         integer NOT NULL,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    event       text NOT NULL,
    detail      text,
    PRIMARY KEY (entry_id, seq)
);

CREATE TABLE roster_evaluations (
    entry_id    text NOT NULL REFERENCES roster_entries (id),
    seq         integer NOT NULL,
    asset_id    text NOT NULL,
    verdict     text NOT NULL,
    reason      text NOT NULL,
    evaluator   text NOT NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (entry_id, seq)
);

CREATE TABLE roster_documents (
    id            text PRIMARY KEY,
    entry_id      text NOT NULL REFERENCES roster_entries (id),
    kind          text NOT NULL,
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    content       bytea NOT NULL,
    size          bigint NOT NULL,
    sha256        text NOT NULL,
    added_at      timestamptz NOT NULL,
    added_by      text NOT NULL
);
CREATE INDEX roster_documents_entry ON roster_documents (entry_id);

CREATE TABLE roster_fund_returns (
    id              text PRIMARY KEY,
    entry_id        text NOT NULL REFERENCES roster_entries (id),
    asset_id        text NOT NULL,
    category        text NOT NULL,
    source_country  text NOT NULL,
    amount          numeric NOT NULL,
    currency        text NOT NULL,
    returned_on     date NOT NULL,
    recorded_at     timestamptz NOT NULL,
    recorded_by     text NOT NULL
);
CREATE INDEX roster_fund_returns_entry ON roster_fund_returns (entry_id);
