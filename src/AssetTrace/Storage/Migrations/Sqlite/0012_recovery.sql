-- Recovery (#17): each asset of a case moves through the steps of recovery. recovery_assets holds
-- where each asset stands now (its step, its version for optimistic checks, the country where it
-- lies and the channel that found it); recovery_moves every recorded move, never deleted: a
-- mistaken move is reversed by a later row that names it in corrects.
CREATE TABLE recovery_assets (
    case_id     TEXT NOT NULL REFERENCES cases (id),
    node_id     TEXT NOT NULL,
    step        TEXT,
    country     TEXT,
    channel     TEXT NOT NULL,
    version     INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (case_id, node_id)
);

CREATE TABLE recovery_moves (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL,
    node_id         TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    step            TEXT,
    on_date         TEXT NOT NULL,
    value           NUMERIC,
    currency        TEXT,
    justifications  TEXT NOT NULL,
    unrestrained_reason TEXT,
    corrects        TEXT,
    note            TEXT,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    FOREIGN KEY (case_id, node_id) REFERENCES recovery_assets (case_id, node_id),
    UNIQUE (case_id, node_id, seq)
);
CREATE INDEX recovery_moves_case ON recovery_moves (case_id, node_id, seq);

-- The assistant's recommendations that were accepted or dismissed, by case and key (a rule and
-- what it is about): a decided recommendation is not proposed again as new.
CREATE TABLE recovery_decisions (
    case_id     TEXT NOT NULL REFERENCES cases (id),
    rec_key     TEXT NOT NULL,
    decision    TEXT NOT NULL,
    reason      TEXT,
    request_id  TEXT,
    decided_at  TEXT NOT NULL,
    decided_by  TEXT NOT NULL,
    PRIMARY KEY (case_id, rec_key)
);
