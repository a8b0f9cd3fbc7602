-- Where each dispatched complaint stands in the loop with the customer, from routing's events
-- and followup's own actions.
CREATE TABLE followed_complaint (
    complaint_id UUID        PRIMARY KEY,
    number       VARCHAR(40) NOT NULL,
    state        VARCHAR(20) NOT NULL,
    result_at    TIMESTAMPTZ,
    replied_at   TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Every reply sent to a customer, with the forbidden phrases the agent acknowledged sending.
CREATE TABLE customer_reply (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id UUID         NOT NULL REFERENCES followed_complaint (complaint_id),
    agent_id     VARCHAR(100) NOT NULL,
    channel      VARCHAR(10)  NOT NULL,
    message      TEXT         NOT NULL,
    warnings     TEXT[]       NOT NULL,
    replied_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX customer_reply_complaint ON customer_reply (complaint_id, replied_at);
