-- 010: the analysis' derived tables kept in the case.
--
-- Every analytic reads processes with their parents and logon sessions, which are resolved from the
-- events (the views of 002, the macros of 009): an ASOF join over every process start. Built per
-- connection in memory, a fresh process paid that build in full before every analysis: on the 1M-event
-- bench case it was most of the analysis. Kept here, it is built once when the case changes and brought
-- up to date host by host after more files (analytics/refreshDerivedTables.ts), so opening a case and
-- analysing it again costs the analytics alone.
--
-- `process_snapshot` and `logon_session_snapshot` hold exactly the rows of resolve_processes() and
-- resolve_logon_sessions() for the sources in `derived_sources`, with the parent age in `derived_params`
-- (one row once built, none before). They restate win_events: a merge rebuilds them (mergeRules.ts) and
-- the Parquet export leaves them out. A later migration that changes either macro's columns must
-- replace these tables and empty `derived_params`, so the next analysis builds them again.
--
-- The screens keep reading the live views; the analysis connection reads these through TEMP views named
-- `processes` and `logon_sessions`, so the analytics' SQL is the same either way.

CREATE TABLE IF NOT EXISTS process_snapshot AS SELECT * FROM resolve_processes() WHERE false;

CREATE TABLE IF NOT EXISTS logon_session_snapshot AS SELECT * FROM resolve_logon_sessions() WHERE false;

CREATE TABLE IF NOT EXISTS derived_sources (source_id INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS derived_params (max_age INTEGER NOT NULL);
