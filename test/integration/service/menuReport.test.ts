// File → Export Report in the desktop app, on Node: the window's choice (the responder's local paths, left
// out unless ticked) crosses the shell's IPC handler, is checked as the API checks exportReport, reaches
// the engine's report builder, and the report written where the save dialog said names the evidence
// files by file name or by full path accordingly. Only Electron's own dialog is a stand-in here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import type { ReportFile, Result } from '../../../shared/api.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { handleSaveReport, SAVE_REPORT_CHANNEL } from '../../../electron/main/ipcBridge.js';
import { saveReport } from '../../../electron/main/reportSave.js';
import { APP_ENTRY } from '../../../electron/main/windowSecurity.js';
import { sampleEvidenceDir, tempDir } from '../../support/paths.js';

let dir: string;
let cleanup: () => void;
let service: CaseService;
/** What the stand-in save dialog was offered, and where it answers to save. */
const offered: string[] = [];
let answer: string | null;
let channel: (payload: unknown) => Promise<Result<{ path: string | null }>>;

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-menu-report-'));
  service = await CaseService.open(join(dir, 'case.duckdb'), { analytics: defaultAnalytics() });
  const { importId } = await service
    .invoke('startImport', {
      paths: [join(sampleEvidenceDir, 'SRV-PROV01-Security.xml')],
    })
    .then((r) => (r.ok ? r.value : assert.fail(r.error.message)));
  for (;;) {
    const s = await service.invoke('importStatus', { importId });
    if (s.ok && s.value.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await service.invoke('analyze', {});
  const handlers = new Map<string, (e: IpcMainInvokeEvent, ...a: unknown[]) => unknown>();
  handleSaveReport(
    { handle: (c, l) => void handlers.set(c, l) },
    () => ({ frameUrl: APP_ENTRY, isMainFrame: true }),
    (request) =>
      saveReport(
        {
          // The engine as the main process reaches it: every call validated by the service.
          call: (method, req) => service.call(method, req),
          chooseFile: async (report: ReportFile) => {
            offered.push(report.filename);
            return answer;
          },
          write: async (path, content) => writeFileSync(path, content),
        },
        request,
      ),
  );
  channel = async (payload) =>
    (await handlers.get(SAVE_REPORT_CHANNEL)!({} as IpcMainInvokeEvent, payload)) as Result<{
      path: string | null;
    }>;
});

after(async () => {
  await service?.close();
  cleanup?.();
});

test('the HTML report leaves the local paths out unless the window asked for them', async () => {
  answer = join(dir, 'client.html');
  assert.deepEqual(await channel({ format: 'html', includePaths: false }), {
    ok: true,
    value: { path: answer },
  });
  let html = readFileSync(answer, 'utf8');
  assert.ok(html.includes('SRV-PROV01-Security.xml'));
  assert.ok(!html.includes(sampleEvidenceDir) && !html.includes(dir), 'a local folder is named');

  answer = join(dir, 'internal.html');
  assert.deepEqual(await channel({ format: 'html', includePaths: true }), {
    ok: true,
    value: { path: answer },
  });
  html = readFileSync(answer, 'utf8');
  assert.ok(html.includes(join(sampleEvidenceDir, 'SRV-PROV01-Security.xml')));
  assert.ok(html.includes(join(dir, 'case.duckdb')));
  assert.match(offered.at(-1)!, /^accountscope-case-\d{4}-\d{2}-\d{2}\.html$/);
});

test('JSON with paths, a cancelled save, and a request the API would refuse', async () => {
  answer = join(dir, 'r.json');
  await channel({ format: 'json', includePaths: true });
  const sources = (JSON.parse(readFileSync(answer, 'utf8')) as { sources: Array<{ path: string }> }).sources;
  assert.deepEqual(
    sources.map((s) => s.path),
    [join(sampleEvidenceDir, 'SRV-PROV01-Security.xml')],
  );
  answer = null;
  assert.deepEqual(await channel({ format: 'csv' }), { ok: true, value: { path: null } });
  const refused = await channel({ format: 'html', includePaths: 'please' });
  assert.ok(!refused.ok && refused.error.code === 'BAD_REQUEST', JSON.stringify(refused));
});
