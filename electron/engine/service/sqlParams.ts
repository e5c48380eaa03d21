// Values for the `$name`s of a console query. The SQL screen runs the analytics' own SQL, so a name the
// request does not give falls back to the case's current value of that analytic parameter, and the
// `$allow_*` lists to the case's allowlist: "re-run this analytic as it ran" needs no typing. Types follow
// the parameter registry (whole numbers as INTEGER, lists as typed LISTs, exactly as the analytics bind
// them); a name the registry does not know gets the type of its value.
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  INTEGER,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { ParamSpec } from '../../../shared/api.js';
import type { Allowlist } from '../../../shared/report.js';
import { allowlistBindings } from '../analytics/index.js';
import { ServiceError } from './serviceError.js';

export interface ConsoleDefaults {
  /** The case's effective analytic parameters. */
  values: Readonly<Record<string, unknown>>;
  /** Registry types by parameter name. */
  types: Readonly<Record<string, ParamSpec['type']>>;
  allowlist: Allowlist;
}

export interface ConsoleBindings {
  values: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
}

const isWhole = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);

/** The type a value would have in the registry's terms, for a name the registry does not know. */
function inferredType(value: unknown): ParamSpec['type'] | 'double' | 'bigint' | null {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number')
    return !Number.isInteger(value) ? 'double' : Math.abs(value) < 2 ** 31 ? 'number' : 'bigint';
  if (Array.isArray(value)) return value.length > 0 && value.every(isWhole) ? 'number[]' : 'string[]';
  return null;
}

function bindOne(
  name: string,
  value: unknown,
  type: ParamSpec['type'] | 'double' | 'bigint' | null,
): [DuckDBValue, DuckDBType | undefined] {
  const wrong = (): never => {
    throw new ServiceError('BAD_REQUEST', `$${name} must be ${type}`);
  };
  switch (type) {
    case null:
      return [null, undefined];
    case 'number':
      return isWhole(value) ? [value as number, INTEGER] : wrong();
    case 'bigint':
      return [BigInt(value as number), BIGINT];
    case 'double':
      return [value as number, DOUBLE];
    case 'boolean':
      return typeof value === 'boolean' ? [value, BOOLEAN] : wrong();
    case 'string':
      return typeof value === 'string' ? [value, VARCHAR] : wrong();
    case 'string[]':
      return Array.isArray(value) ? [listValue(value.map(String)), LIST(VARCHAR)] : wrong();
    case 'number[]':
      return Array.isArray(value) && value.every(isWhole)
        ? [listValue(value as number[]), LIST(INTEGER)]
        : wrong();
  }
}

/** Binds every name the statement uses; a name with no value anywhere is the user's to supply. */
export function consoleBindings(
  names: readonly string[],
  given: Readonly<Record<string, unknown>>,
  defaults?: ConsoleDefaults,
): ConsoleBindings {
  const out: ConsoleBindings = { values: {}, types: {} };
  const allow: Readonly<Record<string, string[]>> = defaults ? allowlistBindings(defaults.allowlist) : {};
  for (const name of names) {
    const value = Object.hasOwn(given, name) ? given[name] : (defaults?.values[name] ?? allow[name]);
    if (value === undefined) {
      throw new ServiceError('BAD_REQUEST', `the query uses $${name}: give it a value in the parameters`);
    }
    const type =
      value === null ? null : (defaults?.types[name] ?? (name in allow ? 'string[]' : inferredType(value)));
    const [bound, duckType] = bindOne(name, value, type);
    out.values[name] = bound;
    if (duckType) out.types[name] = duckType;
  }
  return out;
}
