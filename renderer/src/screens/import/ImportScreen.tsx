// Import: add files or folders to the case, watch them load, read what each file contributed, then analyze.
import { useApp } from '../../app/AppContext';
import { useCaseJobs } from '../../app/CaseJobs';
import { ErrorNote } from '../../common/ErrorNote';
import { ImportPathForm } from './ImportPathForm';
import { ImportDropZone } from './ImportDropZone';
import { ImportProgressList } from './ImportProgressList';
import { ImportSummaryTable } from './ImportSummaryTable';
import { AnalyzePanel } from './AnalyzePanel';
import { CaseSourcesTable } from './CaseSourcesTable';
import './import.css';

export function ImportScreen() {
  const { caseInfo } = useApp();
  const { importStatus, importError } = useCaseJobs();
  const finishedFiles = importStatus?.state !== 'running' ? (importStatus?.files ?? []) : [];

  return (
    <div className="screen-import">
      <div className="screen-title">
        <h1>Import</h1>
        <p className="muted">
          Windows event logs as they are (.evtx, a whole triage collection at once) or exported as XML
          (wevtutil, Event Viewer, PowerShell, evtx_dump), and Entra ID JSON (Graph, Log Analytics, diagnostic
          settings). Formats are recognised by content; source files are only read.
        </p>
      </div>
      <div className="import-inputs">
        <ImportDropZone />
        <ImportPathForm />
      </div>
      {importError && <ErrorNote message={importError} testId="import-error" />}
      {importStatus && <ImportProgressList status={importStatus} />}
      {finishedFiles.length > 0 && <ImportSummaryTable files={finishedFiles} />}
      {caseInfo && caseInfo.sources.length > 0 && <AnalyzePanel />}
      {caseInfo && <CaseSourcesTable sources={caseInfo.sources} />}
    </div>
  );
}
