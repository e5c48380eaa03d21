// The engine service: every method of the API contract over one open case. Both transports (Electron
// IPC through the engine's utility process, HTTP in browser mode) hand it validated requests and pass its
// Result values back unchanged; it never throws across that boundary.
import type {
  AllowlistPick,
  ApiMethod,
  ApiMethods,
  ApiRequest,
  ApiResponse,
  CaseInfo,
  Result,
} from '../../../shared/api.js';
import { validateRequest, type ValidRequest } from '../../../shared/apiValidate.js';
import type { OpenCaseOptions } from '../store/openCase.js';
import { describeLeftovers, type Leftover } from '../store/scratchFiles.js';
import type { AnalyticsPort } from './analyticsPort.js';
import { copyCaseFile, createCaseFile, existingCasePath } from './caseFiles.js';
import { readCaseInfo } from './caseInfo.js';
import { CaseSession } from './caseSession.js';
import { CaseTasks } from './caseTasks.js';
import { coverageEvents, coverageHosts } from './coverage.js';
import { triageSteps } from '../analytics/index.js';
import { caseReportFile, collectCaseReport } from '../usecases/caseReport.js';
import { getFinding, listFindings } from './findings.js';
import { readRawEvent } from './rawEvent.js';
import { asResult, notFound, ServiceError } from './serviceError.js';
import { saveSettings } from './settingsStore.js';
import { listSigninSources, signinSourceDetail } from './signinSources.js';
import { buildTimeline, timelineEvents } from './timeline.js';
import { addAllowlistPicks } from '../triage/allowlistPicks.js';
import { readEventTriage, setEventTriage } from '../triage/eventTriage.js';
import { setFindingReview } from '../triage/findingReview.js';
import { currentResponder } from '../triage/responder.js';
import { readTagSet, writeTagSet } from '../triage/tagSet.js';
import { entityPage, entityTimeline, processChildren, processTree } from '../entities/index.js';

type Handlers = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> };

export interface CaseServiceOptions {
  analytics: AnalyticsPort;
  open?: OpenCaseOptions;
  /**
   * The app's log: one line at a time, for what the responder does not need to act on (the temporary
   * files of stopped runs it removed). stderr by default, which the desktop app's engine process and
   * browser mode's server both pass on to their own.
   */
  log?: (line: string) => void;
}

const stderrLog = (line: string): void => void process.stderr.write(`accountscope: ${line}\n`);

export class CaseService {
  private switching: Promise<unknown> = Promise.resolve();
  private readonly tasks = new CaseTasks({
    session: () => this.session,
    onLeftovers: (removed) => this.logLeftovers(removed),
    // Calls that arrive meanwhile wait, as they do for a switch of case.
    exclusively: (work) => {
      const done = this.switching.then(work);
      this.switching = done.catch(() => undefined);
      return done;
    },
  });

  private constructor(
    private session: CaseSession,
    private readonly options: CaseServiceOptions,
  ) {}

  static async open(path: string, options: CaseServiceOptions): Promise<CaseService> {
    return new CaseService(await CaseSession.open(path, options.analytics, options.open), options);
  }

  /** Logs each temporary file of a stopped run that was removed. */
  private logLeftovers(removed: readonly Leftover[]): void {
    for (const line of describeLeftovers(removed)) (this.options.log ?? stderrLog)(line);
  }

  get casePath(): string {
    return this.session.path;
  }

  /** Validates and runs one call: the entry point for a transport that has not validated already. */
  async call(method: unknown, request: unknown): Promise<Result<unknown>> {
    const valid = validateRequest(method, request);
    return valid.ok ? this.handle(valid.value) : valid;
  }

  /** Runs an already validated call. */
  async handle(valid: ValidRequest): Promise<Result<unknown>> {
    const run = this.handlers[valid.method] as (request: unknown) => Promise<unknown>;
    return asResult(async () => {
      await this.switching;
      return run(valid.request);
    });
  }

  /** Typed access for the CLI and tests: the same handlers, still returning Result values. */
  async invoke<M extends ApiMethod>(method: M, request: ApiMethods[M][0]): Promise<Result<ApiMethods[M][1]>> {
    return this.call(method, request) as Promise<Result<ApiMethods[M][1]>>;
  }

  private caseInfo(): Promise<CaseInfo> {
    return this.session.analyzedAt().then((at) => readCaseInfo(this.session.readConn, this.session.path, at));
  }

