-- A counter bumped by every transaction that changes the graph, and on each node and edge the
-- value of the counter when it last changed: in-memory snapshots load only what changed since
-- they were built, and cached figures are keyed by the counter so any change invalidates them.
CREATE TABLE graph_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
INSERT INTO graph_version (id, version) VALUES (1, 1);
ALTER TABLE nodes ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 1;
ALTER TABLE edges ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 1;
CREATE INDEX nodes_change_seq ON nodes (change_seq);
CREATE INDEX edges_change_seq ON edges (change_seq);
