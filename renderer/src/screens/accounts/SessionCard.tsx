// Where the actor came from: the logon session behind the process chain, with its logon type in words.
import type { AccountStory } from '../../../../shared/api';
import type { ReactNode } from 'react';
import { PivotLink } from '../../common/PivotLink';
import { logonTypeName } from '../../format/securityTerms';
import './accounts.css';

export function SessionCard({ session }: { session: AccountStory['session'] }) {
  if (!session || Object.values(session).every((v) => v == null || v === '')) {
    return (
      <p className="muted" data-testid="session-card">
        No logon session found. The creator's 4624 logon (with its logon id) is not in the imported logs;
        import the Security log covering the time before the account appeared.
      </p>
    );
  }
  const facts: Array<[string, ReactNode, string?]> = [
    ['Logon type', logonTypeName(session.logonType), 'session-logon-type'],
    [
      'Source IP',
      session.sourceIp ? <PivotLink kind="ip" value={session.sourceIp} /> : '—',
      'session-source-ip',
    ],
    ['Workstation', session.workstation ? <PivotLink kind="host" value={session.workstation} /> : '—'],
    ['User', session.user ? <PivotLink kind="user" value={session.user} /> : '—'],
    ['Logon id', session.logonId || '—'],
  ];
  return (
    <dl className="session-strip" data-testid="session-card">
      {facts.map(([label, value, testId]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
