-- A batch of 500 complaints opens some 2,000 clocks: ids are fetched 500 at a time.
ALTER SEQUENCE sla_clock_seq INCREMENT BY 500;
