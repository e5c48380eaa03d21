// Start a new, empty case, save the case under a new name, or open another case file. Paths are typed because the page cannot show
// a native file dialog in browser mode; the path is on the machine running the engine.
import { useState } from 'react';
import { ApiError } from '../../../shared/api';
import { useApp } from '../app/AppContext';
import { errorText } from '../format/errorText';
import { Modal } from '../common/Modal';
import { ErrorNote } from '../common/ErrorNote';
import './CaseFileDialog.css';

export type CaseFileMode = 'new' | 'save' | 'open';

const TEXT: Record<
  CaseFileMode,
  { title: string; label: string; placeholder?: string; about: string; submit: string }
> = {
  new: {
    title: 'New case',
    label: 'New case file path (.duckdb)',
    placeholder: '/cases/client-2026-03.duckdb',
    about:
      'Creates an empty case at this path on the machine running the engine and switches to it; import evidence into it next. The current case stays as it is in its own file.',
    submit: 'Create',
  },
  save: {
    title: 'Save case as',
    label: 'New case file path (.duckdb)',
    placeholder: '/cases/client-2026-03.duckdb',
    about:
      'Writes a copy of the whole case (events, findings, settings) to this path on the machine running the engine, and continues in the copy.',
    submit: 'Save',
  },
  open: {
    title: 'Open case',
    label: 'Case file path (.duckdb)',
    about: 'Closes the current case and opens this one. Unsaved work is already in the current case file.',
    submit: 'Open',
  },
};

export function CaseFileDialog({ mode, onClose }: { mode: CaseFileMode; onClose: () => void }) {
  const { api, caseInfo, dataChanged, navigate } = useApp();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  /** A case already at that path: the engine replaces it only when the user says so. */
  const [replacing, setReplacing] = useState<string>();

  const submit = async (replace = false) => {
    if (!path.trim()) return;
    setBusy(true);
    setError(undefined);
    setReplacing(undefined);
    try {
      if (mode === 'save') {
        const saved = await api.saveCaseAs({ path: path.trim(), ...(replace ? { replace: true } : {}) });
        // Like any Save As, the work goes on in the copy: the header follows it, and the dialog says so.
        setDone(`Case saved to ${saved.path}; you are now working in this copy.`);
        dataChanged();
      } else if (mode === 'new') {
        await api.newCase({ path: path.trim(), ...(replace ? { replace: true } : {}) });
        dataChanged();
        navigate('import');
        onClose();
      } else {
        await api.openCase({ path: path.trim() });
        dataChanged();
        navigate('findings');
        onClose();
      }
    } catch (e) {
      if (mode !== 'open' && !replace && e instanceof ApiError && e.code === 'EXISTS')
        setReplacing(path.trim());
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const text = TEXT[mode];
  return (
    <Modal title={text.title} onClose={onClose} testId={`case-dialog-${mode}`}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>{text.label}</span>
          <input
            type="text"
            value={path}
            autoFocus
            placeholder={text.placeholder ?? caseInfo?.path}
            onChange={(e) => setPath(e.target.value)}
            data-testid="case-path"
          />
        </label>
        <p className="muted">{text.about}</p>
        {error && <ErrorNote message={error} />}
        {replacing && (
          <div className="note" role="alertdialog" data-testid="case-replace-confirm">
            <p>
              An AccountScope case already exists at <span className="mono">{replacing}</span>. Replace it
              with {mode === 'new' ? 'an empty case' : 'a copy of this case'}? Its events, findings and
              settings will be lost.
            </p>
            <div className="row">
              <button
                type="button"
                className="btn danger"
                onClick={() => void submit(true)}
                data-testid="case-replace"
              >
                Replace it
              </button>
              <button type="button" className="btn" onClick={() => setReplacing(undefined)}>
                Keep it
              </button>
            </div>
          </div>
        )}
        {done && (
          <p className="ok" role="status" data-testid="case-dialog-done">
            {done}
          </p>
        )}
        <div className="row">
          <button
            type="submit"
            className="btn primary"
            disabled={busy || !path.trim()}
            data-testid="case-submit"
          >
            {busy ? 'Working…' : text.submit}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
