// The browser-mode transport: every ApiClient method becomes `POST /api/<method>` with a JSON body and the
// run's token, and the server's Result comes back as the value or as an ApiError. No logic lives here
// beyond that, so the renderer behaves the same over HTTP as over Electron IPC. `fetch` is passed in, so
// this file needs no DOM types and tests can run it on Node.
import { API_METHODS, ApiError, type ApiClient, type ApiMethod, type Result } from './api.js';

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

function isResult(v: unknown): v is Result<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';
}

async function unwrap(response: HttpResponseLike): Promise<unknown> {
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    throw new ApiError('BAD_RESPONSE', `the server answered ${response.status} without a JSON result`);
  }
  if (!isResult(parsed))
    throw new ApiError('BAD_RESPONSE', `the server answered ${response.status} without a result`);
  if (parsed.ok) return parsed.value;
  throw new ApiError(parsed.error.code, parsed.error.message);
}

/**
 * Builds an ApiClient over HTTP. `baseUrl` is the page's own origin ('' works in a browser page);
 * `token` is the one the CLI printed in the URL fragment. In a page pass `(url, init) => fetch(url, init)`.
 */
export function createHttpClient(baseUrl: string, token: string, fetchImpl: Fetch<string>): HttpApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  const auth = { [TOKEN_HEADER]: `Bearer ${token}` };
  const call = async (method: ApiMethod, request: unknown): Promise<unknown> => {
    const response = await fetchImpl(`${base}/api/${method}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(request ?? {}),
    });
    return unwrap(response);
  };
  const client: Record<string, unknown> = {};
  for (const method of API_METHODS) client[method] = (request: unknown) => call(method, request);
  client['uploadFile'] = async (name: string, body: unknown): Promise<UploadedFile> => {
    // The body is whatever the platform's fetch accepts for bytes (a File, a Blob, a Uint8Array); the same
    // fetch carries it, only its static type is widened here.
    const send = fetchImpl as unknown as Fetch<unknown>;
    const response = await send(`${base}/api/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body,
    });
    return (await unwrap(response)) as UploadedFile;
  };
  return client as HttpApiClient;
}

/** Reads `#token=…` from a location hash; the token never travels in a URL the server sees. */
export function tokenFromHash(hash: string): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{16,128})(?:&|$)/.exec(hash);
  return match ? match[1]! : null;
}
