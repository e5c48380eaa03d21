// A finding's triage checklist in the HTML report: each next step, what the case answers, and the state
// of that answer in words (colour is never the only signal on paper).
import type { TriageStep } from '../../../shared/report.js';
import { h, type RawHtml } from './htmlEscape.js';

const STATUS_WORDS: Record<NonNullable<TriageStep['status']>, string> = {
  done: 'answered',
  attention: 'needs attention',
  unknown: 'the logs cannot say',
};

export const TRIAGE_CSS = `
.triage { padding-left: 20px; margin: 4px 0; }
.triage li { margin: 3px 0; }
.triage .answer { display: block; color: var(--muted); }
.triage .status { font-size: 11px; font-weight: 600; text-transform: uppercase; margin-left: 6px; }
.triage .status.attention { color: var(--high); } .triage .status.done { color: #1f6f3b; }
`;

export function triageList(steps: readonly TriageStep[]): RawHtml {
  const items = steps.map(
    (
      s,
    ) => h`<li>${s.text}${s.status ? h`<span class="status ${s.status}">${STATUS_WORDS[s.status]}</span>` : ''}
      ${s.answer ? h`<span class="answer">${s.answer}</span>` : ''}</li>`,
  );
  return h`<h4>Next steps</h4><ol class="triage">${items}</ol>`;
}
