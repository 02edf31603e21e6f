-- The open-source watch tells a case's analysts of new leads by e-mail (#15).

-- A user's own e-mail address, for notices from the office's system; NULL: none is sent.
-- Set by the user themself or an admin, audited as user.email-changed.
ALTER TABLE users ADD COLUMN email TEXT;

-- One row per run, case and recipient whose lead digest was queued: a run resumed after a crash
-- queues no second digest. message_id is the outbox row that carries it (its status, retries and
-- failure are in mail_outbox and mail_outbox_events).
CREATE TABLE watch_lead_digests (
    run_id      TEXT NOT NULL REFERENCES watch_runs (id),
    case_id     TEXT NOT NULL REFERENCES cases (id),
    username    TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    leads       INTEGER NOT NULL,
    queued_at   TEXT NOT NULL,
    PRIMARY KEY (run_id, case_id, username)
);

-- The digest reads a run's leads through its snapshots.
CREATE INDEX watch_snapshots_run ON watch_snapshots (run_id);
