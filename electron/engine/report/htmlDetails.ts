// A finding's details (and its parameters) in the HTML report, as readable fields: labels in words, flags
// decoded, lists as lists, nested objects as nested tables (shared/detailFields.ts).
import { detailFields, type DetailField } from '../../../shared/detailFields.js';
import { h, type RawHtml } from './htmlEscape.js';
import type { ReportClock } from './reportClock.js';

function fieldRows(fields: readonly DetailField[]): RawHtml {
  return h`<table class="kv">${fields.map((f) => {
    const v = f.value;
    const cell =
      v.kind === 'text'
        ? h`<td>${v.text}</td>`
        : v.kind === 'list'
          ? h`<td><ul>${v.items.map((i) => h`<li>${i}</li>`)}</ul></td>`
          : h`<td>${fieldRows(v.fields)}</td>`;
    return h`<tr><th>${f.label}</th>${cell}</tr>`;
  })}</table>`;
}

export function detailRows(values: Record<string, unknown> | undefined, clock: ReportClock): RawHtml {
  const fields = detailFields(values ?? {}, clock.full);
  return fields.length ? fieldRows(fields) : h`<p class="meta">None.</p>`;
}
