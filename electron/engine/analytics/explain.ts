// Titles and explanations: why a finding fired, in words a responder can paste into a report. Each analytic
// words its own findings (its module's title and explain); an allowlisted finding says why it was lowered.
import type { Finding } from '../../../shared/report.js';
import { requireAnalytic } from './registry.js';

export function titleOf(f: Finding): string {
  return requireAnalytic(f.analytic).title(f);
}

export function explainFinding(f: Finding): string {
  const text = requireAnalytic(f.analytic).explain(f);
  const lowered = f.allowlisted
    ? ` Lowered to low: ${f.allowlisted.kind} ${f.allowlisted.value} is allowlisted (${f.allowlisted.reason}).`
    : '';
  return text + lowered;
}
