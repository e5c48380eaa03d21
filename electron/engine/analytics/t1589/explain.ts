// How a username-enumeration finding reads: which source tried how many distinct usernames, against what,
// in how long, and how many of the answers said the user does not exist.
import type { Finding } from '../../../../shared/report.js';
import { listText, plural } from '../common/explainWords.js';
import type { ProbeDetails } from './details.js';

/** A 4625 with no source address: the caller on the host, by workstation name and process. */
export function localCallerText(d: ProbeDetails): string {
  const process = d.callingProcess ? (d.callingProcess.split(/[\\/]/).pop() ?? d.callingProcess) : null;
  const parts = [
    d.sourceWorkstation ? `workstation ${d.sourceWorkstation}` : null,
    process ? `process ${process}` : null,
  ].filter((x): x is string => x !== null);
  return parts.length ? `a local caller (${parts.join(', ')})` : 'a local caller with no source address';
}

export function probingTitle(f: Finding): string {
  const details = (f.details ?? {}) as ProbeDetails;
  switch (details.source) {
    case 'entra-sspr':
      return `Self-service password reset probing from ${details.sourceIp}`;
    case 'windows-workstation':
      return `Username enumeration from workstation ${details.sourceWorkstation}`;
    case 'windows-local':
      return `Username enumeration on ${f.hosts[0] ?? 'a host'} from ${localCallerText(details)}`;
    default:
      return `Username enumeration from ${details.sourceIp}`;
  }
}

export function explainProbing(f: Finding): string {
  const details = (f.details ?? {}) as ProbeDetails;
  const distinct = Number(details.distinctUsers ?? 0);
  const failures = Number(details.totalFailures ?? 0);
  const minutes = Number(details.durationMinutes ?? 0);
  const shown = details.usersShown ?? [];
  const source =
    details.source === 'windows-local'
      ? localCallerText(details).replace(/^a/, 'A')
      : (details.sourceIp ?? `workstation ${details.sourceWorkstation}`);
  const span = minutes === 0 ? 'within a minute' : `in ${plural(minutes, 'minute')}`;
  const codes = (details.errorCodes ?? []).join(', ');
  const names = `Usernames: ${listText(shown, shown.length)}${distinct > shown.length ? ` … and ${distinct - shown.length} more` : ''}.`;
  if (details.source === 'entra-sspr') {
    return `${source} went through self-service password reset for ${plural(distinct, 'distinct account')} ${span} (${plural(failures, 'audit event')} failed, blocked or verifying). ${names}`;
  }
  const where =
    details.source === 'entra-signin' ? 'Entra ID sign-ins' : `Windows logons on ${listText(f.hosts)}`;
  const notFound = Number(details.notFoundCount ?? 0);
  const locked = Number(details.lockedDisabledCount ?? 0);
  const extra = [
    notFound > 0 ? `${notFound} said the user does not exist` : null,
    locked > 0 ? `${locked} said the account is locked or disabled` : null,
  ].filter((x): x is string => x !== null);
  const app = details.app ? ` against ${details.app}` : '';
  const windowTier = `${String(f.params['t1589_min_distinct_users'] ?? 15)} in ${String(f.params['t1589_window_minutes'] ?? 60)} minutes`;
  const burst =
    details.tier === 'burst'
      ? ` Low, as a short burst: ${plural(distinct, 'distinct username')} within ${plural(Number(details.windowMinutes ?? 0), 'minute')}, below the ${windowTier} of the seeds' tiers.`
      : '';
  return (
    `${source} failed ${where}${app} for ${plural(distinct, 'distinct username')} ${span}: ${plural(failures, 'failure')}` +
    `${extra.length ? `, of which ${listText(extra)}` : ''} (codes ${codes}). ${names}${burst}`
  );
}
