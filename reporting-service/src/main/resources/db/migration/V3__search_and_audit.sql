-- Search (信息保密制度 applies): the texts and the customer as received, and the text's characters
-- and character pairs, so that one- and two-character Chinese queries (信号, 退费) are served by a
-- GIN index: pg_trgm makes no trigram of two characters and skips non-ASCII text under a C locale.
ALTER TABLE complaint_fact ADD COLUMN subject TEXT;
ALTER TABLE complaint_fact ADD COLUMN description TEXT;
ALTER TABLE complaint_fact ADD COLUMN customer_name VARCHAR(100);
ALTER TABLE complaint_fact ADD COLUMN phone VARCHAR(30);
-- The searched text, normalised as the query is (NFKC, lower case, letters and digits only).
ALTER TABLE complaint_fact ADD COLUMN search_text TEXT;
ALTER TABLE complaint_fact ADD COLUMN grams TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX complaint_fact_grams ON complaint_fact USING gin (grams);

-- Who saw a customer's unmasked phone number and name, when, which complaint, from where.
CREATE TABLE unmasked_view (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    viewer       VARCHAR(200) NOT NULL,
    complaint_id UUID         NOT NULL,
    viewed_at    TIMESTAMPTZ  NOT NULL,
    remote       VARCHAR(100),
    request      VARCHAR(500) NOT NULL
);
CREATE INDEX unmasked_view_at ON unmasked_view (viewed_at DESC);
