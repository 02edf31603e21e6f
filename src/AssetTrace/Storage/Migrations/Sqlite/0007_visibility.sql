-- Need-to-know (#11). A fact (node or edge) bound to a case is restricted: only the case's team,
-- the supervisors named on the case and admins see it. NULL means open to every signed-in user.
ALTER TABLE nodes ADD COLUMN restricted_case text;
ALTER TABLE edges ADD COLUMN restricted_case text;

-- The channel a fact was first received through, kept when its provenance is later changed:
-- whether it may reach a court document is decided from this and the consent ledger, never from
-- the current label. NULL means the provenance was never changed (the current one is the original).
ALTER TABLE nodes ADD COLUMN origin_source text;
ALTER TABLE nodes ADD COLUMN origin_restriction text;
ALTER TABLE edges ADD COLUMN origin_source text;
ALTER TABLE edges ADD COLUMN origin_restriction text;

-- The supervisors named on a case see its restricted facts as its team does.
ALTER TABLE cases ADD COLUMN supervisors text NOT NULL DEFAULT '[]';

-- Who may see each case, one row per person: team member or named supervisor. Kept by CaseStore
-- in the same transaction as the case, so a user's visible cases are one indexed lookup.
CREATE TABLE case_access (
    username  text NOT NULL,
    case_id   text NOT NULL REFERENCES cases (id),
    access    text NOT NULL,
    PRIMARY KEY (username, case_id, access)
);
CREATE INDEX case_access_case ON case_access (case_id);
INSERT INTO case_access (case_id, username, access) SELECT c.id, j.value, 'team' FROM cases c, json_each(c.team) j;

-- What already arrived in answer to an informal request becomes restricted to the request's case.
UPDATE graph_version SET version = version + 1 WHERE id = 1;
UPDATE nodes SET
    restricted_case = (SELECT r.case_id FROM request_facts f JOIN requests r ON r.id = f.request_id JOIN networks w ON w.code = r.network
                       WHERE f.entity = 'node' AND f.entity_id = nodes.id AND w.restriction <> 'evidence' ORDER BY f.recorded_at LIMIT 1),
    change_seq = (SELECT version FROM graph_version WHERE id = 1)
WHERE id IN (SELECT entity_id FROM request_facts WHERE entity = 'node');
UPDATE edges SET
    restricted_case = (SELECT r.case_id FROM request_facts f JOIN requests r ON r.id = f.request_id JOIN networks w ON w.code = r.network
                       WHERE f.entity = 'edge' AND f.entity_id = edges.id AND w.restriction <> 'evidence' ORDER BY f.recorded_at LIMIT 1),
    change_seq = (SELECT version FROM graph_version WHERE id = 1)
WHERE id IN (SELECT entity_id FROM request_facts WHERE entity = 'edge');
