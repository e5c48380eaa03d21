// One finding in the HTML report: what fired and why, the responder's review, who and where, the process
// chain, the evidence events (the first few in full view, the rest behind a disclosure), the analytic's
// details and the parameters it was produced with.
import type { EvidenceRef, Finding, LineageNode } from '../../../shared/report.js';
import { h, type RawHtml } from './htmlEscape.js';
import { detailRows } from './htmlDetails.js';
import { reviewBlock } from './htmlReview.js';
import { triageList } from './htmlTriage.js';
import type { ReportClock } from './reportClock.js';

/** Evidence rows shown before the disclosure; a burst of 400 failed logons reads as its first rows and a count. */
export const EVIDENCE_SHOWN = 8;

function lineageList(nodes: readonly LineageNode[], clock: ReportClock): RawHtml {
  if (nodes.length === 0)
    return h`<p class="meta">No process chain was found in the logs for this finding.</p>`;
  const items = nodes.map(
    (n) =>
      h`<li class="${n.stub ? 'stub' : ''}"><span class="mono">${n.image ?? '(unknown image)'}</span>
        ${n.pid !== null ? h` pid ${n.pid}` : ''} · ${n.host} · ${clock.full(n.time)}${n.user ? h` · ${n.user}` : ''}
        ${n.stub ? h` (start not in the logs)` : ''}
        ${n.commandLine ? h`<pre>${n.commandLine}</pre>` : ''}</li>`,
  );
  return h`<ol class="chain">${items}</ol>`;
}

/** Where an evidence event is: its file (linked to the evidence files table) and its record. */
function recordRef(e: EvidenceRef): RawHtml {
  const file = e.source.slice(0, 12);
  const record =
    e.recordId !== null ? `#${e.recordId}` : e.recordNo !== undefined ? `record ${e.recordNo}` : '';
  return h`<a href="#src-${file}">${file}</a> ${record}`;
}

function evidenceRows(rows: readonly EvidenceRef[], clock: ReportClock): RawHtml {
  return h`${rows.map(
    (e) =>
      h`<tr><td class="nowrap">${clock.short(e.time)}</td><td class="num">${e.eventId ?? ''}</td><td>${e.user ?? ''}</td>
        <td class="mono">${e.code ?? ''}</td><td>${e.role ?? ''}</td><td class="mono small nowrap">${recordRef(e)}</td></tr>`,
  )}`;
}

function evidenceTable(f: Finding, clock: ReportClock): RawHtml {
  if (f.evidence.length === 0) return h`<p class="meta">No evidence events recorded.</p>`;
  const head = h`<thead><tr><th>time (${clock.zone})</th><th class="num">event</th><th>user</th><th>code</th><th>role</th><th>file · record</th></tr></thead>`;
  const shown = f.evidence.slice(0, EVIDENCE_SHOWN);
  const rest = f.evidence.slice(EVIDENCE_SHOWN);
  return h`<table class="evidence">${head}<tbody>${evidenceRows(shown, clock)}</tbody></table>
  ${
    rest.length
      ? h`<details class="more"><summary>${rest.length} more evidence event(s)</summary>
    <table class="evidence">${head}<tbody>${evidenceRows(rest, clock)}</tbody></table></details>`
      : ''
  }`;
}

/** Accounts shown before the rest are folded away: a spray names hundreds. */
export const ACCOUNTS_SHOWN = 12;

function accountList(accounts: readonly string[]): RawHtml {
  const rest = accounts.slice(ACCOUNTS_SHOWN);
  return h`${accounts.slice(0, ACCOUNTS_SHOWN).join(', ')}${rest.length ? h`<details class="more"><summary>and ${rest.length} more</summary>${rest.join(', ')}</details>` : ''}`;
}

/** Parameters by their own names, as `--param` and the Settings screen spell them. */
function parameterRows(values: Record<string, unknown>): RawHtml {
  const rows = Object.entries(values).map(
    ([k, v]) =>
      h`<tr><th class="mono">${k}</th><td class="mono">${typeof v === 'string' ? v : JSON.stringify(v)}</td></tr>`,
  );
  return h`<table>${rows}</table>`;
}

export function findingSection(f: Finding, index: number, clock: ReportClock): RawHtml {
  const actor = [
    f.actor.user,
    f.actor.logonId && `logon ${f.actor.logonId}`,
    f.actor.sourceIp && `from ${f.actor.sourceIp}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return h`<section class="finding ${f.severity}" id="finding-${index + 1}">
  <h3>${index + 1}. ${f.title}</h3>
  <p><span class="badge ${f.severity}">${f.severity}</span> ${f.analytic} · confidence ${f.confidence}
     · ${clock.full(f.first)}${f.last !== f.first ? h` → ${clock.full(f.last)}` : ''}</p>
  ${reviewBlock(f.review, clock)}
  ${f.allowlisted ? h`<p class="allowlisted">Lowered by the allowlist (${f.allowlisted.kind} ${f.allowlisted.value}): ${f.allowlisted.reason}</p>` : ''}
  <table class="facts">
    <tr><th>hosts</th><td>${f.hosts.join(', ') || '—'}</td></tr>
    <tr><th>accounts</th><td>${f.accounts.length ? accountList(f.accounts) : '—'}</td></tr>
    <tr><th>actor</th><td>${actor || '—'}</td></tr>
  </table>
  <p>${f.explanation}</p>
  ${f.triage?.length ? triageList(f.triage) : ''}
  <h4>Process lineage</h4>
  ${lineageList(f.lineage, clock)}
  <h4>Evidence (${f.evidence.length} event${f.evidence.length === 1 ? '' : 's'})</h4>
  ${evidenceTable(f, clock)}
  ${f.details && Object.keys(f.details).length ? h`<details><summary>Details</summary>${detailRows(f.details, clock)}</details>` : ''}
  <details><summary>Parameters used</summary>${parameterRows(f.params)}</details>
</section>`;
}
