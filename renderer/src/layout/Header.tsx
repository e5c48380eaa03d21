// The case at a glance: which file is open, what is in it, and the case-level actions (report, save, open).
import { useState } from 'react';
import { useApp } from '../app/AppContext';
import { baseName, formatCount } from '../format/formatNumbers';
import { formatTime } from '../format/formatTime';
import { ReportExportMenu } from './ReportExportMenu';
import { CaseFileDialog, type CaseFileMode } from './CaseFileDialog';
import './Header.css';

export function Header() {
  const { caseInfo, timeZone } = useApp();
  const [dialog, setDialog] = useState<CaseFileMode | null>(null);
  const counts = caseInfo?.counts;

  return (
    <header className="app-header" data-testid="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◉
        </span>
        AccountScope
      </div>
      <div className="case-block">
        <div className="case-name" title={caseInfo?.path} data-testid="case-name">
          {caseInfo ? baseName(caseInfo.path) : 'No case'}
        </div>
        <div className="case-range" data-testid="case-range">
          {caseInfo?.first
            ? `${formatTime(caseInfo.first, timeZone)} → ${formatTime(caseInfo.last, timeZone)}`
            : 'no events yet'}
        </div>
      </div>
      {counts && (
        <dl className="case-counts" data-testid="case-counts">
          <div>
            <dt>Win events</dt>
            <dd data-testid="count-winEvents">{formatCount(counts.winEvents)}</dd>
          </div>
          <div>
            <dt>Sign-ins</dt>
            <dd data-testid="count-signins">{formatCount(counts.signins)}</dd>
          </div>
          <div>
            <dt>Audits</dt>
            <dd data-testid="count-audits">{formatCount(counts.audits)}</dd>
          </div>
          <div>
            <dt>Hosts</dt>
            <dd>{formatCount(caseInfo.hosts.length)}</dd>
          </div>
          <div>
            <dt>Findings</dt>
            <dd data-testid="count-findings">{formatCount(counts.findings)}</dd>
          </div>
        </dl>
      )}
      <div className="header-actions">
        <ReportExportMenu />
        <button type="button" className="btn small" onClick={() => setDialog('save')} data-testid="save-case">
          Save case as…
        </button>
        <button type="button" className="btn small" onClick={() => setDialog('open')} data-testid="open-case">
          Open case…
        </button>
      </div>
      {dialog && <CaseFileDialog mode={dialog} onClose={() => setDialog(null)} />}
    </header>
  );
}
