-- Running figures for the 工作台 (dashboard), kept up to date in the same transaction as every
-- write that changes them (db/RunningFigures, decision 0010), so the dashboard reads a few small
-- tables instead of every member, event, charge and payment. Each table is derived data: this
-- migration fills it from the rows already stored, and RunningFigures keeps it equal to what a
-- computation from scratch gives.

-- Charges minus payments (refunds and reversals are negative payments) of each member, all time.
CREATE TABLE dues_member_balance (
    member_id    BIGINT NOT NULL PRIMARY KEY,
    balance_fen  BIGINT NOT NULL
);

-- Charged for the month (period) and paid in the month (paid_on), per department of the member
-- today (department_id 0: none). A member moving to another department moves their sums.
CREATE TABLE dues_department_month (
    period         DATE   NOT NULL,
    department_id  BIGINT NOT NULL,
    due_fen        BIGINT NOT NULL,
    paid_fen       BIGINT NOT NULL,
    CONSTRAINT dues_department_month_pk PRIMARY KEY (period, department_id)
);

-- Members whose charges up to the month exceed their payments up to its last day, for every
-- month from the first with dues data to the last (later months: as the last one; earlier: 0).
CREATE TABLE dues_arrears_month (
    period         DATE NOT NULL PRIMARY KEY,
    members_owing  INT  NOT NULL
);

-- Members holding membership (在册 or 退休保留会籍) on a day = the sum of the changes dated on or
-- before it, from the lifecycle events (the last event of a day decides the day's status).
CREATE TABLE member_holding_change (
    change_day  DATE NOT NULL PRIMARY KEY,
    delta       INT  NOT NULL
);

-- Members without any lifecycle event (the statistics take them as joined on their join date
-- with their current status). Normally empty: every register and import writes a join event.
CREATE TABLE member_without_events (
    member_id  BIGINT      NOT NULL PRIMARY KEY,
    join_date  DATE        NOT NULL,
    status     VARCHAR(20) NOT NULL
);

-- The month's joins and leaves, and the month's payments, are read by date.
CREATE INDEX member_event_date_idx ON member_event (event_date);
CREATE INDEX dues_payment_paid_on_idx ON dues_payment (paid_on);

-- --- backfill from the rows already stored ----------------------------------------------------

INSERT INTO dues_member_balance (member_id, balance_fen)
SELECT member_id, SUM(n) FROM (
    SELECT member_id, amount_fen AS n FROM dues_charge
    UNION ALL
    SELECT member_id, -amount_fen AS n FROM dues_payment
) x GROUP BY member_id;

INSERT INTO dues_department_month (period, department_id, due_fen, paid_fen)
SELECT period, department_id, SUM(due), SUM(paid) FROM (
    SELECT c.period AS period, COALESCE(m.department_id, 0) AS department_id, c.amount_fen AS due, 0 AS paid
    FROM dues_charge c JOIN member m ON m.id = c.member_id
    UNION ALL
    SELECT DATEADD(DAY, 1 - DAY(p.paid_on), p.paid_on), COALESCE(m.department_id, 0), 0, p.amount_fen
    FROM dues_payment p JOIN member m ON m.id = p.member_id
) x GROUP BY period, department_id;

-- per member and month: the net change (charged for it, less paid in it), then the balance after
-- each such month; a member owes from a month with a positive balance until their next month
CREATE TABLE v9_member_month AS
SELECT member_id, period, SUM(n) AS n FROM (
    SELECT member_id, period, amount_fen AS n FROM dues_charge
    UNION ALL
    SELECT member_id, DATEADD(DAY, 1 - DAY(paid_on), paid_on), -amount_fen FROM dues_payment
) x GROUP BY member_id, period;

CREATE TABLE v9_owing_change AS
SELECT period, SUM(d) AS d FROM (
    SELECT period, CASE WHEN bal > 0 THEN 1 ELSE 0 END AS d FROM (
        SELECT member_id, period, SUM(n) OVER (PARTITION BY member_id ORDER BY period) AS bal FROM v9_member_month
    ) a
    UNION ALL
    SELECT next_period, CASE WHEN bal > 0 THEN -1 ELSE 0 END FROM (
        SELECT member_id, SUM(n) OVER (PARTITION BY member_id ORDER BY period) AS bal,
               LEAD(period) OVER (PARTITION BY member_id ORDER BY period) AS next_period
        FROM v9_member_month
    ) b WHERE next_period IS NOT NULL
) c GROUP BY period;

INSERT INTO dues_arrears_month (period, members_owing)
SELECT mo, (SELECT COALESCE(SUM(o.d), 0) FROM v9_owing_change o WHERE o.period <= mo) FROM (
    SELECT DATEADD(MONTH, CAST(x AS INT), (SELECT MIN(period) FROM v9_member_month)) AS mo
    FROM SYSTEM_RANGE(0, 12 * 200)
) months
WHERE (SELECT MIN(period) FROM v9_member_month) IS NOT NULL
  AND mo <= (SELECT MAX(period) FROM v9_member_month);

DROP TABLE v9_owing_change;
DROP TABLE v9_member_month;

-- the status on each day with events is the status after the day's last event (by id)
INSERT INTO member_holding_change (change_day, delta)
SELECT event_date, SUM(delta) FROM (
    SELECT event_date, h - COALESCE(LAG(h) OVER (PARTITION BY member_id ORDER BY event_date), 0) AS delta FROM (
        SELECT member_id, event_date,
               CASE WHEN status_after IN ('ACTIVE', 'RETIRED') THEN 1 ELSE 0 END AS h,
               ROW_NUMBER() OVER (PARTITION BY member_id, event_date ORDER BY id DESC) AS rn
        FROM member_event WHERE event_type <> 'UPDATE'
    ) s WHERE rn = 1
    UNION ALL
    SELECT m.join_date, CASE WHEN m.status IN ('ACTIVE', 'RETIRED') THEN 1 ELSE 0 END
    FROM member m
    WHERE NOT EXISTS (SELECT 1 FROM member_event e WHERE e.member_id = m.id AND e.event_type <> 'UPDATE')
) d GROUP BY event_date HAVING SUM(delta) <> 0;

INSERT INTO member_without_events (member_id, join_date, status)
SELECT m.id, m.join_date, m.status FROM member m
WHERE NOT EXISTS (SELECT 1 FROM member_event e WHERE e.member_id = m.id AND e.event_type <> 'UPDATE');
