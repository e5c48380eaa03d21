// Writes the sample case to a folder: the log files under evidence/ (so importing that folder reads
// nothing but logs), and beside it manifest.json, allowlist.json, expected-findings.json and
// EXPECTED.md. README.md is written by hand and left alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SAMPLE_ALLOWLIST } from './allowlist.js';
import { buildSampleCase, SAMPLE_SEED } from './buildSampleCase.js';
import { coverageFacts, expectedAbsent, toleratedFindings } from './expectedContext.js';
import { expectedFindings } from './expectedFindings.js';
import { renderExpectedMarkdown } from './expectedMarkdown.js';
import type { ManifestEntry } from './sampleFile.js';

/** The sub-folder holding the log files; manifest.json names files relative to it. */
export const SAMPLE_EVIDENCE_DIR = 'evidence';

export interface WrittenFile {
  name: string;
  bytes: number;
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** Everything the generator owns in sample-logs/, as name → bytes, without touching the disk. */
export function renderSampleCase(seed = SAMPLE_SEED): Map<string, Buffer> {
  const { files, facts } = buildSampleCase(seed);
  const manifest: Record<string, ManifestEntry> = {};
  for (const f of files) manifest[f.name] = f.manifest;
  const findings = expectedFindings(facts);
  const absent = expectedAbsent();
  const tolerated = toleratedFindings(facts);
  const coverage = coverageFacts(facts);
  const out = new Map<string, Buffer>();
  for (const f of files) out.set(`${SAMPLE_EVIDENCE_DIR}/${f.name}`, f.contents);
  out.set('manifest.json', json({ seed, files: manifest }));
  out.set('allowlist.json', json(SAMPLE_ALLOWLIST));
  out.set(
    'expected-findings.json',
    json({
      parameters: 'detections.md defaults, allowlist.json applied',
      findings,
      absent,
      tolerated,
      coverage,
    }),
  );
  out.set(
    'EXPECTED.md',
    Buffer.from(renderExpectedMarkdown({ findings, absent, tolerated, coverage, manifest }), 'utf8'),
  );
  return out;
}

export function writeSampleCase(dir: string, seed = SAMPLE_SEED): WrittenFile[] {
  mkdirSync(dir, { recursive: true });
  const written: WrittenFile[] = [];
  for (const [name, bytes] of renderSampleCase(seed)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
    written.push({ name, bytes: bytes.length });
  }
  return written;
}
