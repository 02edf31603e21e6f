-- Signed checkpoints of the audit log's head (#11). The signing key lives outside the database
-- (Audit:SigningKeyPath), so whoever can only write these tables can delete or rewrite entries
-- but cannot make a checkpoint that says the result is what the log held.

-- One row, rewritten in the same transaction as every append: the newest entry is always covered.
CREATE TABLE audit_head (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    seq              INTEGER NOT NULL,
    hash             TEXT NOT NULL,
    signed_at        TEXT NOT NULL,
    key_fingerprint  TEXT NOT NULL,
    public_key       TEXT NOT NULL,
    signature        TEXT NOT NULL
);

-- Kept for good: every Audit:CheckpointEvery entries and on the Audit:CheckpointInterval schedule.
CREATE TABLE audit_checkpoints (
    seq              INTEGER PRIMARY KEY,
    hash             TEXT NOT NULL,
    signed_at        TEXT NOT NULL,
    key_fingerprint  TEXT NOT NULL,
    public_key       TEXT NOT NULL,
    signature        TEXT NOT NULL
);
