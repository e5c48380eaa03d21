// One open case and the connections the service keeps on it. Each has one job, so no two kinds of work
// ever share a transaction:
//   db.conn      the Importer's (each file is one transaction on it)
//   writeConn    analysis runs and settings writes
//   readConn     every screen's queries
//   the SQL console's own (see SqlConsole), alone so its interrupt stops nothing else
import { EventGrid } from '../grid/eventGrid.js';
import { Importer } from '../import/importer.js';
import { openCase, type CaseDb, type OpenCaseOptions } from '../store/openCase.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnalyticsPort } from './analyticsPort.js';
import { hasTable } from './caseInfo.js';
import { ImportJobs } from './importJobs.js';
import { refreshEventSummaries } from '../store/eventSummaries.js';
import { loadSettings, type StoredSettings } from './settingsStore.js';
import { SqlConsole } from './sqlConsole.js';
import { readOne, textOrNull, isoSql } from './sqlRows.js';

/**
 * Moves what the write-ahead log holds into the case file, so that a copy of the .duckdb alone (a
 * responder's usual backup) is the whole case. FORCE waits for a screen's or the console's query to end
 * rather than failing on it; if it fails anyway the data is safe in the log, and the next one catches up.
 */
async function writeThrough(conn: DuckDBConnection): Promise<void> {
  await conn.run('FORCE CHECKPOINT').catch(() => undefined);
}

export class CaseSession {
  analyzing = false;
  private writes: Promise<unknown> = Promise.resolve();
  private eventGrid: EventGrid | null = null;

  private constructor(
    readonly db: CaseDb,
    readonly writeConn: DuckDBConnection,
    readonly readConn: DuckDBConnection,
    readonly sqlConsole: SqlConsole,
    readonly importer: Importer,
    readonly imports: ImportJobs,
    public settings: StoredSettings,
  ) {}

  static async open(
    path: string,
    analytics: AnalyticsPort,
    opts: OpenCaseOptions = {},
  ): Promise<CaseSession> {
    const db = await openCase(path, opts);
    try {
      const writeConn = await db.connect();
      const readConn = await db.connect();
      const importer = new Importer(db);
      const settings = await loadSettings(readConn, analytics);
      const late: { session?: CaseSession } = {};
      const session = new CaseSession(
        db,
        writeConn,
        readConn,
        new SqlConsole(() => db.connect()),
        importer,
        // The case file alone is always the case: written through after every import. The new rows'
        // names and fields are then counted into the summaries, behind it.
        new ImportJobs(importer, async () => {
          await writeThrough(db.conn);
          late.session?.summarizeLater();
        }),
        settings,
      );
      late.session = session;
      // A case imported by the CLI, merged, or imported before a crash: its summaries caught up.
      session.summarizeLater();
      return session;
    } catch (e) {
      db.close();
      throw e;
    }
  }

  get path(): string {
    return this.db.path;
  }

  /** The event grid's engine, on a connection of its own opened at its first use. */
  get grid(): EventGrid {
    this.eventGrid ??= new EventGrid(() => this.db.connect());
    return this.eventGrid;
  }

  /** When the analytics last ran on this case (the analysis_runs table of migration 003). */
  async analyzedAt(): Promise<string | null> {
    if (!(await hasTable(this.readConn, 'analysis_runs'))) return null;
    const row = await readOne(this.readConn, `SELECT ${isoSql('max(started_at)')} AS t FROM analysis_runs`);
    return textOrNull(row?.['t']);
  }

  /**
   * Runs one piece of work on writeConn once the work before it has finished. An analysis holds a
   * transaction on writeConn for its whole run; a review saved meanwhile would otherwise land inside that
   * transaction, and be lost with it if the run failed.
   */
  serialWrite<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /**
   * Queues work that only saves time later (keeping a full build of the derived tables, see
   * refreshDerivedTables): behind the writes before it, written through when done. It is not an error
   * if it fails (the next analysis rebuilds what it would have kept): the failure goes to stderr.
   */
  keepLater(work: () => Promise<void>, what = 'keeping the derived tables in the case'): void {
    void this.serialWrite(async () => {
      await work();
      await this.writeThrough();
    }).catch((e: unknown) => {
      process.stderr.write(`${what} failed: ${(e as Error).message}\n`);
    });
  }

  /**
   * Counts the rows the case's summaries of names and fields do not cover yet (store/eventSummaries.ts),
   * in the background: the pages that read them are right either way, only faster once they are current.
   * Not in the import or the analysis, whose user waits for them (it cost a 100 MB import a second).
   */
  summarizeLater(): void {
    this.keepLater(async () => {
      await refreshEventSummaries(this.writeConn);
    }, 'counting the events into the case summaries');
  }

  /**
   * Writes everything to the case file, so it can be copied as a whole: after the writes queued before it
   * (a review being saved, the derived tables being kept), which the copy must hold, and never beside them
   * on the same connection.
   */
  async checkpoint(): Promise<void> {
    await this.serialWrite(() => this.writeConn.run('CHECKPOINT'));
  }

  /** After an analysis or a settings change: the .duckdb file alone holds them (see writeThrough). */
  writeThrough(): Promise<void> {
    return writeThrough(this.writeConn);
  }

  async close(): Promise<void> {
    // Writes still queued (a review, the derived tables being kept) finish before the connection goes.
    await this.writes;
    const consoleClosed = this.sqlConsole.close();
    await this.eventGrid?.close();
    await this.imports.close();
    await this.importer.close();
    await consoleClosed;
    for (const c of [this.readConn, this.writeConn]) c.closeSync();
    this.db.close();
  }
}
