// Where the actor came from: the logon session behind the process chain, with its logon type in words.
import type { AccountStory } from '../../../../shared/api';
import { logonTypeName } from '../../format/securityTerms';

export function SessionCard({ session }: { session: AccountStory['session'] }) {
  if (!session || Object.values(session).every((v) => v == null || v === '')) {
    return (
      <p className="muted" data-testid="session-card">
        No logon session found. The creator's 4624 logon (with its logon id) is not in the imported logs;
        import the Security log covering the time before the account appeared.
      </p>
    );
  }
  return (
    <dl className="facts" data-testid="session-card">
      <dt>Logon type</dt>
      <dd data-testid="session-logon-type">{logonTypeName(session.logonType)}</dd>
      <dt>Source IP</dt>
      <dd className="mono" data-testid="session-source-ip">
        {session.sourceIp || '—'}
      </dd>
      <dt>Workstation</dt>
      <dd>{session.workstation || '—'}</dd>
      <dt>User</dt>
      <dd>{session.user || '—'}</dd>
      <dt>Logon id</dt>
      <dd className="mono">{session.logonId || '—'}</dd>
    </dl>
  );
}
