// Messages between the Electron main process and the engine's utility process. Plain JSON-safe objects:
// the engine answers every call with a Result value, and says when the open case changed so that a
// restarted engine reopens the case the user was working on.
import type { ApiMethod, Result } from '../../shared/api.js';

export type ToEngine = { type: 'call'; id: number; method: ApiMethod; request: unknown };

export type FromEngine =
  | { type: 'ready'; casePath: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'case'; casePath: string }
  | { type: 'fatal'; message: string };

/** Calls after which the engine's case file may be another one. */
export const CASE_CHANGING: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['openCase', 'saveCaseAs']);

export function isFromEngine(m: unknown): m is FromEngine {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}
