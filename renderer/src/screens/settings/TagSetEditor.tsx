// The case's tag set: the words the triage pickers offer on findings and events. Saved on its own (it
// changes no finding, so nothing re-runs); a tag taken out of the set stays on what already carries it.
import { useEffect, useState } from 'react';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { ErrorNote } from '../../common/ErrorNote';
import { errorText } from '../../format/errorText';
import './settings.css';

export function TagSetEditor() {
  const { api, dataChanged } = useApp();
  const loaded = useApiQuery('triage-tags', (client) => client.triageTags({}));
  const [draft, setDraft] = useState<string[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    if (loaded.data) setDraft(loaded.data);
  }, [loaded.data]);

  if (loaded.error) return <ErrorNote message={loaded.error} />;
  const clean = draft.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean);
  const dirty = JSON.stringify(clean) !== JSON.stringify(loaded.data ?? []);
  const tooLong = clean.some((t) => t.length > 64);

  const save = async () => {
    setStatus(undefined);
    try {
      const saved = await api.setTriageTags({ tags: clean });
      setDraft(saved);
      setStatus({ ok: true, text: 'Tags saved.' });
      dataChanged();
    } catch (e) {
      setStatus({ ok: false, text: `Not saved: ${errorText(e)}` });
    }
  };

  return (
    <section className="panel" data-testid="tag-set">
      <h2>Triage tags</h2>
      <p className="muted">
        The tags offered on findings and events. Removing one here leaves it on whatever already has it.
      </p>
      {draft.map((tag, i) => (
        <div key={i} className="tag-row">
          <input
            type="text"
            value={tag}
            maxLength={64}
            onChange={(e) => setDraft(draft.map((t, j) => (j === i ? e.target.value : t)))}
            aria-label="Tag"
            data-testid="tag-set-value"
          />
          <button
            type="button"
            className="btn small"
            onClick={() => setDraft(draft.filter((_, j) => j !== i))}
            aria-label={`Remove tag ${tag}`}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="row">
        <button
          type="button"
          className="btn small"
          onClick={() => setDraft([...draft, ''])}
          data-testid="tag-set-add"
        >
          + Add
        </button>
        <button
          type="button"
          className="btn small primary"
          disabled={!dirty || tooLong}
          onClick={() => void save()}
          data-testid="tag-set-save"
        >
          Save tags
        </button>
        {status && (
          <span className={status.ok ? 'ok' : 'error-text'} role="status">
            {status.text}
          </span>
        )}
      </div>
    </section>
  );
}
