// The shell's security decisions, as small pure functions with no Electron import, so the unit tests run
// them on plain Node. main.ts applies them; nothing here is a default left to chance.
import type { WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../engine/server/securityHeaders.js';

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
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
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
