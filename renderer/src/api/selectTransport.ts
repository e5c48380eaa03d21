// Picks the transport once, at start-up: the preload's bridge inside Electron, else HTTP to the loopback
// server that served this page, authenticated with the token it put in the URL fragment. Either way the
// screens get the same ApiClient, failing with the same ApiError.
import type { ApiClient, ApiMethod } from '../../../shared/api';
import { createApiClient } from '../../../shared/apiClient';
import { createHttpClient, tokenFromHash, type UploadedFile } from '../../../shared/transport';

export type TransportKind = 'electron' | 'http';

export interface SelectedTransport {
  kind: TransportKind;
  api: ApiClient;
  /** Browser mode only: the page cannot hand the engine a path, so dropped files are streamed to it. */
  uploadFile?: (file: File) => Promise<UploadedFile>;
}

// The token is kept for the tab's lifetime, so a reload (which no longer has the fragment) still works.
const TOKEN_KEY = 'accountscope.token';

export function selectTransport(): SelectedTransport {
  const bridge = window.accountscope;
  if (bridge) {
    // The preload hands back Results; the same unwrapping as the HTTP client makes them values or ApiErrors.
    const carry = (method: ApiMethod, request: unknown) =>
      (bridge[method] as (req: unknown) => Promise<unknown>)(request);
    return { kind: 'electron', api: createApiClient(carry) };
  }

  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    // Keep the secret out of the address bar, screenshots and history.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    throw new Error(
      'This page was opened without its access key: the #token=… at the end of the address browser mode ' +
        'printed when it started. It answers only that address, which keeps other pages and programs on ' +
        'this machine out of the case.',
    );
  }
  const client = createHttpClient(window.location.origin, token, (url, init) => window.fetch(url, init));
  return { kind: 'http', api: client, uploadFile: (file) => client.uploadFile(file.name, file) };
}
