// One report, two ways in: `accountscope analyze` and the app's "Report" buttons build it through the same
// use case (electron/engine/usecases/caseReport.ts), so for the same case, settings and time they write the
// same bytes — JSON, HTML and CSV. SOURCE_DATE_EPOCH fixes the time a report says it was made.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseService } from '../../../electron/engine/service/caseService.js';
import { defaultAnalytics } from '../../../electron/engine/service/analyticsPort.js';
import { projectRoot, sampleEvidenceDir, tempDir } from '../../support/paths.js';

const EPOCH = '1773446400'; // 2026-03-14T00:00:00Z
let dir: string;
let cleanup: () => void;
let service: CaseService;
const out = (name: string) => join(dir, name);

before(async () => {
  ({ dir, cleanup } = tempDir('accountscope-report-'));
  const r = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'bin', 'accountscope.js'),
      'analyze',
      sampleEvidenceDir,
      '--case',
      out('case.duckdb'),
      '--json',
      out('cli.json'),
      '--html',
      out('cli.html'),
      '--csv',
      out('cli.csv'),
    ],
    { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } },
  );
  assert.equal(r.status, 0, r.stderr);
  service = await CaseService.open(out('case.duckdb'), { analytics: defaultAnalytics() });
});

after(async () => {
  await service?.close();
  cleanup?.();
});

for (const [format, file] of [
  ['json', 'cli.json'],
  ['html', 'cli.html'],
  ['csv', 'cli.csv'],
] as const) {
  test(`the app's ${format} export of the case the CLI analysed is the CLI's ${format}, byte for byte`, async () => {
    const saved = process.env['SOURCE_DATE_EPOCH'];
    process.env['SOURCE_DATE_EPOCH'] = EPOCH;
    try {
      const r = await service.invoke('exportReport', { format });
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      const cli = readFileSync(out(file), 'utf8');
      assert.ok(cli.length > 1000, `${file} is nearly empty`);
      assert.equal(r.value.content, cli);
      assert.match(r.value.filename, /^accountscope-case-2026-03-14/);
    } finally {
      if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH'];
      else process.env['SOURCE_DATE_EPOCH'] = saved;
    }
  });
}

test('the report names the time it was made from SOURCE_DATE_EPOCH, and holds every finding', () => {
  const html = readFileSync(out('cli.html'), 'utf8');
  assert.match(html, /generated 2026-03-14 00:00:00 UTC/);
  const json = JSON.parse(readFileSync(out('cli.json'), 'utf8')) as { findings: unknown[] };
  assert.ok(json.findings.length >= 10);
});
