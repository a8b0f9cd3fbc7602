-- Every new time told to the customer after intake's promise: who promised it, when, and why.
CREATE TABLE customer_promise (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id UUID         NOT NULL REFERENCES followed_complaint (complaint_id),
    due_at       TIMESTAMPTZ  NOT NULL,
    agent_id     VARCHAR(100) NOT NULL,
    note         TEXT,
    promised_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX customer_promise_complaint ON customer_promise (complaint_id, promised_at);
