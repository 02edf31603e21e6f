-- The open-source watch (#15): which sources run, their runs and the frontier a crawl resumes from,
-- the snapshots of every page fetched (bodies content-addressed by SHA-256), and the leads they raised.
-- The sources themselves are files (Watch:SourcesDirectory); only their state is kept here.
CREATE TABLE watch_sources (
    name        TEXT PRIMARY KEY,
    paused      INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

CREATE TABLE watch_runs (
    id          TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    started_by  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL,
    fetched     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    changed     INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0,
    leads       INTEGER NOT NULL DEFAULT 0,
    -- Addresses in the frontier: kept here so a page's links are capped without counting the frontier each time.
    queued      INTEGER NOT NULL DEFAULT 0,
    errors      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX watch_runs_source ON watch_runs (source, started_at);

-- What a run still has to fetch: a crawl interrupted by a crash goes on from the rows not done.
CREATE TABLE watch_frontier (
    run_id      TEXT NOT NULL REFERENCES watch_runs (id),
    url         TEXT NOT NULL,
    position    INTEGER NOT NULL,
    depth       INTEGER NOT NULL,
    done        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, url)
);
CREATE INDEX watch_frontier_next ON watch_frontier (run_id, done, position);

CREATE TABLE watch_bodies (
    sha256      TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    body        BLOB NOT NULL
);

CREATE TABLE watch_snapshots (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL,
    run_id        TEXT NOT NULL,
    url           TEXT NOT NULL,
    status        INTEGER NOT NULL,
    headers       TEXT NOT NULL,
    fetched_at    TEXT NOT NULL,
    sha256        TEXT NOT NULL REFERENCES watch_bodies (sha256),
    truncated     INTEGER NOT NULL DEFAULT 0,
    content_type  TEXT,
    charset       TEXT
);
CREATE INDEX watch_snapshots_url ON watch_snapshots (source, url, fetched_at);

-- The validators and hash of the newest snapshot of each page, for conditional requests.
CREATE TABLE watch_pages (
    source         TEXT NOT NULL,
    url            TEXT NOT NULL,
    etag           TEXT,
    last_modified  TEXT,
    sha256         TEXT NOT NULL,
    snapshot_id    TEXT NOT NULL,
    PRIMARY KEY (source, url)
);

CREATE TABLE watch_leads (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL,
    snapshot_id   TEXT NOT NULL REFERENCES watch_snapshots (id),
    case_id       TEXT NOT NULL REFERENCES cases (id),
    node_id       TEXT NOT NULL,
    record        TEXT NOT NULL,
    -- What accepting writes, fixed when the lead is raised from the source's mapping then: {kind, properties, link}.
    becomes       TEXT NOT NULL,
    score         REAL NOT NULL,
    matched_name  TEXT NOT NULL,
    explanation   TEXT NOT NULL,
    status        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    decided_at    TEXT,
    decided_by    TEXT,
    reason        TEXT,
    facts         TEXT NOT NULL DEFAULT '[]',
    UNIQUE (snapshot_id, case_id, node_id, record)
);
CREATE INDEX watch_leads_case ON watch_leads (case_id, status, created_at);
