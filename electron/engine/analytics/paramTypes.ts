// The shape of a tunable: what a module declares for each parameter it reads. The registry of all of
// them (params.ts) is built from the modules, so these types sit apart from it and a module can name
// them without importing the registry that imports the module.
import type { ParamSpec as ApiParamSpec } from '../../../shared/api.js';
import type { AnalyticId } from '../../../shared/report.js';

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

/** A parameter as a module or paramsCommon.ts writes it; which analytics read it is worked out. */
export type ParamSpecInput = Omit<ParamSpec, 'analytic' | 'analytics'>;

export type ProfileName = 'default' | 'seed';
export const PROFILE_NAMES: readonly ProfileName[] = ['default', 'seed'];

export type ResolvedParams = Readonly<Record<string, ParamValue>>;
