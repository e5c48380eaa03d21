// Picks the transport once, at start-up: the preload's client inside Electron, else HTTP to the loopback
// server that served this page, authenticated with the token it put in the URL fragment.
import type { ApiClient } from '../../../shared/api';
import { createHttpClient } from '../../../shared/transport';

export type TransportKind = 'electron' | 'http';

export interface SelectedTransport {
  kind: TransportKind;
  api: ApiClient;
}

/** Reads `token` from a fragment like `#token=abc&x=y`. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length > 0 ? token : null;
}

// The token is kept for the page's lifetime only; a reload (which loses the fragment) falls back to it.
const TOKEN_KEY = 'accountscope.token';

export function selectTransport(): SelectedTransport {
  if (window.accountscope) return { kind: 'electron', api: window.accountscope };

  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    // Keep the secret out of the address bar, screenshots and history.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    throw new Error(
      'No access token in the page address. Open the exact URL that `accountscope serve` printed (it ends in #token=…).',
    );
  }
  return { kind: 'http', api: createHttpClient(window.location.origin, token, window.fetch.bind(window)) };
}
