// Sizes, rates and counts as a person reads them on a progress line.

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

export function formatCount(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US') : '—';
}

export function formatRate(perSecond: number, unit: string): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return `0 ${unit}/s`;
  return `${formatCount(Math.round(perSecond))} ${unit}/s`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Last path component, for showing a long case or file path in a narrow place (the full path goes in a tooltip). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  return parts.length > 0 ? parts[parts.length - 1]! : path;
}

/**
 * A path in three parts, so a long one can be shortened in the middle: the folder's first half (`head`)
 * and second half (`tail`) give way where they meet, the file name (`name`) stays whole. The three put
 * together are the path.
 */
export function splitPath(path: string): { head: string; tail: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
  const folder = path.slice(0, cut);
  const half = Math.ceil(folder.length / 2);
  return { head: folder.slice(0, half), tail: folder.slice(half), name: path.slice(cut) };
}

/** The file with its folder (`WS01/Security.xml`): exports from several hosts often share a file name. */
export function shortPath(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  return parts.slice(-2).join('/') || path;
}

/** `WS01.corp.local` → `WS01`: the name responders say; the full name stays in the tooltip. */
export function shortHost(host: string): string {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
  return host.split('.')[0] || host;
}
