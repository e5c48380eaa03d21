// The pivot page's summaries, each a small table and shown only when the case has something for it:
// logons with their type and source, accounts created or enumerated, processes started, Entra sign-ins.
// Every user, host and IP in them is a pivot of its own.
import type { EntityPage } from '../../../../shared/api';
import { useApp } from '../../app/AppContext';
import { PivotLink } from '../../common/PivotLink';
import { formatCount, shortHost } from '../../format/formatNumbers';
import { formatTime } from '../../format/formatTime';
import { entraCodeName, logonTypeName } from '../../format/securityTerms';

const IPV4_OR_6 = /^[0-9a-f:.]+$/i;

function Span({ first, last }: { first: string; last: string }) {
  const { timeZone } = useApp();
  return (
    <span className="nowrap small">
      {formatTime(first, timeZone)}
      {last !== first && (
        <>
          <br />→ {formatTime(last, timeZone)}
        </>
      )}
    </span>
  );
}

function Host({ host }: { host: string | null }) {
  return host ? (
    <PivotLink kind="host" value={host}>
      {shortHost(host)}
    </PivotLink>
  ) : (
    <>—</>
  );
}

function Logons({ page }: { page: EntityPage }) {
  if (page.logons.length === 0) return null;
  return (
    <section className="panel" data-testid="entity-logons">
      <h2>Logons</h2>
      <table className="grid compact">
        <thead>
          <tr>
            {page.kind !== 'host' && <th>Host</th>}
            {page.kind !== 'user' && <th>Account</th>}
            <th>Type</th>
            <th>From</th>
            <th className="num">Logons</th>
            <th className="num">Failed</th>
            <th>When</th>
          </tr>
        </thead>
        <tbody>
          {page.logons.map((l, i) => (
            <tr key={i} data-testid="entity-logon">
              {page.kind !== 'host' && (
                <td>
                  <Host host={l.host} />
                </td>
              )}
              {page.kind !== 'user' && <td>{l.user ? <PivotLink kind="user" value={l.user} /> : '—'}</td>}
              <td>{l.logonType == null ? '—' : logonTypeName(l.logonType)}</td>
              <td>
                {l.source ? (
                  <PivotLink kind={IPV4_OR_6.test(l.source) ? 'ip' : 'host'} value={l.source} />
                ) : (
                  '—'
                )}
              </td>
              <td className="num">{formatCount(l.count)}</td>
              <td className={l.failures > 0 ? 'num error-text' : 'num'}>{formatCount(l.failures)}</td>
              <td>
                <Span first={l.first} last={l.last} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Accounts({ page }: { page: EntityPage }) {
  const { timeZone } = useApp();
  if (page.accounts.length === 0) return null;
  return (
    <section className="panel" data-testid="entity-accounts">
      <h2>Accounts {page.kind === 'user' ? 'it created or enumerated' : 'created or enumerated here'}</h2>
      <table className="grid compact">
        <thead>
          <tr>
            <th>What</th>
            <th>Account</th>
            {page.kind !== 'user' && <th>By</th>}
            <th>Host</th>
            <th>When</th>
          </tr>
        </thead>
        <tbody>
          {page.accounts.map((a, i) => (
            <tr key={i} data-testid="entity-account" data-action={a.action}>
              <td>
                <span className={`kind kind-${a.action}`}>{a.action}</span>
                {a.count > 1 && <span className="muted small"> ×{a.count}</span>}
              </td>
              <td>
                <PivotLink kind="user" value={a.account} />
              </td>
              {page.kind !== 'user' && <td>{a.by ? <PivotLink kind="user" value={a.by} /> : '—'}</td>}
              <td>
                <Host host={a.host} />
              </td>
              <td className="nowrap small">{formatTime(a.time, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Processes({ page }: { page: EntityPage }) {
  if (page.processes.length === 0) return null;
  return (
    <section className="panel" data-testid="entity-processes">
      <h2>Processes started</h2>
      <table className="grid compact">
        <thead>
          <tr>
            <th>Image</th>
            {page.kind !== 'host' && <th>Host</th>}
            <th className="num">Starts</th>
            <th>When</th>
          </tr>
        </thead>
        <tbody>
          {page.processes.map((p, i) => (
            <tr key={i} data-testid="entity-process">
              <td className="mono">{p.image}</td>
              {page.kind !== 'host' && (
                <td>
                  <Host host={p.host} />
                </td>
              )}
              <td className="num">{formatCount(p.count)}</td>
              <td>
                <Span first={p.first} last={p.last} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Each start is on the timeline below; its “Tree” button opens it with its parents, children and
        siblings.
      </p>
    </section>
  );
}

function Signins({ page }: { page: EntityPage }) {
  if (page.signins.length === 0) return null;
  return (
    <section className="panel" data-testid="entity-signins">
      <h2>Entra ID sign-ins</h2>
      <table className="grid compact">
        <thead>
          <tr>
            {page.kind !== 'user' && <th>User</th>}
            {page.kind !== 'ip' && <th>From</th>}
            <th className="num">Succeeded</th>
            <th className="num">Failed</th>
            <th>Failure codes</th>
            <th>When</th>
          </tr>
        </thead>
        <tbody>
          {page.signins.map((s, i) => (
            <tr key={i} data-testid="entity-signin">
              {page.kind !== 'user' && (
                <td>
                  <PivotLink kind="user" value={s.user} />
                </td>
              )}
              {page.kind !== 'ip' && <td>{s.ip ? <PivotLink kind="ip" value={s.ip} /> : '—'}</td>}
              <td className="num">{formatCount(s.successes)}</td>
              <td className={s.failures > 0 ? 'num error-text' : 'num'}>{formatCount(s.failures)}</td>
              <td className="small">
                {s.codes.map((c) => (
                  <span key={c} className="nowrap" title={entraCodeName(c)}>
                    <span className="mono">{c}</span> {entraCodeName(c)}
                    <br />
                  </span>
                ))}
              </td>
              <td>
                <Span first={s.first} last={s.last} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function EntitySummary({ page }: { page: EntityPage }) {
  return (
    <>
      <Logons page={page} />
      <div className="entity-summary">
        <Accounts page={page} />
        <Processes page={page} />
        <Signins page={page} />
      </div>
    </>
  );
}
