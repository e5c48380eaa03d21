// Every username one source tried, with its codes; a later successful sign-in is highlighted and worded.
import type { SigninSourceDetail } from '../../../../shared/api';
import { entraCodeName } from '../../format/securityTerms';
import { formatCount } from '../../format/formatNumbers';

export function SigninUserTable({ users }: { users: SigninSourceDetail['users'] }) {
  if (users.length === 0) return <p className="muted">No usernames recorded.</p>;
  const ordered = [...users].sort(
    (a, b) => Number(b.succeededLater) - Number(a.succeededLater) || b.attempts - a.attempts,
  );
  return (
    <div className="table-scroll user-table">
      <table className="grid compact" data-testid="signin-users">
        <thead>
          <tr>
            <th>Username</th>
            <th className="num">Attempts</th>
            <th>Codes</th>
            <th>Last result</th>
            <th title="Signed in successfully after the failures">Later</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((u) => (
            <tr
              key={u.user}
              className={u.succeededLater ? 'highlight' : undefined}
              data-testid="signin-user-row"
            >
              <td className="wrap">{u.user}</td>
              <td className="num">{formatCount(u.attempts)}</td>
              <td className="mono small" title={u.codes.map((c) => `${c} ${entraCodeName(c)}`).join('\n')}>
                {u.codes.join(', ')}
              </td>
              <td className="small">{u.lastCode != null ? entraCodeName(u.lastCode) : '—'}</td>
              <td>
                {u.succeededLater ? (
                  <span className="chip chip-alert" data-testid="succeeded-later">
                    ✓ signed in later
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
