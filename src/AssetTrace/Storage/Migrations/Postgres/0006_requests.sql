-- The request desk: the directory of networks and contact points, requests and their timeline,
-- the facts their answers established, and the consent ledger.
CREATE TABLE networks (
    code             text PRIMARY KEY,
    name             text NOT NULL,
    kind             text NOT NULL,
    consent_required boolean NOT NULL,
    restriction      text NOT NULL,
    urgent_hours     integer NOT NULL,
    normal_days      integer NOT NULL,
    low_days         integer NOT NULL,
    updated_at       timestamptz NOT NULL,
    updated_by       text NOT NULL
);

CREATE TABLE contact_points (
    id                  text PRIMARY KEY,
    network             text NOT NULL REFERENCES networks (code),
    jurisdiction        text NOT NULL,
    name                text NOT NULL,
    email               text NOT NULL,
    languages           text NOT NULL,
    time_zone           text NOT NULL,
    usual_response_days integer NOT NULL,
    active              boolean NOT NULL DEFAULT true,
    updated_at          timestamptz NOT NULL,
    updated_by          text NOT NULL
);
CREATE INDEX contact_points_network ON contact_points (network, jurisdiction);

CREATE TABLE requests (
    id               text PRIMARY KEY,
    number           text NOT NULL UNIQUE,
    case_id          text NOT NULL REFERENCES cases (id),
    network          text NOT NULL REFERENCES networks (code),
    jurisdiction     text NOT NULL,
    contact_point_id text NOT NULL REFERENCES contact_points (id),
    body             jsonb NOT NULL,
    status           text NOT NULL,
    urgency          text NOT NULL,
    due_at           timestamptz,
    overdue          boolean NOT NULL DEFAULT false,
    reply_token      text NOT NULL UNIQUE,
    author           text NOT NULL,
    approved_by      text,
    approved_at      timestamptz,
    sent_at          timestamptz,
    acknowledged_at  timestamptz,
    answered_at      timestamptz,
    closed_at        timestamptz,
    failure_reason   text,
    version          integer NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    updated_by       text NOT NULL
);
CREATE INDEX requests_case ON requests (case_id);
CREATE INDEX requests_status ON requests (status, due_at);

CREATE TABLE request_events (
    request_id  text NOT NULL REFERENCES requests (id),
    seq         integer NOT NULL,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    event       text NOT NULL,
    detail      text,
    PRIMARY KEY (request_id, seq)
);

CREATE TABLE request_facts (
    request_id  text NOT NULL REFERENCES requests (id),
    entity      text NOT NULL,
    entity_id   text NOT NULL,
    recorded_at timestamptz NOT NULL,
    recorded_by text NOT NULL,
    PRIMARY KEY (request_id, entity, entity_id)
);
CREATE INDEX request_facts_entity ON request_facts (entity, entity_id);

CREATE TABLE consents (
    id           text PRIMARY KEY,
    request_id   text NOT NULL REFERENCES requests (id),
    provider     text NOT NULL,
    scope        text NOT NULL,
    reference    text NOT NULL,
    granted_on   date NOT NULL,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text NOT NULL
);
CREATE INDEX consents_request ON consents (request_id);

-- Inbound mail assigned to a request (threaded automatically, or by an officer from the holding pen).
CREATE TABLE request_mail (
    inbound_id  bigint PRIMARY KEY,
    request_id  text REFERENCES requests (id),
    matched_by  text NOT NULL,
    at          timestamptz NOT NULL,
    actor       text NOT NULL
);
CREATE INDEX request_mail_request ON request_mail (request_id);
