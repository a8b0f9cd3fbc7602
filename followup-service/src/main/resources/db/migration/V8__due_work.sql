-- Agents' work lists read complaints by where they stand.
CREATE INDEX followed_complaint_state ON followed_complaint (state, replied_at);
CREATE INDEX sla_clock_complaint ON sla_clock (complaint_id, kind);
