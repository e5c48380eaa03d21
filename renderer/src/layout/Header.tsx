// The case at a glance: which file is open (its full path, shortened in the middle when long, whole on
// hover), what is in it, and the case-level actions (report, new, save, open).
import { useState } from 'react';
import { useApp } from '../app/AppContext';
import { formatCount, splitPath } from '../format/formatNumbers';
import { formatTime } from '../format/formatTime';
import { ReportExportMenu } from './ReportExportMenu';
import { CaseFileDialog, type CaseFileMode } from './CaseFileDialog';
import { useOpenTaskDialog } from './caseTasks/CaseTaskDialogs';
import './Header.css';

export function Header() {
  const { caseInfo, timeZone } = useApp();
  const [dialog, setDialog] = useState<CaseFileMode | null>(null);
  const openTaskDialog = useOpenTaskDialog();
  const counts = caseInfo?.counts;
  const where = caseInfo ? splitPath(caseInfo.path) : null;

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
          {where ? (
            <>
              <span className="case-folder-head">{where.head}</span>
              {/* Right to left, so its ellipsis is at its start: the cut falls in the middle of the
                  folder. The marks keep the slashes at its ends where they are. */}
              <span className="case-folder-tail" data-testid="case-folder-tail">
                {`\u200e${where.tail}\u200e`}
              </span>
              <span className="case-file">{where.name}</span>
            </>
          ) : (
            'No case'
          )}
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
        <div className="case-actions" role="group" aria-label="Case file">
          <span className="case-actions-label">Case</span>
          <button
            type="button"
            className="btn small"
            onClick={() => setDialog('new')}
            title="Start a new, empty case in a file you name"
            aria-label="New case…"
            data-testid="new-case"
          >
            New…
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => setDialog('save')}
            title="Save a copy of this case and continue in the copy"
            aria-label="Save case as…"
            data-testid="save-case"
          >
            Save as…
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => setDialog('open')}
            title="Open another case file"
            aria-label="Open case…"
            data-testid="open-case"
          >
            Open…
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => openTaskDialog({ kind: 'merge' })}
            title="Merge this case with cases built elsewhere into a new case, and run the analytics across every host"
            aria-label="Merge cases…"
            data-testid="merge-cases"
          >
            Merge…
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => openTaskDialog({ kind: 'export' })}
            title="Export the case as Parquet (a data lake) or as a Timesketch timeline"
            aria-label="Export case…"
            data-testid="export-case"
          >
            Export…
          </button>
        </div>
      </div>
      {dialog && <CaseFileDialog mode={dialog} onClose={() => setDialog(null)} />}
    </header>
  );
}
