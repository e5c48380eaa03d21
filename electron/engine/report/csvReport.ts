// Findings as CSV, one row per finding, with the ids of its evidence events so each row leads back to
// the raw records, and the responder's review (status, when and by whom, tags, note, bookmark) last. Cells a spreadsheet would run as a formula are neutralised (CSV injection): evidence
// text is attacker-controlled and these files are opened in Excel by clients.
import type { Finding } from '../../../shared/report.js';

const COLUMNS = [
  'id',
  'analytic',
  'severity',
  'confidence',
  'title',
  'first',
  'last',
  'hosts',
  'accounts',
  'actor_user',
  'actor_logon_id',
  'actor_source_ip',
  'allowlisted',
  'explanation',
  'evidence',
  'review_status',
  'review_status_at',
  'review_status_by',
  'review_tags',
  'review_note',
  'bookmarked',
] as const;

export function csvCell(value: string): string {
  // A leading = + - @ (or a tab or CR that some spreadsheets skip) starts a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** How an evidence event is named in the CSV: table:sha256:record (record id when known). */
export function evidenceId(e: Finding['evidence'][number]): string {
  const where = e.table && e.recordNo !== undefined ? `${e.table}:${e.source}:${e.recordNo}` : e.source;
  return e.recordId !== null ? `${where}#${e.recordId}` : where;
}

function row(f: Finding): string[] {
  return [
    f.id,
    f.analytic,
    f.severity,
    f.confidence,
    f.title,
    f.first,
    f.last,
    f.hosts.join('; '),
    f.accounts.join('; '),
    f.actor.user ?? '',
    f.actor.logonId ?? '',
    f.actor.sourceIp ?? '',
    f.allowlisted ? `${f.allowlisted.kind}=${f.allowlisted.value}: ${f.allowlisted.reason}` : '',
    f.explanation,
    f.evidence.map(evidenceId).join(' '),
    f.review?.status ?? 'new',
    f.review?.statusAt ?? '',
    f.review?.statusBy ?? '',
    (f.review?.tags ?? []).join('; '),
    f.review?.note ?? '',
    f.review?.bookmarked ? 'yes' : '',
  ];
}

export function renderFindingsCsv(findings: readonly Finding[]): string {
  const lines = [COLUMNS.join(','), ...findings.map((f) => row(f).map(csvCell).join(','))];
  // CRLF and a BOM: what spreadsheet programs expect of a CSV, so accents and line ends survive.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
