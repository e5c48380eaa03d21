// The page and its selection as the address's fragment, so Back and Forward walk through what the user
// looked at and a view can be reloaded or bookmarked: `#/findings/<id>`, `#/accounts/<key>`,
// `#/signins/<ip>`, `#/entity/user/<key>`, `#/process/<host>/<key>?finding=<id>`. A fragment works the
// same under the browser mode's http:// and the desktop window's app:// page, and never reaches a server.
// A focus field this file does not know (another screen's) travels as a query parameter.
import { isPageId, type PageId } from '../../../shared/screens';
import type { EntityKind } from '../../../shared/api';
import type { ScreenFocus } from './focus';

export interface Route {
  screen: PageId;
  focus: ScreenFocus;
}

const ENTITY_KINDS: readonly EntityKind[] = ['user', 'host', 'ip'];
/** Focus fields a path carries; every other one is a query parameter. */
const IN_PATH = new Set(['findingId', 'accountKey', 'ip', 'entity', 'process']);

const enc = encodeURIComponent;
/** The process tree's own query parameters. */
const PROCESS_QUERY = ['host', 'pid', 'time', 'source', 'record', 'finding'];

function path(route: Route): string[] {
  const { screen, focus } = route;
  switch (screen) {
    case 'findings':
      return focus.findingId ? [screen, focus.findingId] : [screen];
    case 'accounts':
      return focus.accountKey ? [screen, focus.accountKey] : [screen];
    case 'signins':
      return focus.ip ? [screen, focus.ip] : [screen];
    case 'entity':
      return focus.entity ? [screen, focus.entity.kind, focus.entity.key] : [screen];
    case 'process':
      return focus.process?.key && focus.process.host
        ? [screen, focus.process.host, focus.process.key]
        : [screen];
    default:
      return [screen];
  }
}

function query(route: Route): URLSearchParams {
  const q = new URLSearchParams();
  const { focus } = route;
  if (route.screen === 'process') {
    const p = focus.process;
    if (p && !(p.key && p.host)) {
      if (p.host) q.set('host', p.host);
      if (p.pid !== undefined) q.set('pid', String(p.pid));
      if (p.time) q.set('time', p.time);
      if (p.source) q.set('source', p.source);
      if (p.recordNo !== undefined) q.set('record', String(p.recordNo));
    }
    if (focus.findingId) q.set('finding', focus.findingId);
  }
  for (const [name, value] of Object.entries(focus)) {
    if (IN_PATH.has(name) || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      q.set(name, String(value));
  }
  return q;
}

/** The fragment for a page and its selection, `#/` included. */
export function routeHash(route: Route): string {
  const q = query(route).toString();
  return `#/${path(route).map(enc).join('/')}${q ? `?${q}` : ''}`;
}

/** The page a fragment names, or null when it names none (an empty fragment, a stale link). */
export function parseRouteHash(hash: string): Route | null {
  const match = /^#\/([^?]*)(?:\?(.*))?$/.exec(hash);
  if (!match) return null;
  let parts: string[];
  try {
    parts = match[1]!.split('/').map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
  const [screen, ...rest] = parts;
  if (!isPageId(screen)) return null;
  const q = new URLSearchParams(match[2] ?? '');
  const focus: ScreenFocus = {};
  // another screen's focus fields, as it wrote them
  for (const [name, value] of q)
    if (!PROCESS_QUERY.includes(name)) (focus as Record<string, unknown>)[name] = value;
  switch (screen) {
    case 'findings':
      if (rest[0]) focus.findingId = rest[0];
      break;
    case 'accounts':
      if (rest[0]) focus.accountKey = rest[0];
      break;
    case 'signins':
      if (rest[0]) focus.ip = rest[0];
      break;
    case 'entity': {
      const kind = rest[0] as EntityKind;
      if (!ENTITY_KINDS.includes(kind) || !rest[1]) return null;
      focus.entity = { kind, key: rest[1] };
      break;
    }
    case 'process': {
      const finding = q.get('finding');
      if (finding) focus.findingId = finding;
      const host = q.get('host');
      const pid = q.get('pid');
      const time = q.get('time');
      const source = q.get('source');
      const record = q.get('record');
      if (rest[0] && rest[1]) focus.process = { host: rest[0], key: rest[1] };
      else if (host && pid && time) focus.process = { host, pid: Number(pid), time };
      else if (source && record) focus.process = { source, recordNo: Number(record) };
      else if (!finding) return null;
      break;
    }
  }
  return { screen, focus };
}
