// How the engine service reports failure. Inside the engine an error is thrown as a ServiceError with a
// stable code the UI can act on; at the service boundary every error, expected or not, becomes a
// `{ ok: false, error }` value, so nothing is ever thrown across IPC or HTTP.
import type { Result } from '../../../shared/api.js';

export type ServiceErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  /** The file is there already: the caller must confirm replacing it (saveCaseAs's `replace`). */
  | 'EXISTS'
  | 'BUSY'
  | 'SQL_REFUSED'
  | 'SQL_ERROR'
  | 'SQL_TIMEOUT'
  | 'CASE_ERROR'
  | 'NOT_AVAILABLE'
  | 'INTERNAL';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError('NOT_FOUND', `${what} was not found in this case`);
}

export function failure(
  code: string,
  message: string,
): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code, message } };
}

/** Runs one API call and turns its outcome into a Result value. */
export async function asResult<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    if (e instanceof ServiceError) return failure(e.code, e.message);
    // An unexpected error still crosses as a value; its message helps, its stack stays in the engine.
    const message = e instanceof Error ? e.message : String(e);
    return failure('INTERNAL', message.slice(0, 2_000));
  }
}
