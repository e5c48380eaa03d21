// The browser-mode transport: every ApiClient method becomes `POST /api/<method>` with a JSON body and the
// run's token, and the server's Result comes back through apiClient.ts, which turns it into the value or an
// ApiError exactly as it does for the Electron preload's replies. No logic lives here beyond carrying the
// call, so the renderer behaves the same over HTTP as over Electron IPC. `fetch` is passed in, so this
// file needs no DOM types and tests can run it on Node.
import { ApiError, type ApiClient } from './api.js';
import { createApiClient, isResult, transportFailure, unwrapReply } from './apiClient.js';

export interface HttpResponseLike {
  status: number;
  json(): Promise<unknown>;
}

export type Fetch<Body> = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: Body },
) => Promise<HttpResponseLike>;

export interface UploadedFile {
  path: string;
  size: number;
  sha256: string;
}

export type HttpApiClient = ApiClient & {
  /** Streams one dropped file to the server's evidence folder; import the returned path with startImport. */
  uploadFile(name: string, body: unknown): Promise<UploadedFile>;
};

/** The header the server reads the run's token from. */
export const TOKEN_HEADER = 'authorization';

/** The server's reply as a Result; a reply that is not one fails here, naming the HTTP status. */
async function readReply(response: HttpResponseLike): Promise<unknown> {
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    throw new ApiError('BAD_RESPONSE', `the server answered ${response.status} without a JSON result`);
  }
  if (!isResult(parsed))
    throw new ApiError('BAD_RESPONSE', `the server answered ${response.status} without a result`);
  return parsed;
}

/**
 * Builds an ApiClient over HTTP. `baseUrl` is the page's own origin ('' works in a browser page);
 * `token` is the one the CLI printed in the URL fragment. In a page pass `(url, init) => fetch(url, init)`.
 */
export function createHttpClient(baseUrl: string, token: string, fetchImpl: Fetch<string>): HttpApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  const auth = { [TOKEN_HEADER]: `Bearer ${token}` };
  const api = createApiClient(async (method, request) => {
    const response = await fetchImpl(`${base}/api/${method}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    return readReply(response);
  }, 'the server');
  const uploadFile = async (name: string, body: unknown): Promise<UploadedFile> => {
    // The body is whatever the platform's fetch accepts for bytes (a File, a Blob, a Uint8Array); the same
    // fetch carries it, only its static type is widened here.
    const send = fetchImpl as unknown as Fetch<unknown>;
    let response: HttpResponseLike;
    try {
      response = await send(`${base}/api/upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body,
      });
    } catch (e) {
      throw transportFailure(e, 'the server');
    }
    return unwrapReply(await readReply(response), 'the server') as UploadedFile;
  };
  return { ...api, uploadFile };
}

/** Reads `#token=…` from a location hash; the token never travels in a URL the server sees. */
export function tokenFromHash(hash: string): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{16,128})(?:&|$)/.exec(hash);
  return match ? match[1]! : null;
}
