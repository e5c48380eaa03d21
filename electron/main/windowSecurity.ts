// The shell's security decisions, as small functions with no Electron import at run time (types only), so
// the unit tests run them on plain Node. main.ts applies them; nothing here is a default left to chance.
import { readFile } from 'node:fs/promises';
import type { Protocol, Session, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../engine/server/httpSecurity.js';
import { resolveStaticFile } from '../engine/server/staticFiles.js';

/** The app's own origin: pages are served from this custom scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'accountscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * The renderer's web preferences. The page is a browser page and nothing more: no Node, its own
 * isolated world for the preload, Chromium's sandbox, same-origin policy on, no <webview>.
 */
export function windowSecurityOptions(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped outside the drop zone must not replace the app with the file's contents.
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** The same policy as browser mode: the page runs only its own scripts and talks only to itself. */
export function contentSecurityPolicy(): string {
  return CONTENT_SECURITY_POLICY;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for the app's own pages and assets; everything else (http, https, file, ws, …) is blocked. */
export function isAllowedRequest(url: string): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
}

/**
 * An IPC call is answered only when it comes from the app window's top-level frame showing the app's
 * own page: not from an iframe, not after a navigation elsewhere, not from any other window.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  // URL.origin is "null" for a custom scheme, so scheme and host are compared instead.
  return isMainFrame && typeof frameUrl === 'string' && isAllowedRequest(frameUrl);
}

/** Navigation inside the window is never needed: the app is one page. */
export function isAllowedNavigation(url: string): boolean {
  return isAllowedRequest(url) && parse(url)?.pathname === '/index.html';
}

/** Counts what the request filter refused, for Help → Security. */
export class BlockedRequests {
  private count = 0;
  private readonly recent: string[] = [];

  record(url: string): void {
    this.count++;
    this.recent.push(url.slice(0, 200));
    if (this.recent.length > 20) this.recent.shift();
  }

  get total(): number {
    return this.count;
  }

  get lastBlocked(): readonly string[] {
    return this.recent;
  }
}

// The app:// scheme the window loads from. A custom scheme instead of file:// gives the page a real,
// narrow origin (file:// pages can read other local files in some configurations), lets every response
// carry the CSP header, and makes "is this request the app's own?" a one-line check.

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(protocol: Protocol): void {
  // standard + secure: a proper origin for relative URLs and secure-context APIs. No CORS, no CSP bypass.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppScheme(session: Session, rendererRoot: string): void {
  const headers = { 'content-security-policy': contentSecurityPolicy(), 'x-content-type-options': 'nosniff' };
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const found = url.host === APP_HOST ? await resolveStaticFile(rendererRoot, url.pathname) : null;
    if (!found)
      return new Response('not found', {
        status: 404,
        headers: { ...headers, 'content-type': 'text/plain' },
      });
    return new Response(await readFile(found.file), {
      status: 200,
      headers: { ...headers, 'content-type': found.mime },
    });
  });
}
