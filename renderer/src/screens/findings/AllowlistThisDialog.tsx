// "Allowlist this": pick what the finding names (an account, a tool, a source address, a host), give the
// reason, and the engine adds them to the case's allowlists and re-runs the analytics. The dialog then says
// what became of the finding: lowered, and why, or not lowered.
import { useMemo, useState } from 'react';
import type { AllowlistPick, ApiResponse } from '../../../../shared/api';
import type { Finding, Severity } from '../../../../shared/report';
import { useAnalytics, useApp } from '../../app/AppContext';
import { ErrorNote } from '../../common/ErrorNote';
import { Modal } from '../../common/Modal';
import { errorText } from '../../format/errorText';
import { allowlistCandidates, type AllowlistCandidate } from './allowlistCandidates';
import './findings.css';

const KIND_TITLES: Record<AllowlistPick['kind'], string> = {
  accounts: 'Account',
  tools: 'Tool',
  sourceIps: 'Source IP',
  hosts: 'Host',
};

const keyOf = (c: AllowlistPick) => `${c.kind}:${c.value}`;

function Outcome({ before, result }: { before: Severity; result: ApiResponse<'allowlistFromFinding'> }) {
  const f = result.finding;
  if (!f) return <p>The analytics re-ran ({result.findings} findings); this finding no longer fires.</p>;
  if (f.allowlisted)
    return (
      <p>
        Lowered from <strong>{before}</strong> to <strong>{f.severity}</strong>: allowlisted (
        {f.allowlisted.kind} “{f.allowlisted.value}”) — {f.allowlisted.reason}
      </p>
    );
  return (
    <p className="warn-text">
      Added to the allowlists and re-ran the analytics, but this finding was not lowered: its analytic needs
      another match (an account lowers creation and enumeration findings only together with the tool that did
      it; the host alone always does).
    </p>
  );
}

export function AllowlistThisDialog({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const { api, dataChanged } = useApp();
  const analytics = useAnalytics().list;
  const candidates = useMemo(
    () =>
      allowlistCandidates(
        finding,
        analytics.find((a) => a.id === finding.analytic),
      ),
    [finding, analytics],
  );
  // The finding is read again once the analytics re-run: the severity it had when the dialog opened is kept.
  const [before] = useState(finding.severity);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<ApiResponse<'allowlistFromFinding'>>();

  const toggle = (c: AllowlistCandidate) => {
    const next = new Set(picked);
    if (next.has(keyOf(c))) next.delete(keyOf(c));
    else next.add(keyOf(c));
    setPicked(next);
  };

  const submit = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const entries = candidates
        .filter((c) => picked.has(keyOf(c)))
        .map(({ kind, value }) => ({ kind, value }));
      setResult(await api.allowlistFromFinding({ id: finding.id, entries, reason: reason.trim() }));
      dataChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  const kinds = (Object.keys(KIND_TITLES) as Array<AllowlistPick['kind']>).filter((k) =>
    candidates.some((c) => c.kind === k),
  );
  return (
    <Modal title="Allowlist this" onClose={onClose} testId="allowlist-dialog">
      <p className="muted">
        Adds what you pick to the case’s allowlists with your reason (shown on every finding it lowers), then
        re-runs the analytics. A match lowers a finding and says why; it never hides it.
      </p>
      {candidates.length === 0 && <p>This finding names no account, tool, address or host to allowlist.</p>}
      <div className="allowlist-picks">
        {kinds.map((kind) => (
          <fieldset key={kind} className="field">
            <legend>{KIND_TITLES[kind]}</legend>
            {candidates
              .filter((c) => c.kind === kind)
              .map((c) => (
                <label key={keyOf(c)} className="check">
                  <input
                    type="checkbox"
                    checked={picked.has(keyOf(c))}
                    disabled={running || result !== undefined}
                    onChange={() => toggle(c)}
                    data-testid="allowlist-candidate"
                    data-kind={c.kind}
                    data-value={c.value}
                  />
                  <span>
                    <span className="mono">{c.value}</span> <span className="muted small">{c.from}</span>
                  </span>
                </label>
              ))}
          </fieldset>
        ))}
      </div>
      <label className="field">
        <span>Reason</span>
        <textarea
          className="triage-note"
          value={reason}
          disabled={running || result !== undefined}
          placeholder="Why it is trusted: the change ticket, the engagement, who confirmed it"
          onChange={(e) => setReason(e.target.value)}
          data-testid="allowlist-reason"
        />
      </label>
      {error && <ErrorNote message={`Not allowlisted: ${error}`} />}
      {result && (
        <div className="note" role="status" data-testid="allowlist-result">
          <Outcome before={before} result={result} />
        </div>
      )}
      <div className="row modal-actions">
        {result ? (
          <button type="button" className="btn primary" onClick={onClose} data-testid="allowlist-done">
            Done
          </button>
        ) : (
          <>
            <button
              type="button"
              className="btn primary"
              disabled={running || picked.size === 0 || reason.trim() === ''}
              onClick={() => void submit()}
              data-testid="allowlist-submit"
            >
              {running ? 'Re-running the analytics…' : 'Add to allowlist and re-run'}
            </button>
            <button type="button" className="btn" onClick={onClose} disabled={running}>
              Cancel
            </button>
          </>
        )}
      </div>
    </Modal>
  );
}
