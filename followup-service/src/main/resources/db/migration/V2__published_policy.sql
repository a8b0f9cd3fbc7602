-- What followup last published on policies.sla, per pack: republished only when the file changes.
CREATE TABLE published_policy (
    pack         VARCHAR(40) PRIMARY KEY,
    checksum     CHAR(64)    NOT NULL,
    published_at TIMESTAMPTZ NOT NULL
);
