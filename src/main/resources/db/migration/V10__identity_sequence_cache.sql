-- Bulk writes (an import of 100,000 members, the monthly roll of 100,000 charges) draw their ids
-- from the identity sequences. With H2's default sequence cache of 32 values, every 32nd row made
-- the sequence persist its new value, and with it a store of the whole MVStore: about 3,000 extra
-- stores per 100,000 rows (a JFR profile of the import: 40 % of the writing thread's samples in
-- Sequence.flush). A cache of 10,000 values makes that 10 stores. On a normal close H2 keeps the
-- exact next value; after a crash, up to 10,000 ids may be skipped (ids are surrogate keys only:
-- nothing reads meaning into them or expects them without gaps; the audit log numbers its own rows).
ALTER TABLE member ALTER COLUMN id SET CACHE 10000;
ALTER TABLE member_event ALTER COLUMN id SET CACHE 10000;
ALTER TABLE member_wage ALTER COLUMN id SET CACHE 10000;
ALTER TABLE dues_charge ALTER COLUMN id SET CACHE 10000;
ALTER TABLE dues_payment ALTER COLUMN id SET CACHE 10000;
ALTER TABLE dues_receipt ALTER COLUMN id SET CACHE 10000;
