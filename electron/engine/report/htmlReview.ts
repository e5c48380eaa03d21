// What the responder decided, in the HTML report: each finding's status (and when, and by whom), tags,
// note and bookmark, and the table of events they tagged, noted or bookmarked.
import type { FindingReview, FindingStatus, TriagedEvent } from '../../../shared/report.js';
import { h, type RawHtml } from './htmlEscape.js';
import type { ReportClock } from './reportClock.js';

export const STATUS_WORDS: Record<FindingStatus, string> = {
  new: 'not reviewed',
  reviewed: 'reviewed',
  'false-positive': 'false positive',
  confirmed: 'confirmed',
};

export const REVIEW_CSS = `
.review { margin: 6px 0; }
.status { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  border: 1px solid var(--line); }
.status.confirmed { background: #fde2e1; border-color: var(--high); color: #7a1c13; }
.status.false-positive { background: #eef1f5; color: var(--muted); }
.status.reviewed { background: #e3f4e8; border-color: #1f6f3b; color: #1f6f3b; }
.status.new { color: var(--muted); }
.tag { display: inline-block; padding: 0 6px; margin: 0 2px; border-radius: 3px; background: #eef1f5;
  font-size: 12px; }
.note { white-space: pre-wrap; border-left: 3px solid var(--line); padding: 2px 8px; margin: 4px 0; }
`;

export function tagList(tags: readonly string[]): RawHtml {
  return h`${tags.map((t) => h`<span class="tag">${t}</span>`)}`;
}

/** A finding's review as one line (status, tags, bookmark) and its note. */
export function reviewBlock(review: FindingReview | undefined, clock: ReportClock): RawHtml {
  const status = review?.status ?? 'new';
  const when = review?.statusAt
    ? h` · set ${clock.full(review.statusAt)}${review.statusBy ? h` by ${review.statusBy}` : ''}`
    : '';
  return h`<div class="review"><strong>Review:</strong> <span class="status ${status}">${STATUS_WORDS[status]}</span>${when}
    ${review?.tags.length ? h` · tags ${tagList(review.tags)}` : ''}${review?.bookmarked ? h` · ★ bookmarked` : ''}
    ${review?.note ? h`<p class="note">${review.note}</p>` : ''}</div>`;
}

/** The events the responder tagged, noted or bookmarked, with what each one is. */
export function triagedEventsSection(events: readonly TriagedEvent[], clock: ReportClock): RawHtml {
  if (events.length === 0) return h``;
  const rows = events.map(
    (e) => h`<tr><td class="nowrap">${e.time ? clock.short(e.time) : ''}</td><td>${e.host ?? ''}</td>
      <td class="num">${e.eventId ?? ''}</td><td>${e.user ?? ''}</td><td class="mono">${e.code ?? ''}</td>
      <td>${e.bookmarked ? '★ ' : ''}${tagList(e.tags)}</td><td class="wrap-note">${e.note}</td>
      <td class="mono small"><a href="#src-${e.ref.source.slice(0, 12)}">${e.ref.source.slice(0, 12)}</a> ${e.ref.table} #${e.ref.recordNo}</td></tr>`,
  );
  return h`<h2 id="events">Tagged and bookmarked events</h2>
  <p class="meta">${events.length} event(s) the responder marked. Times in ${clock.zone}.</p>
  <table><thead><tr><th>time</th><th>host</th><th class="num">event</th><th>user</th><th>code</th><th>tags</th><th>note</th><th>record</th></tr></thead>
  <tbody>${rows}</tbody></table>`;
}
