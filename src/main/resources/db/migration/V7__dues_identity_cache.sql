-- The monthly roll inserts one dues_charge row per member (100,000 in the benchmark). H2 hands out
-- identity values from a cache of 32 and writes the sequence to the store every time the cache
-- runs out: a quarter of the roll's time went there. A larger cache only means that ids may skip
-- after a crash; no one reads meaning into these ids (receipt numbers are numbered separately,
-- without gaps). See docs/benchmarks.md, the monthly roll.
ALTER TABLE dues_charge ALTER COLUMN id SET CACHE 10000;
ALTER TABLE dues_payment ALTER COLUMN id SET CACHE 10000;
ALTER TABLE member_wage ALTER COLUMN id SET CACHE 10000;
