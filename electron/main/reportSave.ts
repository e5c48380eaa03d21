// File → Export Report once the window has asked for the report's options: the engine builds the report
// with them, the responder picks where it goes, and it is written there. Plain steps passed in (the native
// save dialog, the file system), so the flow runs on Node in the tests against a real engine.
import type { ApiMethod, ReportFile, Result } from '../../shared/api.js';
import type { SaveReportRequest } from './ipcBridge.js';

export interface ReportSaveSteps {
  /** The engine, as the main process calls it. */
  call(method: ApiMethod, request: unknown): Promise<Result<unknown>>;
  /** Where to save the report (the native save dialog, offering its file name); null when cancelled. */
  chooseFile(report: ReportFile, format: SaveReportRequest['format']): Promise<string | null>;
  write(path: string, content: string): Promise<void>;
}

/** The path the report was saved to, null when the responder cancelled, or the engine's failure. */
export async function saveReport(
  steps: ReportSaveSteps,
  request: SaveReportRequest,
): Promise<Result<{ path: string | null }>> {
  const result = await steps.call('exportReport', {
    format: request.format,
    // A report goes to a client: the responder's own folders only when they were asked for.
    includePaths: request.includePaths === true,
  });
  if (!result.ok) return result;
  const report = result.value as ReportFile;
  const path = await steps.chooseFile(report, request.format);
  if (!path) return { ok: true, value: { path: null } };
  await steps.write(path, report.content);
  return { ok: true, value: { path } };
}
