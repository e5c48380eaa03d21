// What the SQL screen shows for each analytic: its header (title, ATT&CK mapping), its SQL text and the
// registry entries of the parameters it binds. The header is read from the file itself, so the SQL a
// trainer edits and the title the app shows can never disagree.
import type { AnalyticSql } from '../../../shared/api.js';
import { ANALYTIC_ORDER, analyticSql, referencedParams } from './analyticSql.js';
import { PARAMS } from './params.js';

/** The value of a `-- name:` header line, with its indented continuation lines. */
function headerField(sql: string, name: string): string {
  const lines = sql.split('\n');
  const start = lines.findIndex((l) => l.toLowerCase().startsWith(`-- ${name.toLowerCase()}:`));
  if (start < 0) return '';
  const parts = [lines[start]!.slice(lines[start]!.indexOf(':') + 1).trim()];
  for (const line of lines.slice(start + 1)) {
    if (!/^--\s{3,}\S/.test(line)) break;
    parts.push(line.slice(2).trim());
  }
  return parts.join(' ');
}

export function analyticCatalog(): AnalyticSql[] {
  return ANALYTIC_ORDER.map((id) => {
    const sql = analyticSql(id);
    const used = new Set(referencedParams(sql));
    return {
      id,
      title: headerField(sql, 'title'),
      attack: headerField(sql, 'ATT&CK'),
      sql,
      params: PARAMS.filter((p) => used.has(p.name)),
    };
  });
}
