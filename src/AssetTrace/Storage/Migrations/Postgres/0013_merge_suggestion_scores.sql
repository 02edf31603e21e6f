-- #14: a merge suggestion keeps the name matcher's score and explanation (JSON: query, matched, how, score per part),
-- so it explains itself; suggestions made before have neither.
ALTER TABLE merge_suggestions ADD COLUMN score double precision, ADD COLUMN explanation text;
