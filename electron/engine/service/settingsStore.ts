// The case's settings, kept in the case itself (migration 004) so a saved case reopens with the
// parameters, allowlists and time zone its findings were produced with. Parameters are stored as the
// overrides of the chosen profile's defaults, so a case saved by an older build still picks up a new
// parameter's default.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Settings } from '../../../shared/api.js';
import type { Allowlist } from '../../../shared/report.js';
import { EMPTY_ALLOWLIST } from '../analytics/allowlistBindings.js';
import { ServiceError } from './serviceError.js';
import { readRows } from './sqlRows.js';

/** What the analytics say about their parameters; the service passes the real registry in. */
export interface ParamRules {
  /** Every parameter's effective value; throws on an unknown name or a value of the wrong type. */
  resolve(overrides: Record<string, unknown>, profile: Settings['profile']): Record<string, unknown>;
}

export interface StoredSettings {
  settings: Settings;
  /** Only what differs from the profile's defaults: what the analytics are run with. */
  overrides: Record<string, unknown>;
}

/** Reads one stored value; `undefined` when the key was never written. */
export async function readSetting(conn: DuckDBConnection, key: string): Promise<unknown> {
  const rows = await readRows(conn, 'SELECT value::VARCHAR AS value FROM settings WHERE key = $key', { key });
  return rows[0] ? JSON.parse(String(rows[0]['value'])) : undefined;
}

export async function writeSetting(conn: DuckDBConnection, key: string, value: unknown): Promise<void> {
  await conn.run(
    `INSERT INTO settings VALUES ($key, $value::JSON, now()::TIMESTAMP)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    { key, value: JSON.stringify(value) },
  );
}

export async function loadSettings(conn: DuckDBConnection, rules: ParamRules): Promise<StoredSettings> {
  const stored = ((await readSetting(conn, 'params')) ?? {}) as Record<string, unknown>;
  const allowlist = (await readSetting(conn, 'allowlist')) as Partial<Allowlist> | undefined;
  const timeZone = (await readSetting(conn, 'timeZone')) as string | undefined;
  const profile: Settings['profile'] = (await readSetting(conn, 'profile')) === 'seed' ? 'seed' : 'default';
  let overrides = stored;
  let params: Record<string, unknown>;
  try {
    params = rules.resolve(overrides, profile);
  } catch {
    // Written by a build with other parameters: keep the case usable on this build's defaults.
    overrides = {};
    params = rules.resolve({}, profile);
  }
  return {
    settings: {
      params,
      allowlist: { ...EMPTY_ALLOWLIST, ...(allowlist ?? {}) },
      timeZone: timeZone ?? 'UTC',
      profile,
    },
    overrides,
  };
}

export function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ServiceError('BAD_REQUEST', `unknown time zone: ${timeZone}`);
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export async function saveSettings(
  conn: DuckDBConnection,
  settings: Settings,
  rules: ParamRules,
): Promise<StoredSettings> {
  checkTimeZone(settings.timeZone);
  const defaults = rules.resolve({}, settings.profile);
  try {
    rules.resolve(settings.params, settings.profile);
  } catch (e) {
    throw new ServiceError('BAD_REQUEST', (e as Error).message);
  }
  const overrides = Object.fromEntries(
    Object.entries(settings.params).filter(([name, v]) => !same(v, defaults[name])),
  );
  await conn.run('BEGIN TRANSACTION');
  try {
    await writeSetting(conn, 'params', overrides);
    await writeSetting(conn, 'allowlist', settings.allowlist);
    await writeSetting(conn, 'timeZone', settings.timeZone);
    await writeSetting(conn, 'profile', settings.profile);
    await conn.run('COMMIT');
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return loadSettings(conn, rules);
}
