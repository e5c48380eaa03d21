// The settings of cases being merged, compared item by item: each analytic parameter, each allowlist
// list, the profile, the time zone, and any other key a case holds. The merged case takes the first
// case's settings whole; every item another case holds differently is a conflict, reported with each
// case's value, so the analyst sees what the merged findings were produced with and can change it in
// Settings. A setting a case never wrote counts as its default (a case that never opened Settings and
// one saved with the defaults agree).
import type { MergeConflict } from '../../../shared/api.js';
import type { AllowlistEntry } from '../../../shared/report.js';

/** One case's `settings` table: key → the stored JSON text. */
export interface CaseSettings {
  case: string;
  values: ReadonlyMap<string, string>;
}

const NOT_SET = 'not set (the default)';

const ALLOWLIST_LISTS = ['accounts', 'tools', 'sourceIps', 'hosts', 'properties'] as const;

/** What each key means when it was never written (see service/settingsStore.ts loadSettings). */
const DEFAULTS: Record<string, unknown> = { params: {}, allowlist: {}, timeZone: 'UTC', profile: 'default' };

function parse(text: string | undefined, key: string): unknown {
  if (text === undefined) return DEFAULTS[key];
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function entriesText(entries: unknown): string {
  if (!Array.isArray(entries) || entries.length === 0) return 'empty';
  return (entries as AllowlistEntry[])
    .map((e) => (e.reason ? `${e.value} (${e.reason})` : String(e.value)))
    .sort()
    .join(', ');
}

/** A key's value as the items it is compared by: item name → the value as words (undefined: not set). */
function items(key: string, value: unknown): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  if (key === 'params' && isRecord(value)) {
    for (const [name, v] of Object.entries(value)) out.set(`param ${name}`, JSON.stringify(v));
  } else if (key === 'allowlist' && isRecord(value)) {
    for (const list of ALLOWLIST_LISTS)
      out.set(
        `allowlist ${list}`,
        Array.isArray(value[list]) && value[list].length > 0 ? entriesText(value[list]) : undefined,
      );
  } else {
    out.set(key, value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

/** Every item on which a case differs from another; the first case's value is the one kept. */
export function settingsConflicts(cases: readonly CaseSettings[]): MergeConflict[] {
  if (cases.length === 0) return [];
  const keys = [...new Set(cases.flatMap((c) => [...c.values.keys()]))].sort();
  const conflicts: MergeConflict[] = [];
  for (const key of keys) {
    const perCase = cases.map((c) => items(key, parse(c.values.get(key), key)));
    const names = [...new Set(perCase.flatMap((m) => [...m.keys()]))].sort();
    for (const item of names) {
      const values = perCase.map((m) => m.get(item));
      if (values.every((v) => v === values[0])) continue;
      conflicts.push({
        item,
        values: cases.map((c, i) => ({ case: c.case, value: values[i] ?? NOT_SET })),
        kept: cases[0]!.case,
      });
    }
  }
  return conflicts;
}
