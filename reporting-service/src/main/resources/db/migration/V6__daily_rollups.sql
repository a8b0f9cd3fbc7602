-- The reply clock's state in followup's latest ClocksSet: an unreplied complaint counts as late
-- once followup says its reply clock is breached (so that what a complaint contributes to the
-- pre-aggregates depends on its rows only, not on the time they are read).
ALTER TABLE complaint_fact ADD COLUMN reply_state VARCHAR(10);

-- Per day and dimensions, each KPI's counts on its own day: the reports sum these rows instead of
-- scanning a month of complaints. Kept by difference at projection time (DailyRollups).
CREATE TABLE kpi_day (
    day                 DATE         NOT NULL,
    channel             VARCHAR(16)  NOT NULL,
    category            VARCHAR(64)  NOT NULL,
    department          VARCHAR(40)  NOT NULL,
    area                VARCHAR(100) NOT NULL,
    area_province       VARCHAR(40)  NOT NULL,
    area_city           VARCHAR(40)  NOT NULL,
    area_district       VARCHAR(40)  NOT NULL,
    received            BIGINT NOT NULL DEFAULT 0,
    fcr                 BIGINT NOT NULL DEFAULT 0,
    repeats             BIGINT NOT NULL DEFAULT 0,
    escalated           BIGINT NOT NULL DEFAULT 0,
    regulator           BIGINT NOT NULL DEFAULT 0,
    incident_linked     BIGINT NOT NULL DEFAULT 0,
    dispatched          BIGINT NOT NULL DEFAULT 0,
    attributed          BIGINT NOT NULL DEFAULT 0,
    overdue             BIGINT NOT NULL DEFAULT 0,
    closed              BIGINT NOT NULL DEFAULT 0,
    unreachable         BIGINT NOT NULL DEFAULT 0,
    withdrawals         BIGINT NOT NULL DEFAULT 0,
    handling_seconds    BIGINT NOT NULL DEFAULT 0,
    handled             BIGINT NOT NULL DEFAULT 0,
    reply_due           BIGINT NOT NULL DEFAULT 0,
    replied_on_time     BIGINT NOT NULL DEFAULT 0,
    callbacks_reached   BIGINT NOT NULL DEFAULT 0,
    callbacks_satisfied BIGINT NOT NULL DEFAULT 0,
    reopened            BIGINT NOT NULL DEFAULT 0,
    replies             BIGINT NOT NULL DEFAULT 0,
    returns             BIGINT NOT NULL DEFAULT 0,
    compensation        NUMERIC(16, 2) NOT NULL DEFAULT 0,
    breaches            BIGINT NOT NULL DEFAULT 0,
    escalations         BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, channel, category, department, area, area_province, area_city, area_district)
);

-- Per day, the monthly analysis' small lists: ROOT_CAUSE (by the result's day), REFERRAL (by the
-- receipt's), CLOCK_MET and CLOCK_BREACHED per clock kind (by the due day).
CREATE TABLE tally_day (
    day   DATE        NOT NULL,
    tally VARCHAR(20) NOT NULL,
    key   VARCHAR(64) NOT NULL,
    n     BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (day, tally, key)
);

-- What is still read from the complaints themselves, each by an index that reads only what it needs:
-- incidents (distinct, so not summable), clocks at risk among open complaints, the longest handled.
CREATE INDEX complaint_fact_incident ON complaint_fact (received_at) WHERE incident_id IS NOT NULL;
CREATE INDEX complaint_fact_open_clocks ON complaint_fact (next_due_at, next_warn_at)
    WHERE closed_at IS NULL OR reopened_at > closed_at;
CREATE INDEX complaint_fact_handling ON complaint_fact ((closed_at - received_at) DESC)
    WHERE closed_at IS NOT NULL AND received_at IS NOT NULL;
