// The analytics this build runs, in the order they run and are listed. Adding one is its folder (see
// module.ts) and one line in BUILT_IN. Tests register fixture analytics through registerAnalytic, which
// checks a module the same way the built-in ones are checked.
import { ANALYTIC_ID_PATTERN } from '../../../shared/report.js';
import type { AnalyticModule } from './module.js';
import { an1612 } from './an1612/index.js';
import { an1604 } from './an1604/index.js';
import { an1235 } from './an1235/index.js';
import { t1589 } from './t1589/index.js';
import { t1110_001 } from './t1110_001/index.js';
import { t1110_003 } from './t1110_003/index.js';

const BUILT_IN: readonly AnalyticModule[] = [an1612, an1604, an1235, t1589, t1110_001, t1110_003];

const modules: AnalyticModule[] = [];
const listeners: Array<() => void> = [];

function check(m: AnalyticModule): void {
  if (!ANALYTIC_ID_PATTERN.test(m.id))
    throw new Error(`analytic id ${JSON.stringify(m.id)} is not letters, digits and _`);
  if (modules.some((o) => o.id === m.id)) throw new Error(`analytic ${m.id} is registered twice`);
  const prefix = `${m.id.toLowerCase()}_`;
  for (const p of m.params) {
    if (!p.name.startsWith(prefix))
      throw new Error(`parameter ${p.name} of ${m.id} must start with ${prefix}`);
  }
  if (m.reads.length === 0) throw new Error(`analytic ${m.id} reads no logs`);
}

/** Adds an analytic after the built-in ones; returns what takes it out again. */
export function registerAnalytic(m: AnalyticModule): () => void {
  check(m);
  modules.push(m);
  for (const l of listeners) l();
  return () => {
    const i = modules.indexOf(m);
    if (i >= 0) modules.splice(i, 1);
    for (const l of listeners) l();
  };
}

for (const m of BUILT_IN) registerAnalytic(m);

/** Every analytic, in run order. */
export function analyticModules(): readonly AnalyticModule[] {
  return modules;
}

export function analyticModule(id: string): AnalyticModule | undefined {
  return modules.find((m) => m.id === id);
}

export function requireAnalytic(id: string): AnalyticModule {
  const m = analyticModule(id);
  if (!m) throw new Error(`unknown analytic ${JSON.stringify(id)}`);
  return m;
}

/** Called whenever the list changes, for the caches built from it (the parameter registry). */
export function onRegistryChange(listener: () => void): void {
  listeners.push(listener);
}
