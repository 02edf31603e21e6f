-- The store's identity (#18): a random id made once, when the store is created. The analytics
-- snapshot file beside a server names the store it was written from, so a file of another store
-- (or of this one before a restore, which gives the restored store a new id) is never caught up
-- through a change counter that means something else there.
CREATE TABLE store_identity (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    value  TEXT NOT NULL
);
INSERT INTO store_identity (id, value) VALUES (1, replace(gen_random_uuid()::text, '-', ''));
