-- Accounts an office can run (#11): a password set by someone else (the first-run admin's,
-- printed to the log; one an admin chose or reset) must be changed at the first sign-in.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;

-- Nobody could change a password before this migration, so every existing password was
-- chosen or seen by someone other than its user: each is changed at the next sign-in.
UPDATE users SET must_change_password = true;

-- Disabling a user or resetting a password revokes the user's tokens.
CREATE INDEX tokens_user ON tokens (user_id);
