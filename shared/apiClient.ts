// The renderer's ApiClient over any transport. A transport only carries a method's request out and its
// Result back (Electron IPC through the preload, HTTP in browser mode); turning that Result into a value
// or an ApiError happens here, once, so a failure reaches the screens in the same shape whichever way it
// travelled: an ApiError with the engine's code and message.
import { API_METHODS, ApiError, type ApiClient, type ApiMethod, type Result } from './api.js';

/** Sends one call and resolves with whatever came back; `unwrapReply` judges it. */
export type CarryCall = (method: ApiMethod, request: unknown) => Promise<unknown>;

/** A well-formed Result: `ok` true with a value, or false with a string code and message. */
export function isResult(v: unknown): v is Result<unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { ok?: unknown; error?: { code?: unknown; message?: unknown } | null };
  if (r.ok === true) return 'value' in r;
  return (
    r.ok === false &&
    typeof r.error === 'object' &&
    r.error !== null &&
    typeof r.error.code === 'string' &&
    typeof r.error.message === 'string'
  );
}

/**
 * A Result's value, or its failure thrown as an ApiError. `carrier` names who answered ("the engine", "the
 * server answered 502") for the message when the reply is no Result at all.
 */
export function unwrapReply(reply: unknown, carrier: string): unknown {
  if (!isResult(reply)) throw new ApiError('BAD_RESPONSE', `${carrier} sent no result`);
  if (reply.ok) return reply.value;
  throw new ApiError(reply.error.code, reply.error.message);
}

/** A transport that failed to carry a call at all (the server is gone, the IPC channel closed). */
export function transportFailure(e: unknown, carrier: string): ApiError {
  if (e instanceof ApiError) return e;
  const why = e instanceof Error ? e.message : String(e);
  return new ApiError('UNREACHABLE', `could not reach ${carrier}: ${why}`);
}

/** An ApiClient whose every method carries its call and unwraps the reply. */
export function createApiClient(carry: CarryCall, carrier = 'the engine'): ApiClient {
  const client: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    client[method] = async (request: unknown) => {
      let reply: unknown;
      try {
        reply = await carry(method, request ?? {});
      } catch (e) {
        throw transportFailure(e, carrier);
      }
      return unwrapReply(reply, carrier);
    };
  }
  return client as ApiClient;
}
