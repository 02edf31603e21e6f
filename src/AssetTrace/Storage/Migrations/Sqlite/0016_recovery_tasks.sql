-- Recovery (#17): an accepted recommendation that drafts no request becomes a task of its case,
-- written in the decision's transaction, and done once with who, when and a note. Its texts are
-- kept as accepted: the rule that proposed it may no longer fire once the facts change.
CREATE TABLE recovery_tasks (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases (id),
    rec_key     TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    title_ru    TEXT NOT NULL,
    why_en      TEXT NOT NULL,
    why_ru      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    done_at     TEXT,
    done_by     TEXT,
    done_note   TEXT,
    version     INTEGER NOT NULL,
    UNIQUE (case_id, rec_key)
);
CREATE INDEX recovery_tasks_case ON recovery_tasks (case_id, created_at);