  private readonly handlers: Handlers = {
    caseInfo: () => this.caseInfo(),
    startImport: async ({ paths }) => ({ importId: await this.session.imports.start(paths) }),
    importStatus: async ({ importId }) => this.session.imports.status(importId),
    cancelImport: async ({ importId }) => ({ cancelled: this.session.imports.cancel(importId) }),
    analyze: async () => {
      const s = this.session;
      if (s.imports.busy)
        throw new ServiceError('BUSY', 'an import is still running: analyze when it has finished');
      if (s.analyzing) throw new ServiceError('BUSY', 'the analytics are already running');
      s.analyzing = true;
      const started = performance.now();
      try {
        const { overrides, settings } = s.settings;
        let keep: (() => Promise<void>) | undefined;
        const findings = await s.serialWrite(() =>
          this.options.analytics.run(s.writeConn, {
            overrides,
            profile: settings.profile,
            deferKeep: (k) => (keep = k),
          }),
        );
        await s.writeThrough();
        // A first analysis's derived tables are written into the case while the responder reads the
        // findings, behind them on the same connection; a failure only means the next run builds them again.
        if (keep) s.keepLater(keep);
        return { findings: findings.length, elapsedMs: Math.round(performance.now() - started) };
      } finally {
        s.analyzing = false;
      }
    },
    listFindings: async (q) => {
      // The request's shape is checked at the transport; which analytics exist only the registry knows.
      const known = this.options.analytics.infos().map((a) => a.id);
      const unknown = (q.analytic ?? []).find((id) => !known.includes(id));
      if (unknown !== undefined)
        throw new ServiceError('BAD_REQUEST', `analytic ${unknown} is not one of ${known.join(', ')}`);
      return listFindings(this.session.readConn, q);
    },
    getFinding: async ({ id }) => {
      const finding = await getFinding(this.session.readConn, id);
      return { ...finding, triage: await triageSteps(this.session.readConn, finding) };
    },
    rawEvent: (ref) => readRawEvent(this.session.readConn, ref),
    listAccounts: () => this.options.analytics.accounts(this.session.readConn),
    accountStory: async ({ key }) => {
      const story = await this.options.analytics.story(this.session.readConn, key);
      if (!story) throw notFound(`account ${key}`);
      return story;
    },
    timeline: (req) => buildTimeline(this.session.readConn, req),
    timelineEvents: (req) => timelineEvents(this.session.readConn, req),
    signinSources: () => listSigninSources(this.session.readConn, this.session.settings.settings.allowlist),
    signinSource: ({ ip }) =>
      signinSourceDetail(this.session.readConn, ip, this.session.settings.settings.allowlist),
    analytics: async () => this.options.analytics.infos(),
    analyticSql: async () => this.options.analytics.sql(),
    paramSpecs: async () => this.options.analytics.params(),
    runSql: ({ sql, params, limit }) => {
      const { settings } = this.session.settings;
      const types = Object.fromEntries(this.options.analytics.params().map((p) => [p.name, p.type]));
      return this.session.sqlConsole.run(sql, params ?? {}, limit, {
        values: settings.params,
        types,
        allowlist: settings.allowlist,
      });
    },
    getSettings: async () => this.session.settings.settings,
    setSettings: async (settings) => {
      const s = this.session;
      s.settings = await s.serialWrite(() => saveSettings(s.writeConn, settings, this.options.analytics));
      await this.session.writeThrough();
      return this.session.settings.settings;
    },
    exportReport: async ({ format, includePaths }) => {
      const s = this.session;
      const report = await collectCaseReport(s.readConn);
      return caseReportFile(format, report, {
        casePath: s.path,
        settings: s.settings.settings,
        includePaths: includePaths === true,
      });
    },
    openCase: async ({ path }) => {
      const full = await existingCasePath(path);
      if (full !== this.session.path) await this.switchTo(full);
      return this.caseInfo();
    },
    coverage: (req) => coverageHosts(this.session.readConn, req),
    coverageEvents: (req) => coverageEvents(this.session.readConn, req),
    triageTags: () => readTagSet(this.session.readConn),
    setTriageTags: ({ tags }) => this.writeTriage(() => writeTagSet(this.session.writeConn, tags)),
    setFindingReview: async (change) => {
      const review = await this.writeTriage(() =>
        setFindingReview(this.session.writeConn, change, new Date(), currentResponder()),
      );
      if (!review) throw notFound(`finding ${change.id}`);
      return review;
    },
    eventTriage: ({ refs }) => readEventTriage(this.session.readConn, refs),
    setEventTriage: async (change) => {
      const triage = await this.writeTriage(() => setEventTriage(this.session.writeConn, change, new Date()));
      if (!triage) throw notFound(`record ${change.ref.recordNo} of ${change.ref.table} in that file`);
      return triage;
    },
    allowlistFromFinding: ({ id, entries, reason }) => this.allowlistFromFinding(id, entries, reason),
    entityPage: (ref) => entityPage(this.session.readConn, ref),
    entityEvents: (q) => entityTimeline(this.session.readConn, q),
    processTree: (q) => processTree(this.session.readConn, q, this.parentMaxAgeSeconds()),
    processChildren: (q) => processChildren(this.session.readConn, q, this.parentMaxAgeSeconds()),
    eventGrid: (req) => this.session.grid.window(req),
    eventGridGroups: (req) => this.session.grid.groups(req),
    eventGridFind: (req) => this.session.grid.find(req),
    eventGridValues: (req) => this.session.grid.values(req),
    eventGridColumns: (req) => this.session.grid.columns(req),
    eventGridExport: (req) => this.session.grid.exportChunk(req),
    saveCaseAs: async ({ path, replace }) => {
      const s = this.session;
      if (s.imports.busy || s.analyzing)
        throw new ServiceError('BUSY', 'wait for the import or analysis to finish, then save');
      await s.checkpoint();
      const saved = await copyCaseFile(s.path, path, replace === true, (r) => this.logLeftovers(r));
      // Like any "Save As", work goes on in the saved file from here.
      await this.switchTo(saved);
      return { path: saved };
    },
    startCaseTask: async (req) => ({ taskId: this.tasks.start(req) }),
    caseTaskStatus: async ({ taskId }) => this.tasks.status(taskId),
    newCase: async ({ path, replace }) => {
      const s = this.session;
      if (s.imports.busy || s.analyzing)
        throw new ServiceError('BUSY', 'wait for the import or analysis to finish, then start a new case');
      const created = await createCaseFile(s.path, path, replace === true, (r) => this.logLeftovers(r));
      await this.switchTo(created);
      return this.caseInfo();
    },
  };

