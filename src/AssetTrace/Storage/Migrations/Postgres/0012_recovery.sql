-- Recovery (#17): each asset of a case moves through the steps of recovery. recovery_assets holds
-- where each asset stands now (its step, its version for optimistic checks, the country where it
-- lies and the channel that found it); recovery_moves every recorded move, never deleted: a
-- mistaken move is reversed by a later row that names it in corrects.
CREATE TABLE recovery_assets (
    case_id     text NOT NULL REFERENCES cases (id),
    node_id     text NOT NULL,
    step        text,
    country     text,
    channel     text NOT NULL,
    version     integer NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text NOT NULL,
    PRIMARY KEY (case_id, node_id)
);

CREATE TABLE recovery_moves (
    id              text PRIMARY KEY,
    case_id         text NOT NULL,
    node_id         text NOT NULL,
    seq             integer NOT NULL,
    step            text,
    on_date         date NOT NULL,
    value           numeric,
    currency        text,
    justifications  text NOT NULL,
    unrestrained_reason text,
    corrects        text,
    note            text,
    recorded_at     timestamptz NOT NULL,
    recorded_by     text NOT NULL,
    FOREIGN KEY (case_id, node_id) REFERENCES recovery_assets (case_id, node_id),
    UNIQUE (case_id, node_id, seq)
);
CREATE INDEX recovery_moves_case ON recovery_moves (case_id, node_id, seq);

-- The assistant's recommendations that were accepted or dismissed, by case and key (a rule and
-- what it is about): a decided recommendation is not proposed again as new.
CREATE TABLE recovery_decisions (
    case_id     text NOT NULL REFERENCES cases (id),
    rec_key     text NOT NULL,
    decision    text NOT NULL,
    reason      text,
    request_id  text,
    decided_at  timestamptz NOT NULL,
    decided_by  text NOT NULL,
    PRIMARY KEY (case_id, rec_key)
);
