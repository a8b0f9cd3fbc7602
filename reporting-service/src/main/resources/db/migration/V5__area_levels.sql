-- Where the complaint's area lies at each level of the administrative divisions (GB/T 2260
-- names), placed at projection time: breakdowns by province, city or district.
ALTER TABLE complaint_fact ADD COLUMN area_province VARCHAR(40);
ALTER TABLE complaint_fact ADD COLUMN area_city VARCHAR(40);
ALTER TABLE complaint_fact ADD COLUMN area_district VARCHAR(40);
