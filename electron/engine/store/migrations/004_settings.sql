-- 004: the case's own settings (analytic parameters, allowlists, display time zone, profile), so a saved
-- case reopens with the thresholds its findings were produced with. One JSON value per key: a new
-- setting needs no schema change.

CREATE TABLE settings (
  key         VARCHAR PRIMARY KEY,
  value       JSON NOT NULL,
  updated_at  TIMESTAMP NOT NULL     -- UTC
);
