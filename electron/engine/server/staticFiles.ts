// Serves the built UI (renderer-dist/) to the browser. Only files inside that folder are reachable: the
// URL path is checked segment by segment, then the real path (after symlinks) must still be inside.
import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticRelativePath } from './httpSecurity.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** renderer-dist/ beside the project's package.json, found from this module (source or dist). */
export function defaultStaticRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'renderer-dist');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'renderer-dist');
}

async function insideRoot(root: string, file: string): Promise<string | null> {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(file);
    if (!real.startsWith(realRoot + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

const NOT_BUILT = `<!DOCTYPE html><meta charset="utf-8"><title>AccountScope</title>
<p>The AccountScope UI is not built in this folder. Run <code>npm run build</code>, then start <code>accountscope serve</code> again.</p>`;

/**
 * The file a URL path names inside the static root, with its MIME type, or null. Paths without an
 * extension fall back to index.html (the app's own screens). Shared by browser mode and the Electron
 * app:// protocol.
 */
export async function resolveStaticFile(
  root: string,
  urlPath: string,
): Promise<{ file: string; mime: string } | null> {
  const segments = staticRelativePath(urlPath);
  if (!segments) return null;
  let file = await insideRoot(root, join(root, ...segments));
  if (!file && extname(urlPath) === '') file = await insideRoot(root, join(root, 'index.html'));
  return file ? { file, mime: MIME[extname(file).toLowerCase()] ?? 'application/octet-stream' } : null;
}

/** Answers a GET for a static file; anything refused or missing is a plain 404 that says nothing more. */
export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const found = await resolveStaticFile(root, urlPath);
  if (!found) {
    if (urlPath === '/' && !existsSync(root)) {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(NOT_BUILT);
      return;
    }
    res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': found.mime });
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
}
