-- The satisfaction loop: each round ends with a callback; unsatisfied reopens (round + 1),
-- satisfied closes, and a customer who cannot be reached after the pack's attempts is closed as
-- unreachable.
ALTER TABLE followed_complaint ADD COLUMN round INT NOT NULL DEFAULT 1;
ALTER TABLE followed_complaint ADD COLUMN unreached_calls INT NOT NULL DEFAULT 0;
ALTER TABLE followed_complaint ADD COLUMN closed_reason VARCHAR(20);
ALTER TABLE followed_complaint ADD COLUMN closed_at TIMESTAMPTZ;

CREATE TABLE callback (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id UUID         NOT NULL REFERENCES followed_complaint (complaint_id),
    round        INT          NOT NULL,
    level        VARCHAR(2)   NOT NULL,
    reached      BOOLEAN      NOT NULL,
    satisfaction VARCHAR(20),
    comment      TEXT,
    agent_id     VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX callback_complaint ON callback (complaint_id, recorded_at);
