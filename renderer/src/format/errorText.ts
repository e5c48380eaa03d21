// A failure in words for the screen: every API failure is an ApiError (shared/apiClient.ts), shown as
// "message (CODE)" so a responder can quote the code; anything else thrown shows its message.
import { ApiError } from '../../../shared/api';

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.code.length > 0 ? `${e.message} (${e.code})` : e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
