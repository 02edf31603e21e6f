-- Mail transport of the request desk (issue #5; see docs/MAIL.md).

-- Outgoing mail. The MIME text is built once, at enqueue, with its Message-ID and Date, so a
-- retry sends the same bytes. status: queued -> sending -> sent | failed (and back to queued
-- after a transient failure). lease_until: a 'sending' row whose lease has passed was left by
-- a crash and is sent again. notified_at: when IMailEvents heard of the outcome.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    message_id      TEXT NOT NULL UNIQUE,
    request_id      TEXT NOT NULL,
    reply_token     TEXT NOT NULL UNIQUE,
    sender          TEXT NOT NULL,
    recipients      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    mime            BLOB NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_until     TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    failed_at       TEXT,
    notified_at     TEXT
);
CREATE INDEX mail_outbox_request ON mail_outbox (request_id, id);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);

-- Every status change of an outgoing message, with its time and detail: the outbox's own audit trail.
CREATE TABLE mail_outbox_events (
    id              INTEGER PRIMARY KEY,
    outbox_id       INTEGER NOT NULL REFERENCES mail_outbox (id),
    at              TEXT NOT NULL,
    status          TEXT NOT NULL,
    detail          TEXT
);
CREATE INDEX mail_outbox_events_message ON mail_outbox_events (outbox_id, id);

-- Received mail, kept whole (raw MIME) and parsed. message_key is the Message-ID, or a hash of
-- the raw text when a message has none: the key that de-duplicates re-fetched messages.
CREATE TABLE mail_inbox (
    id              INTEGER PRIMARY KEY,
    message_key     TEXT NOT NULL UNIQUE,
    message_id      TEXT NOT NULL,
    in_reply_to     TEXT,
    reference_ids   TEXT NOT NULL,
    sender          TEXT NOT NULL,
    recipients      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    sent_date       TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    reply_token     TEXT,
    bounce          TEXT,
    raw             BLOB NOT NULL,
    raw_size        INTEGER NOT NULL,
    raw_sha256      TEXT NOT NULL,
    account         TEXT NOT NULL,
    folder          TEXT NOT NULL,
    uid_validity    INTEGER NOT NULL,
    uid             INTEGER NOT NULL,
    received_at     TEXT NOT NULL,
    notified_at     TEXT
);
CREATE INDEX mail_inbox_message_id ON mail_inbox (message_id);
CREATE INDEX mail_inbox_unnotified ON mail_inbox (notified_at, id);

-- Attachments of received mail. status 'kept' has the bytes; 'rejected' says why not (size or type).
CREATE TABLE mail_attachments (
    id              INTEGER PRIMARY KEY,
    inbox_id        INTEGER NOT NULL REFERENCES mail_inbox (id),
    file_name       TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    status          TEXT NOT NULL,
    reason          TEXT,
    content         BLOB
);
CREATE INDEX mail_attachments_message ON mail_attachments (inbox_id, id);

-- Where the receiver is in each IMAP folder: a restart resumes after last_uid, and a changed
-- uid_validity starts a resync from the first message.
CREATE TABLE mail_imap_state (
    account         TEXT NOT NULL,
    folder          TEXT NOT NULL,
    uid_validity    INTEGER NOT NULL,
    last_uid        INTEGER NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (account, folder)
);
