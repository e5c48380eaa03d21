// The HTTP side of the API contract: POST /api/<method> with a JSON body answers with the method's
// Result as JSON, and POST /api/upload?name=… stores a dropped file. Checks run in this order: token,
// content type, size, JSON, request shape; only then does the service see the call.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../../shared/api.js';
import { validateRequest } from '../../../shared/apiValidate.js';
import type { CaseService } from '../service/caseService.js';
import { hasValidToken } from './httpSecurity.js';
import type { UploadFolder } from './uploads.js';

/** Big enough for the largest valid request (a long SQL text, a large allowlist, many paths). */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;

export interface ApiContext {
  service: CaseService;
  token: string;
  uploads: UploadFolder;
  headers: Record<string, string>;
}

function reply(
  res: ServerResponse,
  status: number,
  body: Result<unknown>,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function fail(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
): void {
  reply(res, status, { ok: false, error: { code, message } }, headers);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: ApiContext,
): Promise<void> {
  const h = ctx.headers;
  if (req.method !== 'POST') return fail(res, 405, 'METHOD_NOT_ALLOWED', 'API calls are POST requests', h);
  if (!hasValidToken(req.headers.authorization, ctx.token)) {
    return fail(
      res,
      401,
      'UNAUTHORIZED',
      'missing or wrong token: open the URL the serve command printed',
      h,
    );
  }
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const method = url.pathname.slice('/api/'.length);

  if (method === 'upload') {
    if (contentType !== 'application/octet-stream')
      return fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'upload bytes as application/octet-stream', h);
    const name = url.searchParams.get('name');
    if (!name || name.length > 1024)
      return fail(res, 400, 'BAD_REQUEST', 'upload needs ?name= (the file name)', h);
    try {
      return reply(res, 200, { ok: true, value: await ctx.uploads.receive(req, name) }, h);
    } catch (e) {
      return fail(res, 400, 'UPLOAD_FAILED', (e as Error).message, h);
    }
  }

  // JSON only: a cross-site form cannot send it, and a script would need a CORS preflight we never grant.
  if (contentType !== 'application/json')
    return fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send the request as application/json', h);
  const text = await readBody(req, MAX_JSON_BYTES);
  if (text === null) return fail(res, 413, 'TOO_LARGE', `request body over ${MAX_JSON_BYTES} bytes`, h);
  let request: unknown;
  try {
    request = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    return fail(res, 400, 'BAD_JSON', 'the request body is not valid JSON', h);
  }
  const valid = validateRequest(method, request);
  if (!valid.ok) return reply(res, valid.error.code === 'UNKNOWN_METHOD' ? 404 : 400, valid, h);
  reply(res, 200, await ctx.service.handle(valid.value), h);
}
