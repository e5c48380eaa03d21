// Every username one source tried, with its codes; a later successful sign-in is highlighted and worded.
import type { SigninSourceDetail } from '../../../../shared/api';
import { entraCodeName, entraCodeShort } from '../../format/securityTerms';
import { formatCount } from '../../format/formatNumbers';
import { BreakableText } from '../../common/BreakableText';
import { PivotLink } from '../../common/PivotLink';
import './signins.css';

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
            <th>Last result</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((u) => (
            <tr
              key={u.user}
              className={u.succeededLater ? 'highlight' : undefined}
              data-testid="signin-user-row"
            >
              <td>
                <PivotLink kind="user" value={u.user}>
                  <BreakableText text={u.user} />
                </PivotLink>
                {/* The one that matters most: a guessed account that then worked. */}
                {u.succeededLater && (
                  <div>
                    <span className="chip chip-alert" data-testid="succeeded-later">
                      signed in successfully later
                    </span>
                  </div>
                )}
              </td>
              <td className="num">{formatCount(u.attempts)}</td>
              <td className="small nowrap" title={u.codes.map((c) => `${c} ${entraCodeName(c)}`).join('\n')}>
                {u.lastCode != null ? (
                  <>
                    <span className="mono">{u.lastCode}</span> {entraCodeShort(u.lastCode)}
                  </>
                ) : (
                  '—'
                )}
                {u.codes.length > 1 && <div className="muted">+{u.codes.length - 1} other codes</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
