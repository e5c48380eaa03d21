// What an analytic is: one folder under electron/engine/analytics/ holding its detection (analytic.sql),
// its coverage verdict (coverage.sql), its parameters, the type of its `details`, and the code that words
// a finding, lists its triage steps and adds it to an account's story. The registry (registry.ts) lists
// the folders; everything else — the runner, Settings, the SQL screen, Coverage, the reports, the UI's
// labels — reads the registry, so a new analytic is its folder and one line there.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { StoryEvent } from '../../../shared/api.js';
import type { AnalyticId, Finding, LogFamily, TriageStep } from '../../../shared/report.js';
import type { ParamSpecInput, ParamValue, ProfileName } from './paramTypes.js';

/** How an analytic's findings take part in the story of an account they name. */
export interface StoryContribution {
  /** Whose process chain tells the story best when several findings have one: lowest first. */
  chainRank: number;
  /** Whether its findings describe the logon session of the actor (a probe from outside does not). */
  tellsSession: boolean;
  /** What happened to the account, as this finding saw it. */
  events(f: Finding, display: string): StoryEvent[];
}

export interface AnalyticModule {
  /** As the first line of its analytic.sql says (`-- id: AN1612`): letters, digits and `_`. */
  id: AnalyticId;
  /** A few words for tables, filters and report headings. */
  name: string;
  /** The logs it reads. One that reads only Windows events is blind to Entra ID by design. */
  reads: readonly LogFamily[];
  /** The folder holding analytic.sql and coverage.sql: `new URL('.', import.meta.url)` in its index.ts. */
  folder: URL;
  /** Its own parameters; names start with its id in lower case. */
  params: readonly ParamSpecInput[];
  /** The parameters of paramsCommon.ts it reads (its SQL, its triage, or the lineage it relies on). */
  commonParams: readonly string[];
  /** Values of its parameters that a named profile changes (`seed` reproduces the seed documents). */
  profiles?: Partial<Record<ProfileName, Readonly<Record<string, ParamValue>>>>;
  /** Its findings record the profile too: their meaning depends on it beyond the parameters. */
  recordsProfile?: boolean;
  /**
   * Set when an allowlisted account among the accounts its findings name lowers them (not only their
   * actor): what a finding calls such an account, for the "Allowlist this" dialog ("the guessed account").
   */
  allowlistsNamedAccounts?: string;
  /** The finding's title: a line in a table. */
  title(f: Finding): string;
  /** Why it fired, in sentences a responder can paste into a report. */
  explain(f: Finding): string;
  /** The checklist a responder works through, answered from the case where it can be. */
  triage(conn: DuckDBConnection, f: Finding): Promise<TriageStep[]>;
  story: StoryContribution;
}
