-- Clocks as policy data: several per complaint, in hours, working or calendar days, each with
-- the milestones that stop it, a warning point, what it does when due, and pauses for the
-- customer. A kind opens again for a new round (a new sign-for after a reopening), so the
-- one-clock-per-kind constraint goes.
ALTER TABLE sla_clock DROP CONSTRAINT sla_clock_once;
ALTER TABLE sla_clock ADD COLUMN round INT NOT NULL DEFAULT 1;
ALTER TABLE sla_clock ADD COLUMN unit VARCHAR(20) NOT NULL DEFAULT 'WORKING_DAYS';
ALTER TABLE sla_clock ADD COLUMN stop_on VARCHAR(100) NOT NULL DEFAULT 'REPLY';
ALTER TABLE sla_clock ADD COLUMN on_due VARCHAR(20) NOT NULL DEFAULT 'ESCALATE';
ALTER TABLE sla_clock ADD COLUMN pausable BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE sla_clock ADD COLUMN warn_at TIMESTAMPTZ;
ALTER TABLE sla_clock ADD COLUMN warned_at TIMESTAMPTZ;
-- When the due action ran: the progress notice sent, or the breach recorded.
ALTER TABLE sla_clock ADD COLUMN fired_at TIMESTAMPTZ;
ALTER TABLE sla_clock ADD COLUMN paused_since TIMESTAMPTZ;
ALTER TABLE sla_clock ADD COLUMN paused_seconds BIGINT NOT NULL DEFAULT 0;
-- Moved by an approved extension or replaced by a new promise.
ALTER TABLE sla_clock ADD COLUMN revision INT NOT NULL DEFAULT 0;
ALTER TABLE sla_clock ALTER COLUMN unit DROP DEFAULT;
ALTER TABLE sla_clock ALTER COLUMN stop_on DROP DEFAULT;
ALTER TABLE sla_clock ALTER COLUMN on_due DROP DEFAULT;
ALTER TABLE sla_clock ALTER COLUMN pausable DROP DEFAULT;
DROP INDEX sla_clock_due;

-- Due actions as rows: a warning or due point of a clock, a callback due or to retry. Claimed
-- with FOR UPDATE SKIP LOCKED in batches by any replica, deleted in the transaction that acts
-- on them, so each fires once and a restart loses none. A stopped, paused or moved clock leaves
-- its rows to be dropped when they come due (the action checks the clock), which is cheaper
-- than deleting them at every stop.
CREATE TABLE due_timer (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id UUID        NOT NULL,
    action       VARCHAR(20) NOT NULL,
    subject      VARCHAR(40) NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX due_timer_due ON due_timer (due_at);

-- What followup knows of a complaint from its receipt: whom to notify and how, and the facts
-- its clocks depend on. A dispatch may arrive first (another topic); the receipt fills them in.
ALTER TABLE followed_complaint ADD COLUMN received BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE followed_complaint ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE followed_complaint ADD COLUMN type VARCHAR(20);
ALTER TABLE followed_complaint ADD COLUMN channel VARCHAR(20);
ALTER TABLE followed_complaint ADD COLUMN customer_name VARCHAR(100);
ALTER TABLE followed_complaint ADD COLUMN phone VARCHAR(30);
ALTER TABLE followed_complaint ADD COLUMN email VARCHAR(200);
ALTER TABLE followed_complaint ADD COLUMN preferred_contact VARCHAR(10);
ALTER TABLE followed_complaint ADD COLUMN owner_agent VARCHAR(100);
ALTER TABLE followed_complaint ADD COLUMN referral_source VARCHAR(40);
ALTER TABLE followed_complaint ADD COLUMN referral_no VARCHAR(100);
ALTER TABLE followed_complaint ADD COLUMN referral_due_by TIMESTAMPTZ;
ALTER TABLE followed_complaint ADD COLUMN promised_reply_by TIMESTAMPTZ;
ALTER TABLE followed_complaint ADD COLUMN signed_for_at TIMESTAMPTZ;
ALTER TABLE followed_complaint ADD COLUMN department VARCHAR(40);
-- The next callback is due (after a reply, or after an unreached call); NULL when none is.
ALTER TABLE followed_complaint ADD COLUMN callback_due_at TIMESTAMPTZ;
-- Sampled for the supervisory L3 callback once closed: PENDING until it is made, then DONE.
ALTER TABLE followed_complaint ADD COLUMN supervisory VARCHAR(10);
UPDATE followed_complaint SET callback_due_at = replied_at + INTERVAL '24 hours' WHERE state = 'REPLIED';

-- Waiting for the customer (12345 rules): pausable clocks stand still meanwhile.
CREATE TABLE clock_pause (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id UUID         NOT NULL REFERENCES followed_complaint (complaint_id),
    reason       TEXT         NOT NULL,
    started_by   VARCHAR(100) NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    ended_by     VARCHAR(100),
    ended_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX clock_pause_open ON clock_pause (complaint_id) WHERE ended_at IS NULL;

-- A new due time for one clock, requested before it expired, moved once a supervisor approved.
CREATE TABLE clock_extension (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id UUID         NOT NULL REFERENCES followed_complaint (complaint_id),
    clock_id     BIGINT       NOT NULL REFERENCES sla_clock (id),
    kind         VARCHAR(32)  NOT NULL,
    due_at       TIMESTAMPTZ  NOT NULL,
    reason       TEXT         NOT NULL,
    requested_by VARCHAR(100) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    decided_by   VARCHAR(100),
    decided_at   TIMESTAMPTZ
);
CREATE INDEX clock_extension_complaint ON clock_extension (complaint_id);

-- Every task sent on notifications.outbound and what the delivery systems said of it.
CREATE TABLE notification_task (
    id           UUID         PRIMARY KEY,
    complaint_id UUID         NOT NULL,
    purpose      VARCHAR(30)  NOT NULL,
    audience     VARCHAR(10)  NOT NULL,
    channel      VARCHAR(10)  NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    attempt      INT          NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX notification_task_complaint ON notification_task (complaint_id);

-- Clock ids from a pooled sequence, so that a batch's new clocks go to the database in one JDBC
-- batch rather than one round trip each (identity columns forbid that).
ALTER TABLE sla_clock ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE sla_clock_seq INCREMENT BY 50;
SELECT setval('sla_clock_seq', COALESCE((SELECT max(id) FROM sla_clock), 0) + 1);

-- Agents' work lists: progress notices owed, callbacks by due time, supervisory callbacks.
CREATE INDEX sla_clock_notice ON sla_clock (due_at) WHERE on_due = 'NOTIFY_PROGRESS' AND met_at IS NULL AND fired_at IS NULL;
CREATE INDEX followed_complaint_callback ON followed_complaint (callback_due_at) WHERE state = 'REPLIED';
CREATE INDEX followed_complaint_supervisory ON followed_complaint (closed_at) WHERE supervisory = 'PENDING';
