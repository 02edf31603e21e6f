-- Recovery (#17): an accepted recommendation that drafts no request becomes a task of its case,
-- written in the decision's transaction, and done once with who, when and a note. Its texts are
-- kept as accepted: the rule that proposed it may no longer fire once the facts change.
CREATE TABLE recovery_tasks (
    id          text PRIMARY KEY,
    case_id     text NOT NULL REFERENCES cases (id),
    rec_key     text NOT NULL,
    title_en    text NOT NULL,
    title_ru    text NOT NULL,
    why_en      text NOT NULL,
    why_ru      text NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text NOT NULL,
    done_at     timestamptz,
    done_by     text,
    done_note   text,
    version     integer NOT NULL,
    UNIQUE (case_id, rec_key)
);
CREATE INDEX recovery_tasks_case ON recovery_tasks (case_id, created_at);
