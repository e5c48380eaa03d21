// The raw record behind any row, exactly as it was in the source file. Evidence can be hostile (an attacker
// chooses command lines and user names), so it is only ever rendered as text inside <pre>.
import { useState } from 'react';
import type { RawEventRef } from '../app/AppContext';
import { useApiQuery } from '../app/useApiQuery';
import { Modal } from './Modal';
import { ErrorNote } from './ErrorNote';

/** JSON is re-indented for reading; XML is shown byte-for-byte as stored. */
function readableText(format: 'xml' | 'json', text: string): string {
  if (format !== 'json') return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function RawEventViewer({ eventRef, onClose }: { eventRef: RawEventRef; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
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
          </dl>
          <div className="raw-actions">
            <button type="button" className="btn" onClick={copy}>
              {copied ? 'Copied' : 'Copy text'}
            </button>
          </div>
          <pre className="raw-text" data-testid="raw-text">
            {readableText(raw.data.format, raw.data.text)}
          </pre>
        </>
      )}
    </Modal>
  );
}
