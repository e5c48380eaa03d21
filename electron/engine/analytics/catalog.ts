// What the UI and the reports know of each analytic (shared/report.ts AnalyticInfo), and what the SQL screen
// shows: its header (title, ATT&CK mapping), its SQL text and the parameters it binds. Title and mapping are
// read from the SQL file itself, so the SQL a trainer edits and the title the app shows never disagree.
import type { AnalyticSql } from '../../../shared/api.js';
import type { AnalyticInfo } from '../../../shared/report.js';
import { analyticSql, headerField, referencedParams } from './analyticSql.js';
import { paramSpecs } from './params.js';
import { analyticModules } from './registry.js';

export function analyticInfos(): AnalyticInfo[] {
  return analyticModules().map((m) => {
    const sql = analyticSql(m);
    const info: AnalyticInfo = {
      id: m.id,
      name: m.name,
      title: headerField(sql, 'title'),
      attack: headerField(sql, 'ATT&CK'),
      reads: [...m.reads],
    };
    if (m.allowlistsNamedAccounts) info.allowlistsNamedAccounts = m.allowlistsNamedAccounts;
    return info;
  });
}

export function analyticCatalog(): AnalyticSql[] {
  return analyticModules().map((m) => {
    const sql = analyticSql(m);
    const used = new Set(referencedParams(sql));
    return {
      id: m.id,
      title: headerField(sql, 'title'),
      attack: headerField(sql, 'ATT&CK'),
      sql,
      params: paramSpecs().filter((p) => used.has(p.name)),
    };
  });
}