  /** A triage write: after any analysis in progress, and through to the case file at once. */
  private async writeTriage<T>(work: () => Promise<T>): Promise<T> {
    const s = this.session;
    const result = await s.serialWrite(work);
    await s.writeThrough();
    return result;
  }

  /** "Allowlist this": the picks go into the case's allowlists, then the analytics run again. */
  private async allowlistFromFinding(
    id: string,
    entries: AllowlistPick[],
    reason: string,
  ): Promise<ApiResponse<'allowlistFromFinding'>> {
    if (entries.length === 0) throw new ServiceError('BAD_REQUEST', 'pick at least one value to allowlist');
    const s = this.session;
    if (s.imports.busy || s.analyzing)
      throw new ServiceError('BUSY', 'wait for the import or analysis to finish, then allowlist');
    await getFinding(s.readConn, id);
    const settings = { ...s.settings.settings };
    settings.allowlist = addAllowlistPicks(settings.allowlist, entries, reason);
    s.settings = await s.serialWrite(() => saveSettings(s.writeConn, settings, this.options.analytics));
    const run = await this.handlers.analyze({});
    const finding = await getFinding(s.readConn, id).catch((e: unknown) => {
      if (e instanceof ServiceError && e.code === 'NOT_FOUND') return null;
      throw e;
    });
    if (finding) finding.triage = await triageSteps(s.readConn, finding);
    return { finding, findings: run.findings, settings: s.settings.settings };
  }

  /** How far back a process's parent is looked for (the analytics' own setting, so trees match findings). */
  private parentMaxAgeSeconds(): number {
    const value = this.session.settings.settings.params['process_parent_max_age_s'];
    return typeof value === 'number' ? value : 7 * 24 * 3600;
  }

  /** Closes the current case and opens another; calls that arrive meanwhile wait for it. */
  private async switchTo(path: string): Promise<void> {
    if (this.tasks.busy)
      throw new ServiceError('BUSY', 'a merge or export is running on this case: wait for it to finish');
    const switched = (async () => {
      const next = await CaseSession.open(path, this.options.analytics, this.options.open).catch(
        (e: Error) => {
          throw new ServiceError('CASE_ERROR', `could not open ${path}: ${e.message}`);
        },
      );
      const previous = this.session;
      this.session = next;
      await previous.close();
    })();
    this.switching = switched.catch(() => undefined);
    await switched;
  }

  async close(): Promise<void> {
    await this.tasks.settle();
    await this.switching;
    await this.session.close();
  }
}
