// The raw record behind any row, as it was in the source file (or laid out for reading, on request). Evidence
// can be hostile (an attacker chooses command lines and user names), so it is only ever rendered as text
// inside <pre>. A process start also opens as its process tree.
import { useState } from 'react';
import { useApp, type RawEventRef } from '../app/AppContext';
import { useApiQuery } from '../app/useApiQuery';
import { Modal } from './Modal';
import { ErrorNote } from './ErrorNote';
import { EventTriageBar } from './EventTriageBar';
import { indentXml } from './indentXml';
import './RawEventViewer.css';

function indented(format: 'xml' | 'json', text: string): string {
  if (format === 'xml') return indentXml(text);
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function RawEventViewer({ eventRef, onClose }: { eventRef: RawEventRef; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const [asStored, setAsStored] = useState(false);
  const { navigate } = useApp();
  const key = `${eventRef.table}:${eventRef.source}:${eventRef.recordNo}`;
  const raw = useApiQuery(key, (client) => client.rawEvent(eventRef));

  const copy = () => {
    if (!raw.data) return;
    navigator.clipboard
      .writeText(raw.data.text)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };

  return (
    <Modal title="Raw event" onClose={onClose} wide testId="raw-viewer">
      {raw.loading && <p className="muted">Loading the record…</p>}
      {raw.error && (
        <ErrorNote message={raw.error}>
          The source file may have been removed from the case. Record {eventRef.recordNo} of {eventRef.table}.
        </ErrorNote>
      )}
      {raw.data && (
        <>
          <dl className="raw-meta">
            <dt>File</dt>
            <dd title={raw.data.sourcePath}>{raw.data.sourcePath}</dd>
            <dt>SHA-256</dt>
            <dd className="mono">{raw.data.source}</dd>
            <dt>Record</dt>
            <dd>
              #{raw.data.recordNo} in {raw.data.table} ({raw.data.format.toUpperCase()})
            </dd>
            {raw.data.origin && (
              <>
                <dt>Shown</dt>
                <dd data-testid="raw-origin">{raw.data.origin}</dd>
              </>
            )}
          </dl>
          <EventTriageBar eventRef={eventRef} />
          <div className="raw-actions">
            {raw.data.processStart && (
              <button
                type="button"
                className="btn"
                title="This process with its parents, and its children and siblings in its logon session"
                onClick={() => {
                  onClose();
                  navigate('process', {
                    process: { source: eventRef.source, recordNo: eventRef.recordNo },
                  });
                }}
                data-testid="raw-open-tree"
              >
                Process tree
              </button>
            )}
            <button type="button" className="btn" onClick={copy}>
              {copied ? 'Copied' : raw.data.origin ? 'Copy' : 'Copy as stored'}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => setAsStored(!asStored)}
              aria-pressed={asStored}
              data-testid="raw-as-stored"
            >
              {asStored ? 'Indent for reading' : raw.data.origin ? 'Show as rendered' : 'Show as stored'}
            </button>
            <span className="muted small">
              {asStored
                ? raw.data.origin
                  ? 'Exactly as rendered.'
                  : 'Exactly as stored in the case.'
                : 'Indented for reading; values unchanged.'}
            </span>
          </div>
          <pre className="raw-text" data-testid="raw-text">
            {asStored ? raw.data.text : indented(raw.data.format, raw.data.text)}
          </pre>
        </>
      )}
    </Modal>
  );
}
