// Who a review records as setting a status: the account the engine runs as. The app is used by one
// responder at a time on their own machine, so that account is the responder; when the system cannot
// name it (a container without a user entry), the status is recorded without a name.
import { userInfo } from 'node:os';

export function currentResponder(): string | null {
  try {
    const name = userInfo().username.trim();
    return name || null;
  } catch {
    return null;
  }
}
