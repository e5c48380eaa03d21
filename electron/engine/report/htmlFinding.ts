// One finding in the HTML report: what fired and why, who and where, the process chain, the evidence
// events with their file hashes, and the parameters it was produced with.
import type { Finding, LineageNode } from '../../../shared/report.js';
import { h, raw, type RawHtml } from './htmlEscape.js';
import { evidenceId } from './csvReport.js';
import { triageList } from './htmlTriage.js';

function lineageList(nodes: readonly LineageNode[]): RawHtml {
  if (nodes.length === 0)
    return h`<p class="meta">No process chain was found in the logs for this finding.</p>`;
  const items = nodes.map(
    (n) =>
      h`<li class="${n.stub ? 'stub' : ''}"><span class="mono">${n.image ?? '(unknown image)'}</span>
        ${n.pid !== null ? h` pid ${n.pid}` : ''} · ${n.host} · ${n.time}${n.user ? h` · ${n.user}` : ''}
        ${n.stub ? h` (start not in the logs)` : ''}
        ${n.commandLine ? h`<pre>${n.commandLine}</pre>` : ''}</li>`,
  );
  return h`<ol class="chain">${items}</ol>`;
}

function evidenceTable(f: Finding): RawHtml {
  if (f.evidence.length === 0) return h`<p class="meta">No evidence events recorded.</p>`;
  const rows = f.evidence.map(
    (e) =>
      h`<tr><td>${e.time}</td><td class="num">${e.eventId ?? ''}</td><td>${e.role ?? ''}</td>
        <td class="mono">${evidenceId(e)}</td></tr>`,
  );
  return h`<table><thead><tr><th>time (UTC)</th><th>event</th><th>role</th><th>evidence id (table:file SHA-256:record#record id)</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

function keyValues(values: Record<string, unknown> | undefined): RawHtml {
  const entries = Object.entries(values ?? {});
  if (entries.length === 0) return raw('');
  const rows = entries.map(
    ([k, v]) =>
      h`<tr><th class="mono">${k}</th><td class="mono">${typeof v === 'string' ? v : JSON.stringify(v)}</td></tr>`,
  );
  return h`<table>${rows}</table>`;
}

export function findingSection(f: Finding, index: number): RawHtml {
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
     · ${f.first}${f.last !== f.first ? h` → ${f.last}` : ''}</p>
  ${f.allowlisted ? h`<p class="allowlisted">Lowered by the allowlist (${f.allowlisted.kind} ${f.allowlisted.value}): ${f.allowlisted.reason}</p>` : ''}
  <table>
    <tr><th>hosts</th><td>${f.hosts.join(', ')}</td></tr>
    <tr><th>accounts</th><td>${f.accounts.join(', ')}</td></tr>
    <tr><th>actor</th><td>${actor}</td></tr>
  </table>
  <p>${f.explanation}</p>
  ${f.triage?.length ? triageList(f.triage) : ''}
  <h4>Process lineage</h4>
  ${lineageList(f.lineage)}
  <h4>Evidence</h4>
  ${evidenceTable(f)}
  ${f.details && Object.keys(f.details).length ? h`<details><summary>Details</summary>${keyValues(f.details)}</details>` : ''}
  <details><summary>Parameters used</summary>${keyValues(f.params)}</details>
</section>`;
}
