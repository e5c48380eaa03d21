// Every tunable the analytics read, with its default, type and meaning: the one list the Settings screen,
// `--param NAME=VALUE` and the SQL files share. A name here is exactly the `$name` the SQL binds.
// Defaults follow /shared/detections.md; the `seed` profile reproduces the seed documents' own queries.
import type { ParamSpec as ApiParamSpec } from '../../../shared/api.js';
import type { AnalyticId } from '../../../shared/report.js';
import { ACCOUNT_PARAMS, COMMON_PARAMS } from './paramsCommon.js';
import { ENUMERATION_PARAMS } from './paramsEnumeration.js';
import { PROBING_PARAMS } from './paramsProbing.js';

/** Numbers are whole numbers throughout (seconds, counts, error codes). */
export type ParamType = ApiParamSpec['type'];
export type ParamValue = number | boolean | string | string[] | number[];

/** The API's parameter shape (shared/api.ts), plus what Settings needs to show it well. */
export interface ParamSpec extends ApiParamSpec {
  type: ParamType;
  default: ParamValue;
  /** Every analytic that reads it (`analytic` is 'common' when there are several). */
  analytics: readonly AnalyticId[];
  /** Shown next to the value in Settings. */
  unit?: 'seconds' | 'minutes' | 'accounts' | 'levels' | 'events';
  /** Allowed values of a string parameter. */
  choices?: readonly string[];
}

/** A registry entry as written in the params*.ts files; `analytic` is derived from `analytics`. */
export type ParamSpecInput = Omit<ParamSpec, 'analytic'>;

function withAnalytic(spec: ParamSpecInput): ParamSpec {
  return { ...spec, analytic: spec.analytics.length === 1 ? spec.analytics[0]! : 'common' };
}

export const PARAMS: readonly ParamSpec[] = [
  ...COMMON_PARAMS,
  ...ENUMERATION_PARAMS,
  ...ACCOUNT_PARAMS,
  ...PROBING_PARAMS,
].map(withAnalytic);

export type ProfileName = 'default' | 'seed';
export const PROFILE_NAMES: readonly ProfileName[] = ['default', 'seed'];

/**
 * Named sets of defaults. `seed` reproduces seed 002's KQL exactly (no 50126, grouped by IP, app and
 * result description, usernames compared as written) and seed 004's AQL (4625 and 4771 only).
 */
export const PROFILES: Record<ProfileName, Readonly<Record<string, ParamValue>>> = {
  default: {},
  seed: {
    t1589_signin_error_codes: [50034, 50053, 50055, 50057, 50072, 50076],
    t1589_signin_group_by_app_and_reason: true,
    t1589_entra_case_sensitive_users: true,
    t1589_sspr_activities: [
      'Reset password (self-service)',
      'Self-service password reset flow activity',
      'Verify email address phone number',
    ],
    t1589_win_4768_codes: [],
    t1589_win_4776_codes: [],
  },
};

export type ResolvedParams = Readonly<Record<string, ParamValue>>;

const byName = new Map(PARAMS.map((p) => [p.name, p]));

export function paramSpec(name: string): ParamSpec | undefined {
  return byName.get(name);
}

/** Defaults, then the profile's, then the caller's overrides (each checked against its type). */
export function resolveParams(
  overrides: Record<string, unknown> = {},
  profile: ProfileName = 'default',
): ResolvedParams {
  if (!PROFILE_NAMES.includes(profile)) throw new Error(`unknown profile ${JSON.stringify(profile)}`);
  const out: Record<string, ParamValue> = {};
  for (const p of PARAMS) out[p.name] = p.default;
  Object.assign(out, PROFILES[profile]);
  for (const [name, value] of Object.entries(overrides)) {
    const spec = byName.get(name);
    if (!spec) throw new Error(`unknown analytics parameter "${name}"`);
    out[name] = checkValue(spec, value);
  }
  return out;
}

function checkValue(spec: ParamSpec, value: unknown): ParamValue {
  const fail = (): never => {
    throw new Error(`parameter "${spec.name}" must be ${spec.type}, got ${JSON.stringify(value)}`);
  };
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isInteger(value)) fail();
      return value as number;
    case 'boolean':
      if (typeof value !== 'boolean') fail();
      return value as boolean;
    case 'string':
      if (typeof value !== 'string') fail();
      if (spec.choices && !spec.choices.includes(value as string)) fail();
      return value as string;
    case 'string[]':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail();
      return value as string[];
    case 'number[]':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isInteger(v))) fail();
      return value as number[];
  }
}

/**
 * Parses `NAME=VALUE` as given on the command line. Lists are JSON (`["a","b"]`) or comma-separated;
 * use JSON for regular expressions, which may contain commas.
 */
export function parseParamAssignment(text: string): [string, ParamValue] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`expected NAME=VALUE, got "${text}"`);
  const name = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  const spec = byName.get(name);
  if (!spec) throw new Error(`unknown analytics parameter "${name}"`);
  return [name, checkValue(spec, parseRaw(spec.type, raw))];
}

function parseRaw(type: ParamType, raw: string): unknown {
  switch (type) {
    case 'number':
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'string':
      return raw;
    case 'string[]':
    case 'number[]': {
      if (raw.startsWith('[')) return JSON.parse(raw) as unknown;
      const items = raw === '' ? [] : raw.split(',').map((s) => s.trim());
      return type === 'number[]' ? items.map((s) => (/^-?\d+$/.test(s) ? Number(s) : s)) : items;
    }
  }
}
