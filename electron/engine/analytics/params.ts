// Every tunable the analytics read, with its default, type and meaning: the one list the Settings screen,
// `--param NAME=VALUE` and the SQL files share. A name here is exactly the `$name` the SQL binds. The list
// is built from the registry: each analytic's own parameters, then the common ones (paramsCommon.ts) with
// the analytics that declare them. Defaults follow /shared/detections.md; the `seed` profile reproduces
// the seed documents' own queries.
import { COMMON_PARAMS } from './paramsCommon.js';
import {
  PROFILE_NAMES,
  type ParamSpec,
  type ParamSpecInput,
  type ParamType,
  type ParamValue,
  type ProfileName,
  type ResolvedParams,
} from './paramTypes.js';
import { analyticModules, onRegistryChange } from './registry.js';

// Every number has a range, so a typo (-3 distinct users, a window of -60 s) is refused with a clear error
// instead of silently finding nothing: counts start at 1, durations and codes at 0, durations stop at ten
// years. A module may declare a narrower range of its own.
const TEN_YEARS_S = 3650 * 86_400;
const DEFAULT_RANGE: Record<NonNullable<ParamSpec['unit']> | 'none', { min: number; max?: number }> = {
  accounts: { min: 1 },
  events: { min: 1 },
  levels: { min: 1 },
  seconds: { min: 0, max: TEN_YEARS_S },
  minutes: { min: 0, max: TEN_YEARS_S / 60 },
  none: { min: 0 },
};

function toSpec(input: ParamSpecInput, analytics: readonly string[]): ParamSpec {
  const spec: ParamSpec = {
    ...input,
    analytics,
    analytic: analytics.length === 1 ? analytics[0]! : 'common',
  };
  if (spec.type === 'number' || spec.type === 'number[]') {
    const range = DEFAULT_RANGE[spec.unit ?? 'none'];
    spec.min ??= range.min;
    if (range.max !== undefined) spec.max ??= range.max;
  }
  return spec;
}

let cached: { params: readonly ParamSpec[]; byName: Map<string, ParamSpec> } | null = null;
onRegistryChange(() => {
  cached = null;
});

function registry(): { params: readonly ParamSpec[]; byName: Map<string, ParamSpec> } {
  if (cached) return cached;
  const modules = analyticModules();
  const common = COMMON_PARAMS.map((p) =>
    toSpec(
      p,
      modules.filter((m) => m.commonParams.includes(p.name)).map((m) => m.id),
    ),
  );
  const own = modules.flatMap((m) => m.params.map((p) => toSpec(p, [m.id])));
  const params = [...common, ...own];
  cached = { params, byName: new Map(params.map((p) => [p.name, p])) };
  return cached;
}

/** Every parameter: the common ones first, then each analytic's own in run order. */
export function paramSpecs(): readonly ParamSpec[] {
  return registry().params;
}

/**
 * Named sets of defaults, gathered from the modules. `seed` reproduces the seed documents' queries where
 * an analytic's defaults deliberately differ from them.
 */
export function profileValues(profile: ProfileName): Readonly<Record<string, ParamValue>> {
  return Object.assign({}, ...analyticModules().map((m) => m.profiles?.[profile] ?? {})) as Record<
    string,
    ParamValue
  >;
}

export function paramSpec(name: string): ParamSpec | undefined {
  return registry().byName.get(name);
}

/** Defaults, then the profile's, then the caller's overrides (each checked against its type). */
export function resolveParams(
  overrides: Record<string, unknown> = {},
  profile: ProfileName = 'default',
): ResolvedParams {
  if (!PROFILE_NAMES.includes(profile)) throw new Error(`unknown profile ${JSON.stringify(profile)}`);
  const out: Record<string, ParamValue> = {};
  for (const p of paramSpecs()) out[p.name] = p.default;
  Object.assign(out, profileValues(profile));
  for (const [name, value] of Object.entries(overrides)) {
    const found = registry().byName.get(name);
    if (!found) throw new Error(`unknown analytics parameter "${name}"`);
    out[name] = checkValue(found, value);
  }
  return out;
}

function checkValue(spec: ParamSpec, value: unknown): ParamValue {
  const fail = (): never => {
    throw new Error(`parameter "${spec.name}" must be ${spec.type}, got ${JSON.stringify(value)}`);
  };
  const inRange = (n: number): void => {
    if (spec.min !== undefined && n < spec.min)
      throw new Error(`parameter "${spec.name}" must be at least ${spec.min}, got ${n}`);
    if (spec.max !== undefined && n > spec.max)
      throw new Error(`parameter "${spec.name}" must be at most ${spec.max}, got ${n}`);
  };
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isInteger(value)) fail();
      inRange(value as number);
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
      (value as number[]).forEach(inRange);
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
  const spec = registry().byName.get(name);
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
