-- Each clock of each complaint as followup's latest ClocksSet showed it: SLA compliance per clock.
CREATE TABLE clock_fact (
    complaint_id UUID        NOT NULL,
    kind         VARCHAR(32) NOT NULL,
    round        INT         NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    state        VARCHAR(10) NOT NULL,
    set_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (complaint_id, kind, round)
);
CREATE INDEX clock_fact_due ON clock_fact (due_at);
