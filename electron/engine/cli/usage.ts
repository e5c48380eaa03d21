// Usage text and the exit codes scripts can rely on.
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INPUT_ERRORS = 3;
/** `merge` made the merged case, but the cases disagreed on settings (or an analyst's records): listed. */
export const EXIT_CONFLICTS = 4;

export class UsageError extends Error {}

export const USAGE = `accountscope — triage Windows and Entra ID account activity, offline

Usage:
  accountscope import PATH... --case FILE [--json] [--workers N]
      Import files or folders (recursively) into a case database.
  accountscope analyze PATH... [--case FILE] --json OUT [--html OUT] [--csv OUT]
                       [--param NAME=VALUE]... [--allowlist FILE] [--profile default|seed]
                       [--time-zone ZONE] [--include-paths] [--workers N]
      Import (when PATH is given) and run every analytic; write the reports.
      The case's own allowlist (Settings, "Allowlist this" in the app) always applies;
      --allowlist FILE adds the file's entries for this run, without storing them.
      The HTML report writes times in ZONE (default: the case's display time zone, else
      UTC). Reports name the case and evidence files by file name only, unless
      --include-paths asks for their full local paths.
      --workers N parses with N threads (default: one per core but one, at least 1;
      or ACCOUNTSCOPE_WORKERS).
  accountscope export --case FILE [--parquet DIR [--with-raw]] [--timesketch FILE.jsonl]
      Write the case as Parquet (every table; events Hive-partitioned by host and day,
      with manifest.json; --with-raw adds each record's raw XML/JSON) into a new or empty
      folder, and/or as a Timesketch timeline (JSON lines; the events behind each finding
      tagged with its analytic and severity).
  accountscope merge CASE.duckdb CASE.duckdb... --case NEW.duckdb [--json]
      Merge cases into a new one (each evidence file, by SHA-256, once; the first case's
      settings, every difference reported) and run the analytics across every host.
  accountscope serve [--case FILE] [--port N]
      Serve the app's UI on 127.0.0.1 for a browser (prints the URL to open).
  accountscope params
      List every analytic parameter with its default.

Exit codes: 0 everything was read; 3 some input had errors (everything readable is
still in the case); 4 merged, but the cases' settings differ (listed; the first case's
kept); 2 usage error; 1 the case could not be opened or written.
`;
