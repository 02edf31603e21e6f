-- The request desk: the directory of networks and contact points, requests and their timeline,
-- the facts their answers established, and the consent ledger.
CREATE TABLE networks (
    code             TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL,
    consent_required INTEGER NOT NULL,
    restriction      TEXT NOT NULL,
    urgent_hours     INTEGER NOT NULL,
    normal_days      INTEGER NOT NULL,
    low_days         INTEGER NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL
);

CREATE TABLE contact_points (
    id                  TEXT PRIMARY KEY,
    network             TEXT NOT NULL REFERENCES networks (code),
    jurisdiction        TEXT NOT NULL,
    name                TEXT NOT NULL,
    email               TEXT NOT NULL,
    languages           TEXT NOT NULL,
    time_zone           TEXT NOT NULL,
    usual_response_days INTEGER NOT NULL,
    active              INTEGER NOT NULL DEFAULT 1,
    updated_at          TEXT NOT NULL,
    updated_by          TEXT NOT NULL
);
CREATE INDEX contact_points_network ON contact_points (network, jurisdiction);

CREATE TABLE requests (
    id               TEXT PRIMARY KEY,
    number           TEXT NOT NULL UNIQUE,
    case_id          TEXT NOT NULL REFERENCES cases (id),
    network          TEXT NOT NULL REFERENCES networks (code),
    jurisdiction     TEXT NOT NULL,
    contact_point_id TEXT NOT NULL REFERENCES contact_points (id),
    body             TEXT NOT NULL,
    status           TEXT NOT NULL,
    urgency          TEXT NOT NULL,
    due_at           TEXT,
    overdue          INTEGER NOT NULL DEFAULT 0,
    reply_token      TEXT NOT NULL UNIQUE,
    author           TEXT NOT NULL,
    approved_by      TEXT,
    approved_at      TEXT,
    sent_at          TEXT,
    acknowledged_at  TEXT,
    answered_at      TEXT,
    closed_at        TEXT,
    failure_reason   TEXT,
    version          INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL
);
CREATE INDEX requests_case ON requests (case_id);
CREATE INDEX requests_status ON requests (status, due_at);

CREATE TABLE request_events (
    request_id  TEXT NOT NULL REFERENCES requests (id),
    seq         INTEGER NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    event       TEXT NOT NULL,
    detail      TEXT,
    PRIMARY KEY (request_id, seq)
);

CREATE TABLE request_facts (
    request_id  TEXT NOT NULL REFERENCES requests (id),
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (request_id, entity, entity_id)
);
CREATE INDEX request_facts_entity ON request_facts (entity, entity_id);

CREATE TABLE consents (
    id           TEXT PRIMARY KEY,
    request_id   TEXT NOT NULL REFERENCES requests (id),
    provider     TEXT NOT NULL,
    scope        TEXT NOT NULL,
    reference    TEXT NOT NULL,
    granted_on   TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
);
CREATE INDEX consents_request ON consents (request_id);

-- Inbound mail assigned to a request (threaded automatically, or by an officer from the holding pen).
CREATE TABLE request_mail (
    inbound_id  INTEGER PRIMARY KEY,
    request_id  TEXT REFERENCES requests (id),
    matched_by  TEXT NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL
);
CREATE INDEX request_mail_request ON request_mail (request_id);
