-- The promise rule followup last published on policies.sla (one row).
CREATE TABLE promise_policy (
    id                   SMALLINT PRIMARY KEY CHECK (id = 1),
    pack                 VARCHAR(40)  NOT NULL,
    name                 VARCHAR(200),
    hours                INTEGER      NOT NULL,
    referral_due_by_wins BOOLEAN      NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL
);
