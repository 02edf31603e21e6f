-- The open-source watch (#15): which sources run, their runs and the frontier a crawl resumes from,
-- the snapshots of every page fetched (bodies content-addressed by SHA-256), and the leads they raised.
-- The sources themselves are files (Watch:SourcesDirectory); only their state is kept here.
CREATE TABLE watch_sources (
    name        text PRIMARY KEY,
    paused      boolean NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL,
    updated_by  text NOT NULL
);

CREATE TABLE watch_runs (
    id          text PRIMARY KEY,
    source      text NOT NULL,
    started_at  timestamptz NOT NULL,
    started_by  text NOT NULL,
    finished_at timestamptz,
    status      text NOT NULL,
    fetched     integer NOT NULL DEFAULT 0,
    unchanged   integer NOT NULL DEFAULT 0,
    changed     integer NOT NULL DEFAULT 0,
    failed      integer NOT NULL DEFAULT 0,
    leads       integer NOT NULL DEFAULT 0,
    -- Addresses in the frontier: kept here so a page's links are capped without counting the frontier each time.
    queued      integer NOT NULL DEFAULT 0,
    errors      text NOT NULL DEFAULT '[]'
);
CREATE INDEX watch_runs_source ON watch_runs (source, started_at);

-- What a run still has to fetch: a crawl interrupted by a crash goes on from the rows not done.
CREATE TABLE watch_frontier (
    run_id      text NOT NULL REFERENCES watch_runs (id),
    url         text NOT NULL,
    position    integer NOT NULL,
    depth       integer NOT NULL,
    done        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, url)
);
CREATE INDEX watch_frontier_next ON watch_frontier (run_id, done, position);

CREATE TABLE watch_bodies (
    sha256      text PRIMARY KEY,
    size        bigint NOT NULL,
    body        bytea NOT NULL
);

CREATE TABLE watch_snapshots (
    id            text PRIMARY KEY,
    source        text NOT NULL,
    run_id        text NOT NULL,
    url           text NOT NULL,
    status        integer NOT NULL,
    headers       text NOT NULL,
    fetched_at    timestamptz NOT NULL,
    sha256        text NOT NULL REFERENCES watch_bodies (sha256),
    truncated     boolean NOT NULL DEFAULT false,
    content_type  text,
    charset       text
);
CREATE INDEX watch_snapshots_url ON watch_snapshots (source, url, fetched_at);

-- The validators and hash of the newest snapshot of each page, for conditional requests.
CREATE TABLE watch_pages (
    source         text NOT NULL,
    url            text NOT NULL,
    etag           text,
    last_modified  text,
    sha256         text NOT NULL,
    snapshot_id    text NOT NULL,
    PRIMARY KEY (source, url)
);

CREATE TABLE watch_leads (
    id            text PRIMARY KEY,
    source        text NOT NULL,
    snapshot_id   text NOT NULL REFERENCES watch_snapshots (id),
    case_id       text NOT NULL REFERENCES cases (id),
    node_id       text NOT NULL,
    record        text NOT NULL,
    -- What accepting writes, fixed when the lead is raised from the source's mapping then: {kind, properties, link}.
    becomes       text NOT NULL,
    score         double precision NOT NULL,
    matched_name  text NOT NULL,
    explanation   text NOT NULL,
    status        text NOT NULL,
    created_at    timestamptz NOT NULL,
    decided_at    timestamptz,
    decided_by    text,
    reason        text,
    facts         text NOT NULL DEFAULT '[]',
    UNIQUE (snapshot_id, case_id, node_id, record)
);
CREATE INDEX watch_leads_case ON watch_leads (case_id, status, created_at);
